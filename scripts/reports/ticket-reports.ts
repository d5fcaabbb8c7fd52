/**
 * 产品维护报告 (per resolved fault/defect ticket, clause S-2) and 书面答复
 * (per ticket that could not be resolved, clause R-2).
 */
import type { RootContent } from 'mdast';
import type { Ticket } from '../records/index.js';
import { UserError } from '../shared/errors.js';
import { showTime } from '../shared/display.js';
import { CATEGORY_LABEL, CHANNEL_LABEL, NOTIFY_LABEL, OUTCOME_LABEL, REPORTER_ROLE_LABEL, SEVERITY_LABEL, label } from '../shared/labels.js';
import { fieldTable, heading, p } from './mdast.js';
import { assembleReport, chineseDateOf, contractPaths, pending, personName, recordPath, recordPaths, reportMeta } from './report-header.js';
import { REPORT_TITLE, type BuiltReport, type DraftReason, type ReportContext } from './report-types.js';

/** Whether a ticket gets a 产品维护报告: a fault or defect with a resolution time and outcome resolved/workaround. */
export function isMaintenanceDue(t: Ticket): boolean {
  return (t.category === 'fault' || t.category === 'defect') && t.resolved_at !== undefined
    && (t.outcome === 'resolved' || t.outcome === 'workaround');
}

/** Whether a ticket gets a 书面答复. */
export function isWrittenReplyDue(t: Ticket): boolean {
  return t.outcome === 'unresolvable';
}

/**
 * The contract's required content of a ticket report, by field: a
 * 产品维护报告 “包含问题的原因、解决办法及建议” (（二）3（2）); a 书面答复
 * (（二）5) explains the cause, what was done and the reply, dated.
 */
const REQUIRED: Record<'maintenance' | 'written-reply', { field: string; label: string; get: (t: Ticket) => string | undefined }[]> = {
  maintenance: [
    { field: 'cause', label: '原因', get: (t) => t.cause },
    { field: 'solution', label: '解决办法', get: (t) => t.solution },
    { field: 'recommendations', label: '建议', get: (t) => t.recommendations },
  ],
  'written-reply': [
    { field: 'cause', label: '原因分析', get: (t) => t.cause },
    { field: 'solution', label: '已采取的措施', get: (t) => t.solution },
    { field: 'written_reply.summary', label: '答复意见', get: (t) => t.written_reply?.summary },
    { field: 'written_reply.delivered_at', label: '答复日期', get: (t) => t.written_reply?.delivered_at },
  ],
};

/** What a ticket lacks for its report (by field), as draft reasons. */
export function ticketGaps(kb: ReportContext['kb'], t: Ticket, kind: 'maintenance' | 'written-reply'): DraftReason[] {
  const why = kind === 'maintenance' ? '产品维护报告须包含问题的原因、解决办法及建议（合同（二）3（2），条款 S-2）' : '无法解决的故障须给予书面答复（合同（二）5，条款 R-2）';
  return REQUIRED[kind].filter((r) => !r.get(t)?.trim()).map((r) => ({
    record: t.id, path: recordPath(kb, t.id), field: r.field, message: `${r.label}（${r.field}）未填写；${why}`,
  }));
}

/** Paragraphs of a text field, or the draft placeholder when it is empty. */
function paragraphs(textValue: string | undefined, what: string): RootContent[] {
  if (!textValue || !textValue.trim()) return [p(pending(`记录中未填写${what}`))];
  return textValue.trim().split(/\n\s*\n/).map((para) => p(para.replace(/\s*\n\s*/g, '')));
}

function ticketFacts(ctx: ReportContext, t: Ticket): RootContent {
  const kb = ctx.kb;
  const rows: [string, string][] = [
    ['工单编号', t.id],
    ['标题', t.title],
    ['严重级别', label(SEVERITY_LABEL, t.severity)],
    ['类别', label(CATEGORY_LABEL, t.category)],
    ['提交方式', label(CHANNEL_LABEL, t.channel)],
  ];
  if (t.department) rows.push(['报告科室', t.department]);
  if (t.module) rows.push(['功能模块', t.module]);
  if (t.reporter_role) rows.push(['报告人角色', label(REPORTER_ROLE_LABEL, t.reporter_role)]);
  rows.push(['报告时间', showTime(t.reported_at)], ['响应时间', showTime(t.responded_at)]);
  for (const n of t.notified ?? []) rows.push([`通知${label(NOTIFY_LABEL, n.to)}`, showTime(n.at)]);
  if (t.onsite) {
    rows.push(['提出到场时间', showTime(t.onsite.requested_at)], ['到场时间', showTime(t.onsite.arrived_at)]);
  }
  rows.push(['解决时间', showTime(t.resolved_at)], ['处理结果', label(OUTCOME_LABEL, t.outcome)]);
  if (t.fixed_in) {
    const rel = kb.releases.find((r) => r.id === t.fixed_in);
    rows.push(['修复版本', rel ? `${rel.version}（${t.fixed_in}）` : t.fixed_in]);
  }
  if (t.engineers?.length) rows.push(['处理工程师', t.engineers.map((e) => personName(kb, e)).join('、')]);
  return fieldTable(rows);
}

function findTicket(ctx: ReportContext, id: string): Ticket {
  const t = ctx.kb.tickets.find((x) => x.id === id);
  if (!t) throw new UserError(`Unexpected ticket id \`${id}\`, expected an existing ticket`);
  return t;
}

