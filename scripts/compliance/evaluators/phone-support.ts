/**
 * S-1 — 7×24 phone support. Records cannot prove that the phone was
 * answered at 3 a.m., so the clause is `manual`; the evidence is the
 * tickets by channel and hour and the after-hours share.
 */
import { showPercent } from '../../shared/display.js';
import type { ComplianceContext, ClauseResult } from '../types.js';

export function phoneSupport(ctx: ComplianceContext): ClauseResult {
  const all = ctx.tickets;
  const phone = all.filter((j) => j.ticket.channel === 'phone');
  const after = all.filter((j) => j.afterHours);
  const afterPhone = after.filter((j) => j.ticket.channel === 'phone');
  const answered = afterPhone.filter((j) => j.clocks.response.status === 'met').length;
  return {
    status: 'manual',
    evidence: after.map((j) => j.ticket.id),
    findings: [],
    summary: `工单 ${all.length} 张，其中电话 ${phone.length} 张；非工作时间报告 ${after.length} 张（${showPercent(after.length, all.length)}），其中电话 ${afterPhone.length} 张、按时响应 ${answered} 张；7×24 电话值守需人工确认`,
  };
}
