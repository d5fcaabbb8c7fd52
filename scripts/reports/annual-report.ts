/**
 * 年度运维总结报告 of one service period (clause RPT-2): statistics, times,
 * SLA attainment, major incidents, inspections, changes/releases/trainings,
 * interfaces and database work, the compliance matrix, data credibility and
 * optimisation suggestions, with charts.
 */
import type { RootContent } from 'mdast';
import { calendarFromRecords, type CalendarYearData } from '../calendar/index.js';
import type { ComplianceResult } from '../compliance/index.js';
import { AUDIT_KIND_DESCRIPTION, fieldLabel as auditFieldLabel, migratedAmong, summarizeAudit, type AuditFinding } from '../git/index.js';
import type { KnowledgeBase, Ticket } from '../records/index.js';
import { CLOSURE_LABEL, closureCounts, closureSummary, ticketClosure, WORK_END_HOUR, WORK_START_HOUR, type GroupStats, type SlaResult, type SlaTicketRow } from '../sla/index.js';
import type { AnnualAnalyses } from './analyses.js';
import { countBy, inWindow, monthOf, periodMonths, periodTickets, resolvePeriodWindow, type PeriodWindow } from './annual-statistics.js';
import { deriveSuggestions } from './annual-suggestions.js';
import { periodCharts } from './charts.js';
import { showClock, showDate, showInstant, showMinutes, showPercent, showTime } from '../shared/display.js';
import { cstDateOf, formatDate, parseDurationMinutes } from '../shared/time.js';
import {
  AUDIENCE_LABEL, AUDIT_KIND_LABEL, CATEGORIES, CATEGORY_LABEL, CHANGE_KIND_LABEL, CHANGE_SOURCE_LABEL, CHANGE_STATUS_LABEL, CHANNELS, CHANNEL_LABEL,
  CLAUSE_STATUS_LABEL, CLOCK_STATUS_LABEL, codesOf, DB_OP_LABEL, DB_OUTCOME_LABEL, DIRECTION_LABEL, HAZARD_STATUS_LABEL, INSPECTION_TYPE_LABEL,
  INTERFACE_PEER_LABEL, INTERFACE_STATUS_LABEL, NOTIFY_LABEL, OUTCOME_LABEL, RECOMMENDATION_STATUS_LABEL, SEVERITIES, SEVERITY_LABEL, label,
} from '../shared/labels.js';
import { heading, image, list, p, strong, table } from './mdast.js';
import { assembleReport, contractPaths, recordPath, recordPaths, reportMeta, systemName, systemShortName, toCsv } from './report-header.js';
import { REPORT_TITLE, type BuiltReport, type Chart, type DraftReason, type ReportAttachment, type ReportContext } from './report-types.js';

const n = (x: number) => String(x);

function inspectionDue(kb: KnowledgeBase, finished: string, days: number): { date: string; warnings: string[] } {
  const cal = calendarFromRecords(kb.calendars as unknown as CalendarYearData[]);
  return cal.addWorkingDays(showDate(finished), days);
}

/** The period's three charts, drawn once by the same code as the site's SLA dashboard, from the same SLA rows. */
function annualCharts(kb: KnowledgeBase, w: PeriodWindow, sla: SlaResult): ReturnType<typeof periodCharts> {
  return periodCharts({
    months: periodMonths(w),
    systems: Object.keys(kb.contract?.systems ?? {}).map((s) => ({ id: s, name: systemName(kb, s) })),
    severities: SEVERITIES.map((s) => ({ id: s, label: label(SEVERITY_LABEL, s) })),
    tickets: sla.tickets,
  });
}