function inputsOf(ctx: ReportContext, t: Ticket): string[] {
  const kb = ctx.kb;
  return [...contractPaths(kb), ...recordPaths(kb, [t.id, t.fixed_in, t.interface, t.onsite?.engineer, ...(t.engineers ?? [])])];
}

/** The ticket of a 产品维护报告, checked to owe one. */
function maintenanceTicket(ctx: ReportContext, ticketId: string): Ticket {
  const t = findTicket(ctx, ticketId);
  if (!isMaintenanceDue(t)) {
    throw new UserError(`Unexpected ticket \`${t.id}\` (category ${t.category}, outcome ${t.outcome ?? 'open'}), expected a resolved fault or defect for a 产品维护报告`);
  }
  return t;
}

/** The ticket of a 书面答复, checked to owe one. */
function writtenReplyTicket(ctx: ReportContext, ticketId: string): Ticket {
  const t = findTicket(ctx, ticketId);
  if (!isWrittenReplyDue(t)) {
    throw new UserError(`Unexpected ticket \`${t.id}\` (outcome ${t.outcome ?? 'open'}), expected outcome unresolvable for a 书面答复`);
  }
  return t;
}

/**
 * The input records of a ticket's report (what its 输入记录摘要 covers), without building it:
 * the builders below use the same function, so the delivery register's digests follow their rule.
 * @throws UserError as the builder would (unknown ticket, or one that owes no such report)
 */
export function ticketReportInputs(ctx: ReportContext, kind: 'maintenance' | 'written-reply', ticketId: string): string[] {
  return inputsOf(ctx, kind === 'maintenance' ? maintenanceTicket(ctx, ticketId) : writtenReplyTicket(ctx, ticketId));
}

/**
 * Builds the 产品维护报告 of a resolved fault/defect ticket.
 * @throws UserError when the ticket does not exist or is not a resolved fault/defect
 */
export function buildMaintenanceReport(ctx: ReportContext, ticketId: string): BuiltReport {
  const t = maintenanceTicket(ctx, ticketId);
  const inputs = inputsOf(ctx, t);
  const meta = reportMeta(ctx.kb, { title: REPORT_TITLE.maintenance, number: t.id, systems: [t.system], asOf: ctx.asOf, inputs, period: `${showTime(t.reported_at)} 至 ${showTime(t.resolved_at)}` });
  const body: RootContent[] = [
    heading(2, '一、问题描述'),
    ticketFacts(ctx, t),
    ...paragraphs(t.description ?? t.title, '问题描述'),
    heading(2, '二、原因'),
    ...paragraphs(t.cause, '原因'),
    heading(2, '三、解决办法'),
    ...paragraphs(t.solution, '解决办法'),
    heading(2, '四、建议'),
    ...paragraphs(t.recommendations, '建议'),
  ];
  return assembleReport(ctx, { kind: 'maintenance', id: t.id, fileBase: `maintenance-${t.id}`, meta, front: 'title-block', body, inputs, draft: ticketGaps(ctx.kb, t, 'maintenance') });
}

/**
 * Builds the 书面答复 of a ticket with `outcome: unresolvable`: a letter to
 * the hospital, dated (the reply's delivery date) and sealed by the vendor.
 * @throws UserError when the ticket does not exist or is not unresolvable
 */
export function buildWrittenReply(ctx: ReportContext, ticketId: string): BuiltReport {
  const t = writtenReplyTicket(ctx, ticketId);
  const inputs = inputsOf(ctx, t);
  const meta = reportMeta(ctx.kb, { title: REPORT_TITLE['written-reply'], number: t.id, systems: [t.system], asOf: ctx.asOf, inputs, period: `${showTime(t.reported_at)} 至 ${showTime(t.resolved_at)}` });
  const replyDate = chineseDateOf(t.written_reply?.delivered_at);
  if (replyDate) meta.date = replyDate;
  const addressee = `${meta.customer}${t.department ? `（${t.department}）` : ''}`;
  const body: RootContent[] = [
    p(`致${addressee}：`),
    p(`贵院于 ${showTime(t.reported_at)} 报告的问题“${t.title}”（工单 ${t.id}），经我方工程师远程及现场处理，确认在现有条件下无法解决。根据合同约定，现予书面答复如下。`),
    heading(2, '一、问题描述'),
    ticketFacts(ctx, t),
    ...paragraphs(t.description ?? t.title, '问题描述'),
    heading(2, '二、原因分析'),
    ...paragraphs(t.cause, '原因分析'),
    heading(2, '三、已采取的措施'),
    ...paragraphs(t.solution, '已采取的措施'),
    heading(2, '四、答复意见'),
    ...paragraphs(t.written_reply?.summary, '答复意见'),
    heading(2, '五、建议'),
    ...(t.recommendations?.trim() ? paragraphs(t.recommendations, '建议') : [p('无。')]),
    p('特此答复。'),
  ];
  const closing: RootContent[] = [
    p(`${meta.vendor}（盖章）`),
    p(replyDate ?? pending('答复日期')),
  ];
  return assembleReport(ctx, { kind: 'written-reply', id: t.id, fileBase: `written-reply-${t.id}`, meta, front: 'title-block', body, closing, inputs, draft: ticketGaps(ctx.kb, t, 'written-reply') });
}
