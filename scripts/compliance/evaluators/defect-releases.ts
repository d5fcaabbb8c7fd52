/**
 * S-3 — every defect closed as resolved links the release that fixed it
 * (`fixed_in`), and that release carries 软件维护说明 maintenance_notes.
 * A defect closed with a workaround and no fix yet is pending; a fix whose
 * release date is after the as-of time is pending too.
 */
import { happenedBy } from '../../sla/index.js';
import { combineStatus, countSummary, filled } from '../item-status.js';
import type { ClauseStatus, ComplianceContext, ClauseResult, Finding } from '../types.js';

export function defectReleases(ctx: ComplianceContext): ClauseResult {
  const defects = ctx.tickets.filter(({ ticket: t }) => t.category === 'defect' && t.resolved_at && (t.outcome === 'resolved' || t.outcome === 'workaround' || t.outcome === undefined));
  const items: ClauseStatus[] = [];
  const findings: Finding[] = [];
  const evidence: string[] = [];
  for (const { ticket: t } of defects) {
    evidence.push(t.id);
    if (!t.fixed_in) {
      if (t.outcome === 'workaround') {
        items.push('pending');
        continue;
      }
      items.push('breached');
      findings.push({ record: t.id, message: '缺陷已处理完毕，但未填写修复版本（fixed_in），无法确认修复该缺陷的软件发布' });
      continue;
    }
    const rel = ctx.kb.releases.find((r) => r.id === t.fixed_in);
    if (!rel) {
      items.push('breached');
      findings.push({ record: t.id, message: `修复版本（fixed_in）${t.fixed_in} 不是已登记的发布记录` });
      continue;
    }
    evidence.push(rel.id);
    if (!happenedBy(rel.released_at, ctx.asOf)) {
      items.push('pending');
      continue;
    }
    if (!filled(rel.maintenance_notes)) {
      items.push('breached');
      findings.push({ record: rel.id, message: `该发布修复了缺陷 ${t.id}，但缺少软件维护说明（maintenance_notes）` });
      continue;
    }
    items.push('met');
  }
  return {
    status: combineStatus(items),
    evidence: [...new Set(evidence)],
    findings,
    summary: defects.length ? `已关闭缺陷 ${defects.length} 张（${countSummary(items)}）` : '本服务期无已关闭的缺陷',
  };
}
