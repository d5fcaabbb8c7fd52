/** 合规矩阵: one row per contract clause with status, evidence links and findings (SPEC §7 `compliance --json` shape). */
import type { RootContent } from 'mdast';
import { heading, link, note, paragraph, renderPage, strong, table, type Inline } from '../mdast-build.js';
import { CLAUSE_STATUS_LABEL, label } from '../../shared/labels.js';
import { showTime } from '../../shared/display.js';
import type { Stamp } from './sla-dashboard.js';

export interface MatrixView {
  period: { id: string; start: string; end: string } | string;
  asOf: string;
  clauses: { id: string; title?: string; status: string; evidence: string[]; findings: { record?: string; message: string }[] }[];
}

/** Front matter; the description is fixed, so that it never carries the as-of. */
const FRONT_MATTER = { title: '合规矩阵', description: `合同条款逐条的执行状态（${Object.values(CLAUSE_STATUS_LABEL).join('、')}）、证据记录与发现的问题。`, sidebar_position: 2, custom_edit_url: null, hide_table_of_contents: true };

/** Maps a record id to a site route that shows it, or null (then the id is shown as text). */
export type EvidenceLinker = (recordId: string) => string | null;

/**
 * Builds the compliance matrix page.
 * @param redact the site's disclosure rule for finding texts (credential paths → what they are for; scripts/site/disclosure.ts)
 * @param stamp how the "评估时间" is written (default: as text)
 */
export function compliancePage(result: MatrixView | null, linker: EvidenceLinker, clauseTitles: Record<string, string>, unavailable?: string, redact: (text: string) => string = (t) => t, stamp: Stamp = showTime): string {
  const body: RootContent[] = [heading(1, '合规矩阵')];
  if (!result) {
    body.push(note(unavailable ?? '本次构建没有合规评估结果。'));
    return renderPage(FRONT_MATTER, body);
  }
  const period = typeof result.period === 'string' ? result.period : `${result.period.id}（${result.period.start} 至 ${result.period.end}）`;
  const count = (s: string) => result.clauses.filter((c) => c.status === s).length;
  body.push(paragraph(`服务期 ${period}，评估时间 `, stamp(result.asOf), `（北京时间）。共 ${result.clauses.length} 条：${CLAUSE_STATUS_LABEL.met} ${count('met')}，`, strong(`${CLAUSE_STATUS_LABEL.breached} ${count('breached')}`), `，${CLAUSE_STATUS_LABEL['at-risk']} ${count('at-risk')}，${CLAUSE_STATUS_LABEL.pending} ${count('pending')}，${CLAUSE_STATUS_LABEL.manual} ${count('manual')}，${CLAUSE_STATUS_LABEL['n/a']} ${count('n/a')}。`));
  const evidence = (ids: string[]): Inline[] => {
    const out: Inline[] = [];
    ids.slice(0, 12).forEach((id, i) => {
      if (i) out.push('、');
      const to = linker(id);
      out.push(to ? link(to, id) : id);
    });
    if (ids.length > 12) out.push(` 等 ${ids.length} 条`);
    return out.length ? out : ['—'];
  };
  body.push(table(['条款', '状态', '证据', '问题', '合同要求'], result.clauses.map((c) => [
    link(`#${c.id.toLowerCase()}`, c.id),
    c.status === 'breached' ? strong(label(CLAUSE_STATUS_LABEL, c.status)) : label(CLAUSE_STATUS_LABEL, c.status),
    `${c.evidence.length} 条`,
    c.findings.length ? strong(`${c.findings.length} 项`) : '—',
    c.title ?? clauseTitles[c.id] ?? '',
  ])));
  for (const c of result.clauses) {
    body.push(heading(2, `${c.id} ${label(CLAUSE_STATUS_LABEL, c.status)}`, c.id.toLowerCase()));
    const title = c.title ?? clauseTitles[c.id];
    if (title) body.push(paragraph(title));
    body.push(paragraph('证据：', ...evidence(c.evidence)));
    if (c.findings.length) {
      body.push(table(['记录', '问题'], c.findings.map((f) => [f.record ? (linker(f.record) ? link(linker(f.record)!, f.record) : f.record) : '—', redact(f.message)])));
    }
  }
  return renderPage(FRONT_MATTER, body);
}