function statisticsSection(kb: KnowledgeBase, w: PeriodWindow, tickets: Ticket[], rowOf: Map<string, SlaTicketRow>, fileBase: string, charts: Chart[], drawn: ReturnType<typeof periodCharts>): RootContent[] {
  const total = tickets.length;
  const systems = Object.keys(kb.contract?.systems ?? {});
  const months = periodMonths(w);
  const afterHours = tickets.filter((t) => rowOf.get(t.id)?.afterHours === true);
  const out: RootContent[] = [heading(2, '二、服务请求统计')];
  out.push(p(`本期共受理服务请求 ${total} 件，其中非工作时间（法定工作日 ${WORK_START_HOUR}:00–${WORK_END_HOUR}:00 以外，含夜间、周末与节假日）受理 ${afterHours.length} 件，占 ${showPercent(afterHours.length, total)}。`));

  const bySev = countBy(tickets, (t) => t.severity, SEVERITIES);
  charts.push({ name: `${fileBase}-severity`, title: '严重级别构成', ...drawn.severity });
  out.push(heading(3, '（一）按严重级别'));
  out.push(table(['严重级别', '件数', '占比'], bySev.map(([k, v]) => [label(SEVERITY_LABEL, k), n(v), showPercent(v, total)]), ['left', 'right', 'right']));
  out.push(image(`${fileBase}-severity.svg`, '严重级别构成'));

  out.push(heading(3, '（二）按系统'));
  out.push(table(['系统', '件数', '占比'], countBy(tickets, (t) => t.system, systems).map(([k, v]) => [systemName(kb, k), n(v), showPercent(v, total)]), ['left', 'right', 'right']));
  out.push(heading(3, '（三）按类别'));
  out.push(table(['类别', '件数', '占比'], countBy(tickets, (t) => t.category, CATEGORIES).map(([k, v]) => [label(CATEGORY_LABEL, k), n(v), showPercent(v, total)]), ['left', 'right', 'right']));
  out.push(heading(3, '（四）按提交方式'));
  out.push(table(['提交方式', '件数', '占比', '其中非工作时间'], countBy(tickets, (t) => t.channel, CHANNELS).map(([k, v]) => [
    label(CHANNEL_LABEL, k), n(v), showPercent(v, total), n(afterHours.filter((t) => t.channel === k).length),
  ]), ['left', 'right', 'right', 'right']));

  out.push(heading(3, '（五）按月份'));
  charts.push({ name: `${fileBase}-monthly`, title: '每月服务请求量', ...drawn.monthly });
  out.push(image(`${fileBase}-monthly.svg`, '每月服务请求量'));
  // one pass over the tickets (a filter per month and an afterHours lookup per ticket were quadratic at scale)
  const late = new Set(afterHours);
  const byMonth = new Map<string, Ticket[]>();
  for (const t of tickets) {
    const m = monthOf(t);
    const list = byMonth.get(m);
    if (list) list.push(t); else byMonth.set(m, [t]);
  }
  out.push(table(['月份', ...systems.map((s) => systemName(kb, s)), '合计', '非工作时间'], months.map((m) => {
    const ts = byMonth.get(m) ?? [];
    return [m, ...systems.map((s) => n(ts.filter((t) => t.system === s).length)), n(ts.length), n(ts.filter((t) => late.has(t)).length)];
  }), ['left', ...systems.map(() => 'right' as const), 'right', 'right']));
  return out;
}

function timesSection(sla: SlaResult, fileBase: string, charts: Chart[], drawn: ReturnType<typeof periodCharts>): RootContent[] {
  const out: RootContent[] = [heading(2, '三、平均响应/解决时间')];
  out.push(p('响应时间自接到第一个电话（报告时间）起算至工程师首次响应，处理时长自报告时间起算至工单关闭（含已解决、临时解决、无法解决与重复），均按 24×7 连续计时。'
    + '平均值与 p90 只计已有该时间的工单（“已响应”“已关闭”列为其件数）；p90 表示 90% 的工单不超过该时长。'));
  const counted = (sev: string | undefined) => sla.tickets.filter((t) => sev === undefined || t.severity === sev);
  const row = (name: string, g: GroupStats | undefined, rows: typeof sla.tickets) => [name, n(g?.count ?? 0),
    n(rows.filter((t) => t.responseMinutes !== null).length), showMinutes(g?.avgResponseMinutes), showMinutes(g?.p90ResponseMinutes),
    n(rows.filter((t) => t.resolutionMinutes !== null).length), showMinutes(g?.avgResolutionMinutes), showMinutes(g?.p90ResolutionMinutes)];
  const rows = [...SEVERITIES.map((s) => row(label(SEVERITY_LABEL, s), sla.bySeverity[s], counted(s))), row('全部', sla.total, counted(undefined))];
  out.push(table(['严重级别', '件数', '已响应', '平均响应', '响应 p90', '已关闭', '平均处理时长', '处理时长 p90'], rows, ['left', 'right', 'right', 'right', 'right', 'right', 'right', 'right']));
  charts.push({ name: `${fileBase}-response`, title: '响应时间分布', ...drawn.response });
  out.push(image(`${fileBase}-response.svg`, '响应时间分布'));
  return out;
}

/** How many items a list in the report body shows before it points to the appendix. */
const INLINE_MAX = 20;
/**
 * How many rows an appendix table holds; longer lists go to a CSV file beside the report. Every
 * table row costs pandoc (wasm) a few milliseconds to read and write and the hospital a line to
 * page through; past this the CSV file (sortable, filterable) serves both better.
 */
const APPENDIX_MAX = 100;
/** Rows an appendix shows when its list went to the CSV file (a sample of what the file holds). */
const APPENDIX_PREVIEW = 20;
/** How many major incidents get their full timeline in the body. */
const TIMELINES_MAX = 10;

/** An appendix (or, past APPENDIX_MAX rows, a CSV attachment) holding a long list in full. */
interface LongList {
  /** Appendix title without its number (e.g. 重大故障一览). */
  title: string;
  header: string[];
  rows: string[][];
  /** CSV file name used when the list is too long for the appendix. */
  file: string;
  /** Rows the appendix still shows when the list goes to the CSV file (default APPENDIX_PREVIEW; 0 = none, e.g. bare record ids). */
  preview?: number;
}

class Appendices {
  readonly lists: LongList[] = [];
  readonly attachments: ReportAttachment[] = [];

  constructor(private readonly fileBase: string) {}

  /** Registers a list; returns how the body refers to it (附录一 …). */
  add(list: LongList): string {
    this.lists.push(list);
    return `附录${CN_NUM[this.lists.length - 1]}`;
  }

