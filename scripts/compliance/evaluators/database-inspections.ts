/**
 * D-1 — database server inspections: `database_inspections_per_period`
 * (2) per period, spread evenly over its halves (6-month blocks from the
 * start), each report delivered within `report_due_working_days` working
 * days after the inspection finished.
 */
import { INSPECTION_TYPE_LABEL } from '../../shared/labels.js';
import { dueText } from '../finding-text.js';
import { combineStatus, countSummary } from '../item-status.js';
import { inspectionsIn, periodBlocks } from '../period-blocks.js';
import type { ClauseStatus, ComplianceContext, ClauseResult, Finding } from '../types.js';
import { judgeInspectionReport } from './inspection-reports.js';

export function databaseInspections(ctx: ComplianceContext): ClauseResult {
  const halves = periodBlocks(ctx.period, 6);
  const perHalf = Math.ceil(ctx.policy.database_inspections_per_period / halves.length);
  const items: ClauseStatus[] = [];
  const findings: Finding[] = [];
  const evidence: string[] = [];
  halves.forEach((h, i) => {
    const found = inspectionsIn(ctx, 'database', h);
    for (const ins of found) {
      evidence.push(ins.id);
      const r = judgeInspectionReport(ctx, ins);
      items.push(r.status);
      if (r.finding) findings.push(r.finding);
    }
    if (found.length >= perHalf) {
      items.push('met');
      return;
    }
    if (ctx.asOfDate < h.start) {
      items.push('pending');
      return;
    }
    const s = ctx.judgeDue(h.end, undefined);
    items.push(s);
    if (s !== 'pending') findings.push({ record: ctx.contract.id, message: `${i === 0 ? '上半年' : '下半年'}（${h.start} 至 ${h.end}）数据库服务器巡检（type: database）${found.length} 次，合同要求每服务期 ${ctx.policy.database_inspections_per_period} 次、每半年 ${perHalf} 次，${dueText(ctx, s, h.end, '半年末')}` });
  });
  return { status: combineStatus(items), evidence, findings, summary: `${INSPECTION_TYPE_LABEL.database} ${evidence.length} 次（次数与报告：${countSummary(items)}）` };
}
