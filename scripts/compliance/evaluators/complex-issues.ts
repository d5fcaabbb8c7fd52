/**
 * complex issues: when remote help was not enough (an `onsite`
 * block), an engineer arrives within `complex_onsite` (24 h) of the clock
 * start (`sla.onsite_clock`); a ticket closed as unresolvable has a 书面答复
 * written_reply, due `sla.written_reply_working_days` working days after it
 * was closed (the contract names no period; default 10, the finding cites it).
 */
import { happenedBy } from '../../sla/index.js';
import { dueText, fieldText, isoDurationText, lateText, unnamedDeadlineRule } from '../finding-text.js';
import { combineStatus, countSummary } from '../item-status.js';
import type { ClauseStatus, ComplianceContext, ClauseResult, Finding } from '../types.js';
import { clockMessage } from './ticket-clock-findings.js';

export function complexIssues(ctx: ComplianceContext): ClauseResult {
  const items: ClauseStatus[] = [];
  const findings: Finding[] = [];
  const evidence: string[] = [];
  const start = ctx.policy.onsite_clock === 'reported' ? fieldText('报告时间', 'reported_at') : fieldText('提出到场时间', 'onsite.requested_at');
  for (const { ticket: t, clocks: c } of ctx.tickets) {
    if (c.complexOnsite.status !== 'n/a') {
      evidence.push(t.id);
      items.push(c.complexOnsite.status);
      if (c.complexOnsite.status === 'breached') findings.push({ record: t.id, message: clockMessage(fieldText('到场时间', 'onsite.arrived_at'), start, c.complexOnsite, `复杂问题 ${isoDurationText(ctx.policy.complex_onsite)}的到场时限`) });
    }
    if (t.outcome === 'unresolvable' && t.resolved_at) {
      if (!evidence.includes(t.id)) evidence.push(t.id);
      const due = ctx.dueAfter(t.resolved_at, ctx.grace.writtenReply.workingDays);
      const replied = t.written_reply?.delivered_at;
      const s = ctx.judgeDue(due, replied);
      items.push(s);
      const rule = unnamedDeadlineRule('工单关闭', t.resolved_at, ctx.grace.writtenReply);
      if (s === 'breached' && replied && happenedBy(replied, ctx.asOf)) {
        findings.push({ record: t.id, message: lateText(fieldText('书面答复日期', 'written_reply.delivered_at'), replied, due, rule) });
      } else if (s === 'breached' || s === 'at-risk') {
        findings.push({ record: t.id, message: `处理结果为无法解决（outcome: unresolvable），尚未给予书面答复（written_reply），${dueText(ctx, s, due, rule)}` });
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