  nodes(): RootContent[] {
    const out: RootContent[] = [];
    this.lists.forEach((l, i) => {
      out.push(heading(2, `附录${CN_NUM[i]}　${l.title}`));
      if (l.rows.length <= APPENDIX_MAX) {
        out.push(table(l.header, l.rows));
      } else {
        const file = `${this.fileBase}-${l.file}`;
        this.attachments.push({ name: file, content: toCsv(l.header, l.rows) });
        const preview = Math.min(l.preview ?? APPENDIX_PREVIEW, APPENDIX_MAX);
        out.push(p(`共 ${l.rows.length} 条，超过 ${APPENDIX_MAX} 条，完整清单（${l.header.join('、')}）见随报告提交的文件 ${file}（CSV，UTF-8，可用 Excel 打开）${preview ? `；下表列出前 ${preview} 条` : ''}。`));
        if (preview) out.push(table(l.header, l.rows.slice(0, preview)));
      }
    });
    return out;
  }
}

const CN_NUM = ['一', '二', '三', '四', '五', '六', '七', '八', '九', '十'];


function slaSection(kb: KnowledgeBase, sla: SlaResult, app: Appendices): RootContent[] {
  const out: RootContent[] = [heading(2, '四、SLA 达成情况')];
  const policy = kb.contract?.sla;
  if (policy) {
    out.push(p('合同约定的响应时限：', SEVERITIES.map((s) => `${label(SEVERITY_LABEL, s)} ${showMinutes(parseIso(policy.severities[s].response))}`).join('，'),
      `；软件故障 ${showMinutes(parseIso(policy.fault_response))} 内响应；${SEVERITY_LABEL['1']}与${SEVERITY_LABEL.A}远程无法解决时 ${showMinutes(parseIso(policy.severities['1'].onsite_after_remote_fails ?? 'PT12H'))} 内到场，复杂问题 ${showMinutes(parseIso(policy.complex_onsite))} 内到场。`));
  }
  const rows = [...SEVERITIES.map((s) => slaRow(label(SEVERITY_LABEL, s), sla.bySeverity[s])), slaRow('全部', sla.total)];
  out.push(table(['严重级别', '件数', '响应达标', '响应超时', '计时中', '响应达成率', '到场达标', '到场超时'], rows, ['left', 'right', 'right', 'right', 'right', 'right', 'right', 'right']));
  const breached = sla.tickets.filter((c) => c.response === 'breached' || c.onsite === 'breached');
  const what = (c: SlaTicketRow) => `${c.response === 'breached' ? `响应 ${showClock(c.responseMinutes)}` : ''}${c.response === 'breached' && c.onsite === 'breached' ? '，' : ''}${c.onsite === 'breached' ? '到场超时' : ''}`;
  if (breached.length > INLINE_MAX) {
    const ref = app.add({ title: '未达标的服务请求', header: ['工单', '严重级别', '响应', '到场'], file: 'sla-breaches.csv',
      rows: breached.map((c) => [c.id, label(SEVERITY_LABEL, c.severity), c.response === 'breached' ? `超时（${showClock(c.responseMinutes)}）` : label(CLOCK_STATUS_LABEL, c.response), label(CLOCK_STATUS_LABEL, c.onsite)]) });
    out.push(p(strong('未达标的服务请求'), `：共 ${breached.length} 件，前 ${INLINE_MAX} 件为 `, breached.slice(0, INLINE_MAX).map((c) => `${c.id}（${what(c)}）`).join('；'), `；完整清单见${ref}。`));
  } else if (breached.length) {
    out.push(p(strong('未达标的服务请求'), '：', breached.map((c) => `${c.id}（${what(c)}）`).join('；')));
  } else {
    out.push(p('本期无未达标的服务请求。'));
  }
  return out;
}

function slaRow(name: string, g: GroupStats | undefined): string[] {
  if (!g) return [name, '0', '0', '0', '0', '—', '0', '0'];
  return [name, n(g.count), n(g.responseMet), n(g.responseBreached), n(g.responsePending), showPercent(g.responseMet, g.responseMet + g.responseBreached), n(g.onsiteMet), n(g.onsiteBreached)];
}

const parseIso = parseDurationMinutes;

/** Level 1/A incidents of the period (also those raised to 1/A later). */
function majorTickets(tickets: Ticket[]): Ticket[] {
  return tickets.filter((t) => t.severity === '1' || t.severity === 'A' || (t.severity_changes ?? []).some((c) => c.to === '1' || c.to === 'A'));
}

