/**
 * The readable text of `opsbook compliance` (without --json): the matrix
 * as a table, then the findings per clause.
 */
import { renderTable } from '../sla/index.js';
import { CLAUSE_STATUS_LABEL, label } from '../shared/labels.js';
import { cstTimeText } from './finding-text.js';
import type { ClauseStatus, ComplianceResult } from './types.js';

/** The terminal mark before each status, so a breach stands out in plain text. */
const STATUS_MARK: Record<ClauseStatus, string> = { met: '✔', breached: '✖', 'at-risk': '!', pending: '…', manual: '?', 'n/a': '—' };

/** Each clause status as the text output shows it: its mark and its label from shared/labels.ts (`✖ 违约`). */
export const STATUS_LABELS: Readonly<Record<string, string>> = Object.fromEntries(
  (Object.keys(STATUS_MARK) as ClauseStatus[]).map((s) => [s, `${STATUS_MARK[s]} ${label(CLAUSE_STATUS_LABEL, s)}`]),
);

/**
 * Formats a compliance result as text.
 * @param r the result of evaluateCompliance
 */
export function formatComplianceText(r: ComplianceResult): string {
  const head = `合同条款履行情况：服务期 ${r.period.id}（${r.period.start} 至 ${r.period.end}），截至 ${cstTimeText(r.asOf)}`;
  const table = renderTable(['条款', '合同条目', '状态', '说明'], r.clauses.map((c) => [c.id, c.section, STATUS_LABELS[c.status] ?? c.status, c.summary]));
  const counts = Object.entries(r.counts).filter(([, n]) => n > 0).map(([s, n]) => `${STATUS_LABELS[s] ?? s} ${n}`).join('  ');
  const details = r.clauses
    .filter((c) => c.findings.length)
    .map((c) => [`${c.id} ${STATUS_LABELS[c.status] ?? c.status}  ${c.title}`, ...c.findings.map((f) => `  - ${f.record}  ${f.message}`)].join('\n'));
  return [head, '', table, '', counts, ...(details.length ? ['', '发现：', '', details.join('\n\n')] : [])].join('\n');
}
