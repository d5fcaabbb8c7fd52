/**
 * software faults (categories fault, defect) responded within
 * `fault_response` (30 min) of the report, whatever their level.
 */
import { FAULT_CATEGORIES } from '../../sla/index.js';
import { fieldText, isoDurationText } from '../finding-text.js';
import { combineStatus, countSummary } from '../item-status.js';
import type { ComplianceContext, ClauseResult } from '../types.js';
import { clockMessage } from './ticket-clock-findings.js';

export function faultResponse(ctx: ComplianceContext): ClauseResult {
  const faults = ctx.tickets.filter((j) => FAULT_CATEGORIES.includes(j.ticket.category));
  const items = faults.map((j) => j.clocks.faultResponse.status);
  const findings = faults
    .filter((j) => j.clocks.faultResponse.status === 'breached')
    .map((j) => ({
      record: j.ticket.id,
      message: clockMessage(fieldText('响应时间', 'responded_at'), fieldText('报告时间', 'reported_at'), j.clocks.faultResponse, `${isoDurationText(ctx.policy.fault_response)}的故障响应时限`),
    }));
  return {
    status: combineStatus(items),
    evidence: faults.map((j) => j.ticket.id),
    findings,
    summary: faults.length ? `故障/缺陷工单 ${faults.length} 张，${isoDurationText(ctx.policy.fault_response)}响应：${countSummary(items)}` : '本服务期无故障/缺陷工单',
  };
}
