/**
 * S-5 — one on-site inspection (with the hospital's permission) in each
 * quarter of the service period; quarters are 3-month blocks from the
 * period start. A quarter without its inspection is breached once it has
 * ended, at-risk in its last working days, pending before. Each inspection
 * report needs 巡检范围 scope, 检查项 checks (results) and 巡检建议
 * recommendations, and the inspection 院方许可 permission.
 */
import { dueText, fieldText } from '../finding-text.js';
import { combineStatus, countSummary } from '../item-status.js';
import { periodBlocks, inspectionsIn } from '../period-blocks.js';
import type { ClauseStatus, ComplianceContext, ClauseResult, Finding } from '../types.js';

export function quarterlyInspections(ctx: ComplianceContext): ClauseResult {
  const required = ctx.policy.onsite_inspections_per_quarter;
  const items: ClauseStatus[] = [];
  const findings: Finding[] = [];
  const evidence: string[] = [];
  periodBlocks(ctx.period, 3).forEach((q, i) => {
    const found = inspectionsIn(ctx, 'onsite', q);
    evidence.push(...found.map((x) => x.id));
    for (const ins of found) {
      const missing = [
        !ins.scope?.length && fieldText('巡检范围', 'scope'),
        !ins.checks?.length && fieldText('检查项', 'checks'),
        !ins.recommendations?.length && fieldText('巡检建议', 'recommendations'),
        !ins.permission && fieldText('院方许可', 'permission'),
      ].filter(Boolean);
      if (missing.length) {
        items.push('breached');
        findings.push({ record: ins.id, message: `现场巡检记录缺少${missing.join('、')}` });
      }
    }
    if (found.length >= required) {
      items.push('met');
      return;
    }
    const label = `第 ${i + 1} 季度（${q.start} 至 ${q.end}）`;
    if (ctx.asOfDate < q.start) {
      items.push('pending');
      return;
    }
    const s = ctx.judgeDue(q.end, undefined);
    items.push(s);
    if (s !== 'pending') findings.push({ record: ctx.contract.id, message: `${label}现场巡检（type: onsite）${found.length} 次，合同要求每季度 ${required} 次，${dueText(ctx, s, q.end, '季度末')}` });
  });
  return {
    status: combineStatus(items),
    evidence,
    findings,
    summary: `现场巡检 ${evidence.length} 次，按季度：${countSummary(items)}`,
  };
}