function majorSection(kb: KnowledgeBase, tickets: Ticket[], rowOf: Map<string, SlaTicketRow>, app: Appendices): RootContent[] {
  const out: RootContent[] = [heading(2, '五、重大故障处理记录')];
  const major = majorTickets(tickets);
  if (!major.length) {
    out.push(p(`本期未发生${SEVERITY_LABEL['1']}或${SEVERITY_LABEL.A}重大故障。`));
    return out;
  }
  // The top incidents: 1级 before A级, then the longest (open ones count as longest), then by report time.
  const rank = (t: Ticket) => (t.severity === '1' || (t.severity_changes ?? []).some((c) => c.to === '1') ? 0 : 1);
  const length = (t: Ticket) => rowOf.get(t.id)?.resolutionMinutes ?? Number.POSITIVE_INFINITY;
  const top = [...major].sort((a, b) => rank(a) - rank(b) || length(b) - length(a) || (a.reported_at < b.reported_at ? -1 : 1)).slice(0, TIMELINES_MAX);
  const shown = major.filter((t) => top.includes(t));
  const counts = closureCounts(major);
  const ref = major.length > shown.length ? app.add({ title: '重大故障一览', header: ['工单', '系统', '级别', '报告时间', '响应', '处理时长', '处理结果'], file: 'major-incidents.csv',
    rows: major.map((t) => { const c = rowOf.get(t.id); return [t.id, systemShortName(kb, t.system), label(SEVERITY_LABEL, t.severity), showTime(t.reported_at), showClock(c?.responseMinutes), showMinutes(c?.resolutionMinutes), CLOSURE_LABEL[ticketClosure(t)]]; }) }) : undefined;
  out.push(p(`本期发生${SEVERITY_LABEL['1']}或${SEVERITY_LABEL.A}重大故障 ${major.length} 件（${closureSummary(counts)}）。`
    + (ref ? `以下列出影响最大的 ${shown.length} 件（${SEVERITY_LABEL['1']}优先，其次处理时长最长者）的处理经过，全部重大故障一览见${ref}。` : '处理经过如下。')));
  out.push(heading(3, '（一）处理经过'));
  for (const t of shown) {
    out.push(heading(4, `${t.id}　${t.title}`));
    const clock = rowOf.get(t.id);
    const events: [string, string | undefined][] = [
      ['报告', t.reported_at],
      ['响应', t.responded_at],
      ...(t.notified ?? []).map((x): [string, string] => [`通知${label(NOTIFY_LABEL, x.to)}`, x.at]),
      ...(t.severity_changes ?? []).map((x): [string, string] => [`级别调整 ${label(SEVERITY_LABEL, x.from)}→${label(SEVERITY_LABEL, x.to)}${x.reason ? `（${x.reason}）` : ''}`, x.at]),
      ['提出到场', t.onsite?.requested_at],
      ['到场', t.onsite?.arrived_at],
      ['解决', t.resolved_at],
    ];
    const timed = events.filter((e): e is [string, string] => !!e[1]).sort((a, b) => (showTime(a[1]) < showTime(b[1]) ? -1 : showTime(a[1]) > showTime(b[1]) ? 1 : 0));
    out.push(p(`${systemName(kb, t.system)}，${label(SEVERITY_LABEL, t.severity)}，${t.department ? `${t.department}，` : ''}处理结果：${CLOSURE_LABEL[ticketClosure(t)]}${clock ? `；响应 ${showClock(clock.responseMinutes)}（${label(CLOCK_STATUS_LABEL, clock.response)}），处理时长 ${showMinutes(clock.resolutionMinutes)}` : ''}。`));
    out.push(table(['时间（北京时间）', '事件'], timed.map(([e, at]) => [showTime(at), e])));
    if (!t.onsite) out.push(p('远程处理，未到场。'));
    if (t.cause) out.push(p(strong('原因'), '：', t.cause.trim()));
    if (t.solution) out.push(p(strong('解决办法'), '：', t.solution.trim()));
  }
  return out;
}

/** Resolved major incidents without the cause or solution the 重大故障处理记录 needs. */
function majorGaps(kb: KnowledgeBase, tickets: Ticket[]): DraftReason[] {
  const out: DraftReason[] = [];
  for (const t of majorTickets(tickets)) {
    if (!t.resolved_at) continue;
    for (const [field, name] of [['cause', '原因'], ['solution', '解决办法']] as const) {
      if (!t[field]?.trim()) out.push({ record: t.id, path: recordPath(kb, t.id), field, message: `重大故障已关闭，但${name}（${field}）未填写；年度运维总结报告须含重大故障处理记录（合同（三））` });
    }
  }
  return out;
}

function inspectionSection(kb: KnowledgeBase, w: PeriodWindow): { nodes: RootContent[]; ids: string[]; warnings: string[] } {
  const out: RootContent[] = [heading(2, '六、巡检情况')];
  const sla = kb.contract?.sla;
  const days = sla?.report_due_working_days ?? 10;
  const ins = kb.inspections.filter((x) => inWindow(w, x.started_at) || inWindow(w, x.finished_at)).sort((a, b) => (showTime(a.started_at) < showTime(b.started_at) ? -1 : 1));
  const onsite = ins.filter((x) => x.type === 'onsite').length;
  const db = ins.length - onsite;
  out.push(p(`本期进行现场巡检 ${onsite} 次（合同要求每季度 ${sla?.onsite_inspections_per_quarter ?? 1} 次）、数据库服务器巡检 ${db} 次（合同要求每服务年度 ${sla?.database_inspections_per_period ?? 2} 次）。巡检报告应在巡检结束后 ${days} 个工作日内提交。`));
  const warnings: string[] = [];
  if (ins.length) {
    out.push(table(['编号', '类型', '系统', '巡检日期', '隐患（未排除）', '报告期限', '报告提交', '及时性'], ins.map((x) => {
      const due = inspectionDue(kb, x.finished_at, days);
      warnings.push(...due.warnings);
      const delivered = x.report ? showDate(x.report.delivered_at) : undefined;
      const asOfDay = cutoffDay(w);
      const timely = delivered ? (delivered <= due.date ? '按时' : '逾期') : asOfDay > due.date ? '未提交（已逾期）' : '未提交（未到期）';
      const hz = x.hazards ?? [];
      return [x.id, label(INSPECTION_TYPE_LABEL, x.type), x.systems.map((s) => systemShortName(kb, s)).join('、'),
        showDate(x.finished_at) === showDate(x.started_at) ? showDate(x.started_at) : `${showDate(x.started_at)} 至 ${showDate(x.finished_at)}`,
        `${hz.length}（${hz.filter((h) => h.status === 'open').length}）`, due.date, delivered ?? '—', timely];
    })));
    const hazards = ins.flatMap((x) => (x.hazards ?? []).map((h) => [x.id, h.description, h.action ?? '—', label(HAZARD_STATUS_LABEL, h.status)]));
    if (hazards.length) {
      out.push(p('巡检发现的隐患及处理：'));
      out.push(table(['巡检', '隐患', '处理措施', '状态'], hazards));
    }
  } else {
    out.push(p('本期尚无巡检记录。'));
  }
  return { nodes: out, ids: ins.map((x) => x.id), warnings: [...new Set(warnings)] };
}

