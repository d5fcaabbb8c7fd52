/**
 * 巡检报告 (on-site inspection, clause S-5) and 数据库巡检报告 (database
 * server inspection, clause D-1): scope, results, hazards and their
 * handling, recommendations.
 */
import type { RootContent } from 'mdast';
import type { Inspection } from '../records/index.js';
import { UserError } from '../shared/errors.js';
import { parseInstant } from '../shared/time.js';
import { showDate, showTime } from '../shared/display.js';
import { CHECK_RESULT_LABEL, HAZARD_STATUS_LABEL, INSPECTION_TYPE_LABEL, label } from '../shared/labels.js';
import { fieldTable, heading, list, p, root, table } from './mdast.js';
import { contractPaths, personName, recordPaths, reportHeader, signOff, systemName } from './report-header.js';
import { REPORT_TITLE, type BuiltReport, type ReportContext } from './report-types.js';

/** Whether an inspection's report is due as of `asOf` (the inspection has finished). */
export function isInspectionDue(ins: Inspection, asOf: number): boolean {
  return parseInstant(ins.finished_at, { end: true }) <= asOf + 24 * 3600_000 && parseInstant(ins.finished_at) <= asOf;
}

/**
 * Builds the report of an inspection; the kind follows the record's `type`.
 * @param expected the kind the caller asked for (`inspection` or `database-inspection`)
 * @throws UserError when the id is unknown or of the other type
 */
export function buildInspectionReport(ctx: ReportContext, id: string, expected: 'inspection' | 'database-inspection'): BuiltReport {
  const kb = ctx.kb;
  const ins = kb.inspections.find((x) => x.id === id);
  if (!ins) throw new UserError(`Unexpected inspection id \`${id}\`, expected an existing inspection`);
  const kind = ins.type === 'database' ? 'database-inspection' : 'inspection';
  if (kind !== expected) {
    throw new UserError(`Unexpected inspection \`${id}\` of type ${ins.type}, expected a${expected === 'inspection' ? 'n onsite' : ' database'} inspection (use \`report ${kind} ${id}\`)`);
  }
  const title = REPORT_TITLE[kind];
  const inputs = [...contractPaths(kb), ...recordPaths(kb, [ins.id, ...(ins.engineers ?? [])])];
  const checks = ins.checks ?? [];
  const issues = checks.filter((c) => c.result === 'issue').length;
  const hazards = ins.hazards ?? [];

  const facts: [string, string][] = [
    ['巡检编号', ins.id],
    ['巡检类型', label(INSPECTION_TYPE_LABEL, ins.type)],
    ['巡检系统', ins.systems.map((s) => systemName(kb, s)).join('、')],
    ['开始', showTime(ins.started_at)],
    ['结束', showTime(ins.finished_at)],
  ];
  if (ins.permission) facts.push(['院方许可', `${ins.permission.granted_by}（${showDate(ins.permission.date)}）`]);
  if (ins.engineers?.length) facts.push(['巡检工程师', ins.engineers.map((e) => personName(kb, e)).join('、')]);
  if (ins.report) facts.push(['报告提交', `${showTime(ins.report.delivered_at)}${ins.report.acknowledged_by ? `，签收：${ins.report.acknowledged_by}` : ''}`]);

  const body: RootContent[] = [
    ...reportHeader(kb, ctx.provenance, {
      title, number: ins.id, systems: ins.systems, asOf: ctx.asOf, inputs,
      period: `${showDate(ins.started_at)} 至 ${showDate(ins.finished_at)}`,
    }),
    heading(2, '一、基本情况'),
    fieldTable(facts),
    heading(2, '二、巡检范围'),
    ins.scope?.length ? list(ins.scope) : p('（记录中未填写巡检范围）'),
    heading(2, '三、巡检结果'),
    p(checks.length
      ? `共检查 ${checks.length} 项，${CHECK_RESULT_LABEL.ok} ${checks.length - issues} 项，${CHECK_RESULT_LABEL.issue} ${issues} 项。`
      : '（记录中未填写检查项）'),
  ];
  if (checks.length) {
    body.push(table(['序号', '检查内容', '系统', '结果', '说明'], checks.map((c, i) => [
      String(i + 1), c.item, c.system ? systemName(kb, c.system) : '—', label(CHECK_RESULT_LABEL, c.result), c.note ?? '',
    ])));
  }
  body.push(heading(2, '四、隐患及处理'));
  if (hazards.length) {
    const open = hazards.filter((h) => h.status === 'open').length;
    body.push(p(`发现影响系统稳定运行的隐患 ${hazards.length} 项，${HAZARD_STATUS_LABEL.fixed} ${hazards.length - open} 项，${HAZARD_STATUS_LABEL.open} ${open} 项。`));
    body.push(table(['序号', '隐患描述', '处理措施', '状态'], hazards.map((h, i) => [
      String(i + 1), h.description, h.action ?? '—', label(HAZARD_STATUS_LABEL, h.status),
    ])));
  } else {
    body.push(p('本次巡检未发现影响系统稳定运行的隐患。'));
  }
  body.push(heading(2, '五、巡检建议'));
  body.push(ins.recommendations?.length ? list(ins.recommendations, true) : p('无。'));
  body.push(...signOff());
  return { kind, id: ins.id, title, fileBase: `${kind}-${ins.id}`, tree: root(body), charts: [], inputs, warnings: [] };
}
