/**
 * S-2 — every resolved fault/defect has the product maintenance report's
 * three parts: 原因 cause, 解决办法 solution, 建议 recommendations. Judged on
 * tickets closed as resolved or workaround (unresolvable ones get a written
 * reply instead, R-2; duplicates are left out).
 */
import { FAULT_CATEGORIES, closureCounts, closureSummary } from '../../sla/index.js';
import { CATEGORY_LABEL, label } from '../../shared/labels.js';
import { fieldText } from '../finding-text.js';
import { combineStatus, countSummary, filled } from '../item-status.js';
import type { ClauseStatus, ComplianceContext, ClauseResult, Finding } from '../types.js';

const PARTS = [['cause', '原因'], ['solution', '解决办法'], ['recommendations', '建议']] as const;

export function maintenanceReports(ctx: ComplianceContext): ClauseResult {
  const closed = ctx.tickets.filter(({ ticket: t }) => FAULT_CATEGORIES.includes(t.category) && t.resolved_at && (t.outcome === undefined || t.outcome === 'resolved' || t.outcome === 'workaround'));
  const items: ClauseStatus[] = [];
  const findings: Finding[] = [];
  for (const { ticket: t } of closed) {
    const missing = PARTS.filter(([k]) => !filled(t[k]));
    items.push(missing.length ? 'breached' : 'met');
    if (missing.length) findings.push({ record: t.id, message: `${label(CATEGORY_LABEL, t.category)}已处理完毕，但产品维护报告缺少${missing.map(([k, l]) => fieldText(l, k)).join('、')}` });
  }
  return {
    status: combineStatus(items),
    evidence: closed.map((j) => j.ticket.id),
    findings,
    summary: closed.length
      ? `处理完毕的故障/缺陷 ${closed.length} 张（${closureSummary(closureCounts(closed.map((j) => j.ticket)), '张')}；产品维护报告${countSummary(items)}）`
      : '本服务期无处理完毕（已解决或临时解决）的故障/缺陷',
  };
}