function cutoffDay(w: PeriodWindow): string {
  return formatDate(cstDateOf(w.cutoff - 1));
}

function changesSection(kb: KnowledgeBase, w: PeriodWindow): { nodes: RootContent[]; ids: string[] } {
  const out: RootContent[] = [heading(2, '七、变更、发布与培训')];
  const changes = kb.changes.filter((c) => inWindow(w, c.requested_at) || inWindow(w, c.delivered_at)).sort((a, b) => (a.requested_at < b.requested_at ? -1 : a.id < b.id ? -1 : 1));
  const releases = kb.releases.filter((r) => inWindow(w, r.released_at)).sort((a, b) => (showTime(a.released_at) < showTime(b.released_at) ? -1 : 1));
  const trainings = kb.trainings.filter((t) => inWindow(w, t.date)).sort((a, b) => (a.date < b.date ? -1 : 1));
  out.push(heading(3, '（一）变更'));
  if (changes.length) {
    out.push(table(['编号', '系统', '内容', '类型', '来源', '约定日期', '交付日期', '状态'], changes.map((c) => [
      c.id, systemShortName(kb, c.system), c.title, label(CHANGE_KIND_LABEL, c.kind),
      c.source === 'policy' && c.regulation ? `${label(CHANGE_SOURCE_LABEL, c.source)}（${c.regulation}）` : label(CHANGE_SOURCE_LABEL, c.source),
      showDate(c.agreed_date), showDate(c.delivered_at), label(CHANGE_STATUS_LABEL, c.status),
    ])));
  } else out.push(p('本期无变更记录。'));
  out.push(heading(3, '（二）软件发布'));
  if (releases.length) {
    out.push(table(['编号', '系统', '版本', '发布日期', '更新项', '操作变化'], releases.map((r) => [
      r.id, systemShortName(kb, r.system), r.version, showDate(r.released_at), n(r.contents.length), r.changes_operation ? '是' : '否',
    ])));
  } else out.push(p('本期无软件发布。'));
  out.push(heading(3, '（三）用户培训'));
  if (trainings.length) {
    out.push(table(['编号', '日期', '主题', '对象', '科室', '人数'], trainings.map((t) => [
      t.id, t.date, t.topic, t.audiences.map((a) => label(AUDIENCE_LABEL, a)).join('、'), (t.departments ?? []).join('、') || '—', n(t.attendees),
    ])));
    out.push(p(`本期共培训 ${trainings.length} 场，${trainings.reduce((a, t) => a + t.attendees, 0)} 人次。`));
  } else out.push(p('本期无培训记录。'));
  return { nodes: out, ids: [...changes, ...releases, ...trainings].map((x) => x.id) };
}

function interfacesSection(kb: KnowledgeBase, w: PeriodWindow, tickets: Ticket[]): { nodes: RootContent[]; ids: string[] } {
  const out: RootContent[] = [heading(2, '八、接口与数据库运维')];
  out.push(heading(3, '（一）接口运行'));
  const ifaces = [...kb.interfaces].sort((a, b) => (a.id < b.id ? -1 : 1));
  const ifTickets = tickets.filter((t) => t.category === 'interface');
  if (ifaces.length) {
    out.push(table(['接口', '系统', '对端', '协议', '方向', '状态', '本期接口问题'], ifaces.map((i) => {
      const ts = ifTickets.filter((t) => t.interface === i.id);
      const ids = ts.slice(0, 3).map((t) => t.id).join('、') + (ts.length > 3 ? ' 等' : '');
      return [i.id, systemShortName(kb, i.system), i.peer_name ?? label(INTERFACE_PEER_LABEL, i.peer), i.protocol, label(DIRECTION_LABEL, i.direction), label(INTERFACE_STATUS_LABEL, i.status),
        ts.length ? `${ts.length}（${ids}）` : '0'];
    })));
  } else out.push(p('接口登记为空。'));
  out.push(p(`本期接口类服务请求 ${ifTickets.length} 件${ifTickets.length ? `：${closureSummary(closureCounts(ifTickets))}` : ''}。`));
  out.push(heading(3, '（二）数据库运维'));
  const ops = kb.dbOperations.filter((o) => inWindow(w, o.started_at)).sort((a, b) => (showTime(a.started_at) < showTime(b.started_at) ? -1 : 1));
  if (ops.length) {
    out.push(table(['编号', '系统', '类型', '日期', '内容', '审批', '结果'], ops.map((o) => [
      o.id, systemShortName(kb, o.system), label(DB_OP_LABEL, o.type), showDate(o.started_at), o.summary, o.approved_by ?? '—', label(DB_OUTCOME_LABEL, o.outcome),
    ])));
  } else out.push(p('本期无数据库运维操作记录。'));
  return { nodes: out, ids: [...ifaces.map((i) => i.id), ...ops.map((o) => o.id)] };
}

