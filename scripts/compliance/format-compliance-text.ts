/**
 * The readable text of `opsbook compliance` (without --json): the matrix
 * as a table, then the findings per clause.
 */
import { renderTable } from '../sla/index.js';
import { cstTimeText } from './finding-text.js';
import type { ComplianceResult } from './types.js';

/** Chinese label of each status. */
export const STATUS_LABELS: Record<string, string> = { met: '✔ 达标', breached: '✖ 违约', 'at-risk': '! 临期', pending: '… 未到期', manual: '? 待人工确认', 'n/a': '— 不适用' };

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
