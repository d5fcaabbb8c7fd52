/**
 * L-2 — levels with `onsite_after_remote_fails` (1 and A, 12 h): an
 * engineer on site within that time of the clock start when remote help
 * failed (the highest level the ticket reached counts).
 */
import { fieldText, isoDurationText, levelText } from '../finding-text.js';
import { combineStatus, countSummary } from '../item-status.js';
import type { ComplianceContext, ClauseResult } from '../types.js';
import { clockMessage } from './ticket-clock-findings.js';

export function criticalOnsite(ctx: ComplianceContext): ClauseResult {
  const visits = ctx.tickets.filter((j) => j.clocks.onsiteRule === 'L-2');
  const items = visits.map((j) => j.clocks.onsite.status);
  const start = ctx.policy.onsite_clock === 'reported' ? fieldText('报告时间', 'reported_at') : fieldText('提出到场时间', 'onsite.requested_at');
  const findings = visits
    .filter((j) => j.clocks.onsite.status === 'breached')
    .map((j) => {
      const level = j.clocks.severity.highest;
      const limit = ctx.policy.severities[level].onsite_after_remote_fails;
      return { record: j.ticket.id, message: clockMessage(fieldText('到场时间', 'onsite.arrived_at'), start, j.clocks.onsite, `${levelText(level)}远程无法解决时${limit ? ` ${isoDurationText(limit)}` : ''}的到场时限`) };
    });
  return {
    status: combineStatus(items),
    evidence: visits.map((j) => j.ticket.id),
    findings,
    summary: visits.length ? `1级/A级到场 ${visits.length} 次（${countSummary(items)}）` : '本服务期无需到场的1级/A级问题',
  };
}