function complianceSection(c: ComplianceResult, app: Appendices): RootContent[] {
  const out: RootContent[] = [heading(2, '九、合规矩阵')];
  const counts = countBy(c.clauses, (x) => x.status, codesOf(CLAUSE_STATUS_LABEL)).filter(([, v]) => v > 0);
  out.push(p(`共 ${c.clauses.length} 项条款：${counts.map(([k, v]) => `${label(CLAUSE_STATUS_LABEL, k)} ${v} 项`).join('，')}。`));
  out.push(table(['条款', '合同条目及内容', '状态', '评估说明'], c.clauses.map((x) => [
    x.id, `${x.section} ${x.title}`, label(CLAUSE_STATUS_LABEL, x.status),
    x.summary,
  ])));
  const withFindings = c.clauses.filter((x) => x.findings.length && x.status !== 'met');
  if (withFindings.length) {
    out.push(heading(3, '未达标及待确认条款的问题明细'));
    const all = withFindings.flatMap((x) => x.findings.map((f) => [x.id, f.record || '—', f.message]));
    const ref = all.length > INLINE_MAX ? app.add({ title: '合规问题明细', header: ['条款', '记录', '问题'], rows: all, file: 'compliance-findings.csv' }) : undefined;
    for (const x of withFindings) {
      out.push(p(strong(`${x.id} ${x.title}（${label(CLAUSE_STATUS_LABEL, x.status)}）`)));
      const shown = ref ? x.findings.slice(0, 5) : x.findings;
      out.push(list(shown.map((f) => (f.record ? `${f.record}：${f.message}` : f.message))));
      if (shown.length < x.findings.length) out.push(p(`该条款共 ${x.findings.length} 条问题，此处列出前 ${shown.length} 条，完整明细见${ref}。`));
    }
  }
  return out;
}

/** Rows of the audit appendix table before the rest is left to `opsbook audit --json`. */
const AUDIT_TABLE_ROWS = 60;

function auditSection(analyses: AnnualAnalyses, periodIds: Set<string>): RootContent[] {
  if (!analyses.audit && !analyses.auditUnavailable) return [];
  const out: RootContent[] = [heading(2, '十、数据可信度')];
  out.push(p('根据 Git 提交历史核对本期记录何时进入主分支（以主分支上的提交时间为准，不以提交中自填的作者日期为准）、SLA 相关时间在登记后是否被修改或事后补填，供院方核对。Git 中的作者与提交者署名均为提交者自填，二者不同时同时列出。'));
  if (!analyses.audit) {
    out.push(p(analyses.auditUnavailable ?? ''));
    return out;
  }
  const findings = analyses.audit.filter((f) => periodIds.has(f.record));
  const s = summarizeAudit(findings, { limit: 5 });
  const baseline = s.baseline ?? migratedAmong(analyses.migrated, periodIds);
  if (baseline) {
    out.push(p(strong('迁移导入'), `：本期 ${baseline.records} 条记录在启用 opsbook 时批量导入（审计基线提交 ${baseline.commit ? baseline.commit.slice(0, 10) : '—'} 或之前进入主分支），登记时间无法由 Git 历史核实，未逐条判为补录，也不视为已核实；导入之后的修改照常审计。`));
  }
  if (s.total === 0) {
    out.push(p(baseline ? '导入之后未发现补录、补填或事后修改 SLA 相关字段的情况。' : '未发现补录、补填或事后修改 SLA 相关字段的情况。'));
    return out;
  }
  out.push(p(`共发现 ${s.total} 项${s.identityDiffers ? `，其中 ${s.identityDiffers} 项的作者署名与提交者署名不同` : ''}${s.pending ? `，${s.pending} 项尚未进入主分支` : ''}。按类别：`));
  out.push(table(['类别', '项数', '含义'], s.byKind.filter((k) => k.kind !== 'baseline-import').map((k) => [k.label, n(k.count), AUDIT_KIND_DESCRIPTION[k.kind]]), ['left', 'right', 'left']));
  const rows = findings.filter((f) => f.severity !== 'info');
  if (rows.length <= s.serious.length) {
    // few enough to give each in full: no appendix needed
    out.push(heading(3, '审计发现'));
    out.push(list(s.serious.map((f) => `${f.record}（${label(AUDIT_KIND_LABEL, f.kind)}）：${f.message}`)));
    return out;
  }
  out.push(heading(3, '最需关注的问题'));
  out.push(list(s.serious.map((f) => `${f.record}（${label(AUDIT_KIND_LABEL, f.kind)}）：${f.message}`)));
  out.push(heading(3, '附表：审计发现明细'));
  out.push(table(['记录', '问题', '进入主分支', '提交与署名', '说明'], rows.slice(0, AUDIT_TABLE_ROWS).map((f) => [
    f.record || '—', label(AUDIT_KIND_LABEL, f.kind), f.pending ? '尚未进入' : showTime(f.landedAt),
    `${f.commit.slice(0, 10)}：${f.author === f.committer && f.authorEmail === f.committerEmail ? f.author : `作者署名 ${f.author}，提交者署名 ${f.committer}`}`,
    auditText(f),
  ])));
  if (rows.length > AUDIT_TABLE_ROWS) out.push(p(`另有 ${rows.length - AUDIT_TABLE_ROWS} 项未列出，完整清单见 opsbook audit --json（构建产物 build/audit.json）。`));
  return out;
}

