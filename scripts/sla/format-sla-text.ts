/**
 * The readable text of `opsbook sla` (without --json): per-ticket clocks and
 * the statistics tables, Chinese column labels; codes read as in every
 * report (shared/labels.ts).
 */
import { CATEGORY_LABEL, CHANNEL_LABEL, CLOCK_STATUS_LABEL, label, NOTIFY_LABEL, SEVERITY_LABEL, SYSTEM_SHORT_LABEL, type Vocabulary } from '../shared/labels.js';
import { showRatio } from '../shared/display.js';
import type { GroupStats } from './sla-statistics.js';
import { roundMinutes } from './summarize.js';
import type { SlaResult } from './compute-sla.js';
import { renderTable } from './text-table.js';

/** A clock verdict (shared/labels.ts); a clock that does not apply to the ticket is a dash in this dense table. */
const status = (s: string): string => (s === 'n/a' ? '—' : label(CLOCK_STATUS_LABEL, s));
const labelOf = (vocab: Vocabulary) => (code: string): string => label(vocab, code);
const severity = labelOf(SEVERITY_LABEL);
const category = labelOf(CATEGORY_LABEL);
const channel = labelOf(CHANNEL_LABEL);

/** A statistic in minutes, rounded to 0.1 for reading (the JSON keeps it exact). */
const num = (x: number | null) => (x === null ? '—' : String(roundMinutes(x)));

/**
 * A ticket's clock as minutes and seconds (`5:02`, `125:00`; fractions of a
 * second kept: `5:00.4`): exact to what the timestamps say, so a response of
 * 5 min 2 s never reads as a "5" beside a 5-minute target and 超时.
 */
export function clockText(minutes: number | null): string {
  if (minutes === null) return '—';
  const ms = Math.round(Math.abs(minutes) * 60_000);
  const m = Math.floor(ms / 60_000);
  const rest = ms - m * 60_000;
  const sec = Math.floor(rest / 1000);
  const frac = rest % 1000 ? `.${String(rest % 1000).padStart(3, '0').replace(/0+$/, '')}` : '';
  return `${minutes < 0 ? '-' : ''}${m}:${String(sec).padStart(2, '0')}${frac}`;
}

function statsTable(title: string, groups: Record<string, GroupStats>, name: (k: string) => string = (k) => k): string {
  const header = ['分组', '数量', '响应达标', '响应超时', '计时中', '达标率', '平均响应(分)', '中位响应', 'P90响应', '平均解决(分)', '中位解决', 'P90解决', '非工作时间', '未关闭'];
  const rows = Object.entries(groups).map(([k, g]) => [
    name(k), String(g.count), String(g.responseMet), String(g.responseBreached), String(g.responsePending), showRatio(g.responseAttainment),
    num(g.avgResponseMinutes), num(g.medianResponseMinutes), num(g.p90ResponseMinutes),
    num(g.avgResolutionMinutes), num(g.medianResolutionMinutes), num(g.p90ResolutionMinutes), showRatio(g.afterHoursShare), String(g.open),
  ]);
  return `${title}\n${renderTable(header, rows, [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13])}`;
}

/**
 * Formats an SLA result as text.
 * @param r the result of computeSla
 * @returns the text (no trailing newline)
 */
export function formatSlaText(r: SlaResult): string {
  const head = `服务期 ${r.period.id}（${r.period.start} 至 ${r.period.end}），统计截至 ${r.asOf}，工单 ${r.total.count} 张`;
  const tickets = renderTable(
    ['工单', '系统', '级别', '类别', '渠道', '响应(分:秒)', '时限(分:秒)', '响应', '故障30分', '到场', '渠道合规', '通知', '解决(分)'],
    r.tickets.map((t) => [
      t.id, label(SYSTEM_SHORT_LABEL, t.system), t.initialSeverity === t.severity ? severity(t.severity) : `${severity(t.initialSeverity)}→${severity(t.severity)}`, category(t.category), channel(t.channel),
      clockText(t.responseMinutes), clockText(t.responseTargetMinutes), status(t.response), status(t.faultResponse),
      t.onsite === 'n/a' ? '—' : `${status(t.onsite)}(${t.onsiteRule})`, status(t.channelCheck),
      t.notifications.status === 'n/a' ? '—' : t.notifications.missing.length ? `缺${t.notifications.missing.map((m) => label(NOTIFY_LABEL, m)).join('、')}` : status(t.notifications.status),
      num(t.resolutionMinutes),
    ]),
    [5, 6, 12],
  );
  return [
    head,
    '',
    tickets,
    '',
    statsTable('按级别', r.bySeverity, severity),
    '',
    statsTable('按系统', r.bySystem, labelOf(SYSTEM_SHORT_LABEL)),
    '',
    statsTable('按类别', r.byCategory, category),
    '',
    statsTable('按渠道', r.byChannel, channel),
    '',
    statsTable('按月份', r.byMonth),
    '',
    statsTable('合计', { 全部: r.total }),
  ].join('\n');
}
