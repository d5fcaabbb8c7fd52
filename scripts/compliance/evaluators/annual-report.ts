/**
 * RPT-2 — the 年度运维总结报告 of the period handed over within
 * `report_due_working_days` working days after the period ends
 * (`service_periods[].annual_report.delivered_at`); pending before the
 * period ends.
 */
import type { ComplianceContext, ClauseResult } from '../types.js';

export function annualReport(ctx: ComplianceContext): ClauseResult {
  const entry = ctx.contract.service_periods[ctx.period.index]!;
  const due = ctx.dueAfter(ctx.period.end, ctx.reportDueWorkingDays);
  const delivered = entry.annual_report?.delivered_at;
  const status = ctx.judgeDue(due, delivered);
  const evidence = delivered ? [ctx.contract.id] : [];
  if (ctx.asOf < ctx.period.endMs && status !== 'met' && status !== 'breached') {
    return { status: 'pending', evidence, findings: [], summary: `服务期 ${ctx.period.id} 至 ${ctx.period.end} 结束，年度报告须于 ${due} 前提交` };
  }
  const findings = status === 'met' || status === 'pending' ? [] : [{
    record: ctx.contract.id,
    message: delivered && status === 'breached'
      ? `service_periods ${ctx.period.id} annual_report.delivered_at ${delivered} is after the due date ${due}`
      : `年度运维总结报告 of ${ctx.period.id} not delivered (no service_periods[].annual_report); due ${due}`,
  }];
  return { status, evidence, findings, summary: delivered ? `年度报告已于 ${delivered} 提交（期限 ${due}）` : `年度报告尚未提交（期限 ${due}）` };
}