function auditText(f: AuditFinding): string {
  const kind = f.path.startsWith('records/tickets/') ? 'ticket' : f.path.startsWith('records/inspections/') ? 'inspection' : 'change';
  const field = f.field.split(', ').map((x) => (auditFieldLabel(kind, x) ? `${auditFieldLabel(kind, x)}（${x}）` : x)).join('、');
  const value = (v: unknown) => (v === undefined || v === null ? '（空）' : typeof v === 'string' ? showTime(v) : JSON.stringify(v));
  const late = f.days !== undefined ? `，晚 ${showClock(f.days * 1440)}` : '';
  const authorDate = f.authorDate && showTime(f.authorDate) !== showTime(f.landedAt) && f.kind === 'late-entry' ? `；作者日期 ${showTime(f.authorDate)}，不作为依据` : '';
  switch (f.kind) {
    case 'late-entry': return `${field} ${value(f.new)}${late}${authorDate}`;
    case 'late-fill': return `${field} 事后补填${late}`;
    case 'retroactive-edit': return `${field}：${value(f.old)} → ${value(f.new)}${f.inMerge ? '（合并提交本身所改）' : ''}`;
    case 'merge-edit': return `${field} 由合并提交本身填入 ${value(f.new)}`;
    case 'commit-date-regression': return `提交者日期 ${showTime(f.committerDate)} 早于主分支上的前一提交`;
    case 'unsigned-change': return `${field}：提交未签名`;
    case 'bad-signature': return `${field}：签名无效（${f.signature?.status ?? '—'}）`;
    default: return f.message;
  }
}

/** Record ids a suggestion names in the body; the rest are counted (等 N 项) and listed in an appendix or its CSV. */
const EVIDENCE_SHOWN = 10;
/** Past INLINE_MAX suggestions, those of one kind listed in the body (the best supported first); all are in an appendix. */
const SUGGESTIONS_PER_KIND = 5;
/** Ticket ids shown per 系统建设建议 row. */
const REC_TICKETS_SHOWN = 5;

/** `T-1、T-2 … 等 N 项` (at most `max` ids named). */
function someIds(ids: readonly string[], max: number, unit = '项'): string {
  return ids.length > max ? `${ids.slice(0, max).join('、')} 等 ${ids.length} ${unit}` : ids.join('、');
}

function suggestionsSection(kb: KnowledgeBase, w: PeriodWindow, tickets: Ticket[], auditShown: boolean, app: Appendices): { nodes: RootContent[]; ids: string[] } {
  const out: RootContent[] = [heading(2, auditShown ? '十一、系统优化建议' : '十、系统优化建议')];
  const ins = kb.inspections.filter((x) => inWindow(w, x.finished_at));
  const derived = deriveSuggestions(kb, w, tickets, ins);
  out.push(heading(3, '（一）根据本期运维数据提出的建议'));
  if (derived.length) {
    // at scale, per kind (same title) the suggestions with the most evidence; every one is in the appendix
    const kinds = new Map<string, number[]>();
    derived.forEach((d, i) => { const k = kinds.get(d.title); if (k) k.push(i); else kinds.set(d.title, [i]); });
    const shown = new Set(derived.length <= INLINE_MAX ? derived.map((_, i) => i)
      : [...kinds.values()].flatMap((ix) => [...ix].sort((a, b) => derived[b]!.evidence.length - derived[a]!.evidence.length || a - b).slice(0, SUGGESTIONS_PER_KIND)));
    const hidden = derived.length - shown.size;
    const listRef = hidden ? app.add({ title: '系统优化建议一览', header: ['建议', '类别', '内容', '记录数'], file: 'suggestions.csv',
      rows: derived.map((d, i) => [n(i + 1), d.title, d.text, n(d.evidence.length)]) }) : undefined;
    const capped = derived.some((d) => d.evidence.length > EVIDENCE_SHOWN);
    const evidenceRef = capped ? app.add({ title: '系统优化建议的依据', header: ['建议', '类别', '依据记录'], file: 'suggestion-evidence.csv', preview: 0,
      rows: derived.flatMap((d, i) => d.evidence.map((id) => [n(i + 1), d.title, id])) }) : undefined;
    out.push(list(derived.flatMap((d, i) => (shown.has(i) ? [[strong(`建议${i + 1}　${d.title}`), '：', d.text,
      `（依据：${someIds(d.evidence, EVIDENCE_SHOWN)}${d.evidence.length > EVIDENCE_SHOWN ? `，全部依据见${evidenceRef}` : ''}）`]] : []))));
    if (listRef) out.push(p(`本期共提出 ${derived.length} 条建议，以上按类别列出依据最多的 ${shown.size} 条，全部建议见${listRef}。`));
  } else out.push(p('本期数据未显示反复出现的问题。'));
  out.push(heading(3, '（二）系统建设建议'));
  const recs = kb.recommendations.filter((r) => inWindow(w, r.date)).sort((a, b) => (a.date < b.date ? -1 : a.id < b.id ? -1 : 1));
  if (recs.length) {
    out.push(table(['编号', '日期', '系统', '科室', '建议', '状态', '依据工单'], recs.map((r) => [
      r.id, r.date, systemShortName(kb, r.system), r.department ?? '—', r.description ? `${r.title}：${r.description.trim()}` : r.title,
      label(RECOMMENDATION_STATUS_LABEL, r.status), someIds(r.tickets ?? [], REC_TICKETS_SHOWN, '张') || '—',
    ])));
  } else out.push(p('本期未登记系统建设建议。'));
  return { nodes: out, ids: [...recs.map((r) => r.id), ...derived.flatMap((d) => d.evidence)] };
}

