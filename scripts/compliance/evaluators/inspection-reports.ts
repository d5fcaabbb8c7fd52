/**
 * RPT-1 — every inspection (on-site and database) finished in the period has
 * its report delivered within `report_due_working_days` working days: the
 * deadline is that many PRC working days strictly after the finish date.
 */
import type { Inspection } from '../../records/types.js';
import { happenedBy } from '../../sla/index.js';
import { dueText, fieldText, lateText, workingDaysAfterText } from '../finding-text.js';
import { combineStatus, countSummary } from '../item-status.js';
import type { ClauseStatus, ComplianceContext, ClauseResult, Finding } from '../types.js';

/** Judges one inspection's report hand-over (shared with D-1). */
export function judgeInspectionReport(ctx: ComplianceContext, ins: Inspection): { status: ClauseStatus; due: string; finding: Finding | null } {
  const due = ctx.dueAfter(ins.finished_at, ctx.reportDueWorkingDays);
  const status = ctx.judgeDue(due, ins.report?.delivered_at);
  const delivered = ins.report?.delivered_at;
  const report = ins.type === 'database' ? '数据库巡检报告' : '巡检报告';
  const rule = workingDaysAfterText('巡检结束', ins.finished_at, ctx.reportDueWorkingDays);
  let finding: Finding | null = null;
  if (status === 'breached' && delivered && happenedBy(delivered, ctx.asOf)) {
    finding = { record: ins.id, message: lateText(fieldText(`${report}提交日期`, 'report.delivered_at'), delivered, due, rule) };
  } else if (status === 'breached' || status === 'at-risk') {
    finding = { record: ins.id, message: `尚未提交${report}（report.delivered_at），${dueText(ctx, status, due, rule)}` };
  }
  return { status, due, finding };
}

export function inspectionReports(ctx: ComplianceContext): ClauseResult {
  const inspections = ctx.kb.inspections.filter((i) => ctx.inPeriod(i.finished_at));
  const items: ClauseStatus[] = [];
  const findings: Finding[] = [];
  for (const ins of inspections) {
    const r = judgeInspectionReport(ctx, ins);
    items.push(r.status);
    if (r.finding) findings.push(r.finding);
  }
  return {
    status: combineStatus(items),
    evidence: inspections.map((i) => i.id),
    findings,
    summary: inspections.length ? `巡检报告 ${inspections.length} 份（${countSummary(items)}）` : '本服务期尚无结束的巡检',
  };
}
