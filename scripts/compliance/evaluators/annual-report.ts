/**
 * RPT-2 — the 年度运维总结报告 of the period handed over within
 * `report_due_working_days` working days after the period ends
 * (`service_periods[].annual_report.delivered_at`); pending before the
 * period ends.
 */
import { happenedBy } from '../../sla/index.js';
import { cstTimeText, dueText, fieldText, lateText, workingDaysAfterText } from '../finding-text.js';
import type { ComplianceContext, ClauseResult } from '../types.js';

export function annualReport(ctx: ComplianceContext): ClauseResult {
  const entry = ctx.contract.service_periods[ctx.period.index]!;
  const due = ctx.dueAfter(ctx.period.end, ctx.reportDueWorkingDays);
  const delivered = entry.annual_report?.delivered_at;
  const status = ctx.judgeDue(due, delivered);
  const evidence = delivered ? [ctx.contract.id] : [];
  if (ctx.asOf < ctx.period.endMs && status !== 'met' && status !== 'breached') {
    return { status: 'pending', evidence, findings: [], summary: `服务期 ${ctx.period.id} 于 ${ctx.period.end} 结束，年度报告截止日期 ${due}` };
  }
  const rule = workingDaysAfterText(`服务期 ${ctx.period.id} 结束`, ctx.period.end, ctx.reportDueWorkingDays);
  const findings = status === 'met' || status === 'pending' ? [] : [{
    record: ctx.contract.id,
    message: delivered && status === 'breached' && happenedBy(delivered, ctx.asOf)
      ? `服务期 ${ctx.period.id} 的${lateText(fieldText('年度运维总结报告提交日期', 'service_periods[].annual_report.delivered_at'), delivered, due, rule)}`
      : `尚未提交服务期 ${ctx.period.id} 的年度运维总结报告（service_periods[].annual_report.delivered_at），${dueText(ctx, status, due, rule)}`,
  }];
  return { status, evidence, findings, summary: delivered ? `年度报告已于 ${cstTimeText(delivered)} 提交（截止日期 ${due}）` : `年度报告尚未提交（截止日期 ${due}）` };
}