/**
 * Builds the 年度运维总结报告 of a service period.
 * @param periodId service period id (default: the one containing as-of)
 * @param analyses SLA, compliance and audit results (see analyses.ts)
 */
export function buildAnnualReport(ctx: ReportContext, periodId: string | undefined, analyses: AnnualAnalyses): BuiltReport {
  const kb = ctx.kb;
  const w = resolvePeriodWindow(kb, periodId, ctx.asOf);
  const pid = w.period.id;
  const fileBase = `annual-${pid}`;
  const title = REPORT_TITLE.annual;
  const charts: Chart[] = [];
  const tickets = periodTickets(kb, w);
  const { sla } = analyses;
  const rowOf = new Map(sla.tickets.map((t) => [t.id, t]));
  const warnings: string[] = [];
  const app = new Appendices(fileBase);

  const drawn = annualCharts(kb, w, sla);
  const stats = statisticsSection(kb, w, tickets, rowOf, fileBase, charts, drawn);
  const times = timesSection(sla, fileBase, charts, drawn);
  const slaNodes = slaSection(kb, sla, app);
  const major = majorSection(kb, tickets, rowOf, app);
  const insp = inspectionSection(kb, w);
  warnings.push(...insp.warnings);
  const chg = changesSection(kb, w);
  const ifc = interfacesSection(kb, w, tickets);
  const comp = complianceSection(analyses.compliance, app);
  const audit = auditSection(analyses, new Set([...tickets.map((t) => t.id), ...insp.ids, ...chg.ids, ...ifc.ids]));
  const sug = suggestionsSection(kb, w, tickets, audit.length > 0, app);

  const inputs = [...contractPaths(kb), ...recordPaths(kb, [...tickets.map((t) => t.id), ...insp.ids, ...chg.ids, ...ifc.ids, ...sug.ids]),
    ...kb.records.filter((r) => r.kind === 'calendar' || r.kind === 'person').map((r) => r.path)];
  const partial = w.cutoff < w.end;
  const systems = Object.keys(kb.contract?.systems ?? {});
  const counts = closureCounts(tickets);
  const summary: RootContent[] = [
    heading(2, '一、概述'),
    p(`本报告总结${kb.contract?.vendor ?? '供应商'}在服务期 ${pid}（${w.period.start} 至 ${w.period.end}）内为${kb.contract?.customer ?? '院方'}提供的${systems.map((s) => systemName(kb, s)).join('、')}运维服务。`
      + `${partial ? `服务期尚未结束，统计截至 ${showInstant(w.cutoff - 1)}。` : ''}`
      + `本期受理服务请求 ${tickets.length} 件${tickets.length ? `（${closureSummary(counts)}）` : ''}；重大故障（${SEVERITY_LABEL['1']}、${SEVERITY_LABEL.A}）${majorTickets(tickets).length} 件；`
      + `巡检 ${insp.ids.length} 次；软件发布 ${kb.releases.filter((r) => inWindow(w, r.released_at)).length} 次；培训 ${kb.trainings.filter((t) => inWindow(w, t.date)).length} 场。`),
  ];
  if (w.period.annual_report) summary.push(p(`本报告已于 ${showDate(w.period.annual_report.delivered_at)} 提交院方${w.period.annual_report.acknowledged_by ? `，签收人：${w.period.annual_report.acknowledged_by}` : ''}。`));

  const draft: DraftReason[] = [];
  if (partial) draft.push({ message: `服务期 ${pid} 尚未结束（${w.period.end} 结束），统计截至 ${showInstant(w.cutoff - 1)}` });
  draft.push(...majorGaps(kb, tickets));
  const meta = reportMeta(kb, { title, number: `${kb.contract?.id ?? ''}-${pid}`, systems, asOf: ctx.asOf, inputs, period: `${pid}：${w.period.start} 至 ${w.period.end}` });
  const appendix = app.nodes();
  return assembleReport(ctx, {
    kind: 'annual', id: pid, fileBase, meta, front: 'cover', inputs, charts, warnings, draft, attachments: app.attachments, appendix,
    body: [...summary, ...stats, ...times, ...slaNodes, ...major, ...insp.nodes, ...chg.nodes, ...ifc.nodes, ...comp, ...audit, ...sug.nodes],
  });
}
