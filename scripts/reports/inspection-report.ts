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
import { ASSESSMENT_RATING_LABEL, CHECK_RESULT_LABEL, HAZARD_STATUS_LABEL, INSPECTION_TYPE_LABEL, SYSTEM_SHORT_LABEL, label } from '../shared/labels.js';
import { fieldTable, heading, list, p, strong, table } from './mdast.js';
import { assembleReport, contractPaths, pending, personName, recordPath, recordPaths, reportMeta, systemName } from './report-header.js';
import { REPORT_TITLE, type BuiltReport, type DraftReason, type ReportContext } from './report-types.js';

const systemShort = (s: string) => label(SYSTEM_SHORT_LABEL, s);

/** Whether an inspection's report is due as of `asOf` (the inspection has finished). */
export function isInspectionDue(ins: Inspection, asOf: number): boolean {
  return parseInstant(ins.finished_at, { end: true }) <= asOf + 24 * 3600_000 && parseInstant(ins.finished_at) <= asOf;
}

/** The inspection of a report, checked to be of the kind asked for. */
function findInspection(ctx: ReportContext, id: string, expected: 'inspection' | 'database-inspection'): Inspection {
  const ins = ctx.kb.inspections.find((x) => x.id === id);
  if (!ins) throw new UserError(`Unexpected inspection id \`${id}\`, expected an existing inspection`);
  const kind = ins.type === 'database' ? 'database-inspection' : 'inspection';
  if (kind !== expected) {
    throw new UserError(`Unexpected inspection \`${id}\` of type ${ins.type}, expected a${expected === 'inspection' ? 'n onsite' : ' database'} inspection (use \`report ${kind} ${id}\`)`);
  }
  return ins;
}

function inputsOf(ctx: ReportContext, ins: Inspection): string[] {
  return [...contractPaths(ctx.kb), ...recordPaths(ctx.kb, [ins.id, ...(ins.engineers ?? [])])];
}

/**
 * The input records of an inspection's report (what its 输入记录摘要 covers), without building it
 * (the builder uses the same function).
 * @throws UserError as the builder would
 */
export function inspectionReportInputs(ctx: ReportContext, id: string, expected: 'inspection' | 'database-inspection'): string[] {
  return inputsOf(ctx, findInspection(ctx, id, expected));
}

/**
 * Builds the report of an inspection; the kind follows the record's `type`.
 * @param expected the kind the caller asked for (`inspection` or `database-inspection`)
 * @throws UserError when the id is unknown or of the other type
 */
export function buildInspectionReport(ctx: ReportContext, id: string, expected: 'inspection' | 'database-inspection'): BuiltReport {
  const kb = ctx.kb;
  const ins = findInspection(ctx, id, expected);
  const kind = expected;
  const title = REPORT_TITLE[kind];
  const inputs = inputsOf(ctx, ins);
  const checks = ins.checks ?? [];
  const issues = checks.filter((c) => c.result === 'issue').length;
  const hazards = ins.hazards ?? [];
  const meta = reportMeta(kb, { title, number: ins.id, systems: ins.systems, asOf: ctx.asOf, inputs, period: `${showDate(ins.started_at)} 至 ${showDate(ins.finished_at)}` });

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

  const nums = ['一', '二', '三', '四', '五', '六', '七', '八'];
  let sec = 0;
  const h = (name: string) => heading(2, `${nums[sec++]}、${name}`);
  const body: RootContent[] = [
    h('基本情况'),
    fieldTable(facts),
    h('巡检范围'),
    ins.scope?.length ? list(ins.scope) : p(pending('记录中未填写巡检范围')),
    h('巡检结果'),
    p(checks.length
      ? `共检查 ${checks.length} 项，${CHECK_RESULT_LABEL.ok} ${checks.length - issues} 项，${CHECK_RESULT_LABEL.issue} ${issues} 项。`
      : pending('记录中未填写检查项')),
  ];
  if (checks.length) {
    body.push(table(['序号', '检查内容', '系统', '结果', '说明'], checks.map((c, i) => [
      String(i + 1), c.item, c.system ? systemShort(c.system) : '—', label(CHECK_RESULT_LABEL, c.result), c.note ?? '',
    ]), ['right', null, null, null, null]));
  }
  body.push(h('隐患及处理'));
  if (hazards.length) {
    const open = hazards.filter((x) => x.status === 'open').length;
    body.push(p(`发现影响系统稳定运行的隐患 ${hazards.length} 项，${HAZARD_STATUS_LABEL.fixed} ${hazards.length - open} 项，${HAZARD_STATUS_LABEL.open} ${open} 项。`));
    body.push(table(['序号', '隐患描述', '处理措施', '状态'], hazards.map((x, i) => [
      String(i + 1), x.description, x.action ?? '—', label(HAZARD_STATUS_LABEL, x.status),
    ]), ['right', null, null, null]));
  } else {
    body.push(p('本次巡检未发现影响系统稳定运行的隐患。'));
  }
  if (kind === 'database-inspection') {
    body.push(h('运行状态评估'));
    body.push(ins.assessment
      ? p(strong(`评估等级：${label(ASSESSMENT_RATING_LABEL, ins.assessment.rating)}`), '。', ins.assessment.summary.trim().replace(/\s*\n\s*/g, ''))
      : p(pending('记录中未填写运行状态评估')));
  }
  body.push(h('巡检结论'));
  body.push(p(ins.conclusion?.trim() ? ins.conclusion.trim().replace(/\s*\n\s*/g, '') : pending('记录中未填写巡检结论')));
  body.push(h('巡检建议'));
  body.push(ins.recommendations?.length ? list(ins.recommendations, true) : p(pending('记录中未填写巡检建议')));
  return assembleReport(ctx, { kind, id: ins.id, fileBase: `${kind}-${ins.id}`, meta, front: 'title-block', body, inputs, draft: inspectionGaps(ctx, ins, kind) });
}

/**
 * What an inspection record lacks for its report (the contract: 巡检范围、
 * 结果及巡检建议, on-site “经许可”, a database inspection “对现有数据库运行状态进行评估”),
 * plus the overall 巡检结论.
 */
export function inspectionGaps(ctx: ReportContext, ins: Inspection, kind: 'inspection' | 'database-inspection'): DraftReason[] {
  const need: [string, string, boolean][] = [
    ['scope', '巡检范围', !!ins.scope?.length],
    ['checks', '巡检结果（检查项）', !!ins.checks?.length],
    ['conclusion', '巡检结论', !!ins.conclusion?.trim()],
    ['recommendations', '巡检建议', !!ins.recommendations?.length],
  ];
  if (kind === 'inspection') need.push(['permission', '院方许可', !!ins.permission]);
  if (kind === 'database-inspection') need.push(['assessment', '运行状态评估', !!ins.assessment]);
  const why = kind === 'inspection' ? '巡检报告须包含巡检范围、结果及巡检建议（合同（二）3（5））' : '数据库巡检须对数据库运行状态进行评估并出具巡检报告（合同（二）7（1））';
  return need.filter(([, , ok]) => !ok).map(([field, name]) => ({ record: ins.id, path: recordPath(ctx.kb, ins.id), field, message: `${name}（${field}）未填写；${why}` }));
}
