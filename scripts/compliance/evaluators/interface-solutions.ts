/**
 * I-2 — interface solutions: every closed interface ticket of the period
 * has a 解决办法 solution; every interface marked 运行不畅 (degraded) has an
 * interface ticket (of any period up to as-of) with a solution (open
 * ticket → pending, none → breached).
 */
import { happenedBy, ticketAsOf } from '../../sla/index.js';
import { combineStatus, countSummary, filled } from '../item-status.js';
import type { ClauseStatus, ComplianceContext, ClauseResult, Finding } from '../types.js';

export function interfaceSolutions(ctx: ComplianceContext): ClauseResult {
  const tickets = ctx.tickets.filter((j) => j.ticket.category === 'interface');
  const items: ClauseStatus[] = [];
  const findings: Finding[] = [];
  for (const { ticket: t } of tickets) {
    if (!t.resolved_at || t.outcome === 'duplicate') continue;
    items.push(filled(t.solution) ? 'met' : 'breached');
    if (!filled(t.solution)) findings.push({ record: t.id, message: '接口工单已关闭，但未填写解决办法（solution）' });
  }
  const degraded = ctx.kb.interfaces.filter((i) => i.status === 'degraded');
  const evidenceExtra: string[] = [];
  for (const i of degraded) {
    // The register shows the interface's current state, so any ticket up to as-of may carry the solution.
    const related = ctx.kb.tickets.filter((t) => t.interface === i.id && happenedBy(t.reported_at, ctx.asOf)).map((t) => ticketAsOf(t, ctx.asOf));
    evidenceExtra.push(...related.map((t) => t.id));
    if (related.some((t) => t.resolved_at && filled(t.solution))) items.push('met');
    else if (related.some((t) => !t.resolved_at)) items.push('pending');
    else {
      items.push('breached');
      findings.push({ record: i.id, message: '接口状态为运行不畅（status: degraded），但没有任何接口工单给出解决办法（solution）' });
    }
  }
  return {
    status: combineStatus(items),
    evidence: [...tickets.map((j) => j.ticket.id), ...degraded.map((i) => i.id), ...evidenceExtra],
    findings,
    summary: items.length ? `接口解决方案 ${items.length} 项（${countSummary(items)}）` : '本服务期无已关闭的接口工单或运行不畅的接口',
  };
}
