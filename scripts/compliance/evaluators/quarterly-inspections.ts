/**
 * S-5 — one on-site inspection (with the hospital's permission) in each
 * quarter of the service period; quarters are 3-month blocks from the
 * period start. A quarter without its inspection is breached once it has
 * ended, at-risk in its last working days, pending before. Each inspection
 * report needs 巡检范围 scope, 检查项 checks (results) and 巡检建议
 * recommendations, and the inspection 院方许可 permission.
 */
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
        !ins.scope?.length && '巡检范围 scope',
        !ins.checks?.length && '检查项 checks',
        !ins.recommendations?.length && '巡检建议 recommendations',
        !ins.permission && '院方许可 permission',
      ].filter(Boolean);
      if (missing.length) {
        items.push('breached');
        findings.push({ record: ins.id, message: `on-site inspection lacks ${missing.join(', ')}` });
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
    if (s !== 'pending') findings.push({ record: ctx.contract.id, message: `${label}: ${found.length} on-site inspection(s) (type: onsite), expected ${required}${s === 'at-risk' ? ' — quarter ends soon' : ''}` });
  });
  return {
    status: combineStatus(items),
    evidence,
    findings,
    summary: `现场巡检 ${evidence.length} 次，按季度：${countSummary(items)}`,
  };
}
