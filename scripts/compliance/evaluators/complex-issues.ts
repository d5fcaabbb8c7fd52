/**
 * complex issues: when remote help was not enough (an `onsite`
 * block), an engineer arrives within `complex_onsite` (24 h) of the clock
 * start (`sla.onsite_clock`); a ticket closed as unresolvable has a 书面答复
 * written_reply, due `report_due_working_days` working days after it was
 * closed (opsbook's reading; the contract names no date).
 */
import { combineStatus, countSummary } from '../item-status.js';
import type { ClauseStatus, ComplianceContext, ClauseResult, Finding } from '../types.js';
import { clockMessage } from './ticket-clock-findings.js';

export function complexIssues(ctx: ComplianceContext): ClauseResult {
  const items: ClauseStatus[] = [];
  const findings: Finding[] = [];
  const evidence: string[] = [];
  const start = ctx.policy.onsite_clock === 'reported' ? '报告时间 reported_at' : '提出到场时间 onsite.requested_at';
  for (const { ticket: t, clocks: c } of ctx.tickets) {
    if (c.complexOnsite.status !== 'n/a') {
      evidence.push(t.id);
      items.push(c.complexOnsite.status);
      if (c.complexOnsite.status === 'breached') findings.push({ record: t.id, message: clockMessage('到场时间 onsite.arrived_at', start, c.complexOnsite, `complex_onsite ${ctx.policy.complex_onsite}`) });
    }
    if (t.outcome === 'unresolvable' && t.resolved_at) {
      if (!evidence.includes(t.id)) evidence.push(t.id);
      const due = ctx.dueAfter(t.resolved_at, ctx.reportDueWorkingDays);
      const s = ctx.judgeDue(due, t.written_reply?.delivered_at);
      items.push(s);
      if (s === 'breached') {
        findings.push({
          record: t.id,
          message: t.written_reply
            ? `书面答复 written_reply.delivered_at ${t.written_reply.delivered_at} is after the due date ${due}`
            : `outcome unresolvable (无法解决) but no 书面答复 written_reply; due ${due}`,
        });
      } else if (s === 'at-risk') {
        findings.push({ record: t.id, message: `书面答复 written_reply not delivered yet; due ${due}` });
      }
    }
  }
  return {
    status: combineStatus(items),
    evidence,
    findings,
    summary: evidence.length ? `到场与书面答复 ${items.length} 项（${countSummary(items)}）` : '本服务期无到场服务或无法解决的问题',
  };
}
