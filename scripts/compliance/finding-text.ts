/**
 * The Chinese wording of compliance findings: times in China Standard Time,
 * durations, deadlines and the names of systems, levels and channels. Every
 * evaluator words its findings with these helpers so the matrix reads the
 * same everywhere (截止日期 / 已超过截止日期 / 剩余不超过 N 个工作日 / 未到期).
 * Time arithmetic is `shared/time.ts`; this module only formats.
 */
import { showClock } from '../shared/display.js';
import { CHANNEL_LABEL, label, SEVERITY_LABEL } from '../shared/labels.js';
import { formatCst, parseDurationMinutes, parseInstant } from '../shared/time.js';
import type { ComplianceContext, GracePeriod } from './types.js';

const DATE_ONLY = /^\d{4}-\d{2}-\d{2}$/;

/**
 * A time as read in China: `2026-01-06 16:20` (CST, seconds only when not
 * zero, e.g. `2026-03-02 10:30:01`). A bare date `YYYY-MM-DD` stays as it is.
 * @param value a record's date or date-time text (any offset), or epoch ms
 */
export function cstTimeText(value: string | number): string {
  if (typeof value === 'string' && DATE_ONLY.test(value)) return value;
  const iso = formatCst(typeof value === 'number' ? value : parseInstant(value)); // YYYY-MM-DDTHH:MM:SS+08:00
  const seconds = iso.slice(17, 19);
  return `${iso.slice(0, 10)} ${iso.slice(11, 16)}${seconds === '00' ? '' : `:${seconds}`}`;
}

/**
 * A duration in Chinese: `50 分钟`, `2 小时 10 分钟`, `30 分钟 1 秒`; from
 * two days on with days (`3 天 2 小时`). Exact to the second, and to the
 * millisecond when a timestamp has a fraction (`5 分钟 0.4 秒`), so a figure
 * never contradicts the verdict beside it (shared/display.ts `showClock`).
 * @param minutes the duration in minutes (null → —)
 */
export function durationText(minutes: number | null): string {
  return showClock(minutes);
}

/** An ISO 8601 duration of the contract (`PT30M`, `PT12H`) in Chinese (`30 分钟`, `12 小时`). */
export function isoDurationText(iso: string): string {
  return durationText(parseDurationMinutes(iso));
}

/** A field by its Chinese label and YAML key: `响应时间（responded_at）`. */
export function fieldText(label: string, key: string): string {
  return `${label}（${key}）`;
}

/** A system by its name in the contract and its code: `手术麻醉临床信息系统（aims）`. */
export function systemText(ctx: ComplianceContext, system: string): string {
  const name = (ctx.contract.systems as Record<string, { name?: string } | undefined>)[system]?.name;
  return name ? `${name}（${system}）` : system;
}

/** A release of a system: `手术麻醉临床信息系统（aims）5.2.1 版`. */
export function releaseText(ctx: ComplianceContext, system: string, version: string): string {
  return `${systemText(ctx, system)}${version} 版`;
}

/** A service request level in the contract's words: `A级`, `1级` (shared/labels.ts). */
export function levelText(level: string): string {
  return Object.hasOwn(SEVERITY_LABEL, level) ? label(SEVERITY_LABEL, level) : `${level}级`;
}

/** A reporting channel: `网络（web）`. */
export function channelText(channel: string): string {
  return Object.hasOwn(CHANNEL_LABEL, channel) ? `${label(CHANNEL_LABEL, channel)}（${channel}）` : channel;
}

/** The rule of a working-day deadline: `巡检结束 2026-09-29 17:00 后 10 个工作日内`. */
export function workingDaysAfterText(event: string, at: string, workingDays: number): string {
  return `${event} ${cstTimeText(at)} 后 ${workingDays} 个工作日内`;
}

/** Why the parts of a clause that judge manual pages are `n/a` in a KB without docs/ (SPEC §1, §8). */
export const NO_DOCS_REASON = '本知识库没有 docs/ 目录，无手册页面可评判';

/**
 * The rule of a deadline the contract does not name, citing the policy key
 * and its value: `工单关闭 2026-03-02 12:00 后 10 个工作日内，合同未约定期限，
 * 按 sla.written_reply_working_days（10 个工作日，默认值）计`.
 * @param event what starts the period, e.g. `工单关闭`
 * @param at its date or time
 * @param grace the policy key and value (ComplianceContext.grace)
 */
export function unnamedDeadlineRule(event: string, at: string, grace: GracePeriod): string {
  return `${workingDaysAfterText(event, at, grace.workingDays)}，合同未约定期限，按 sla.${grace.key}（${grace.workingDays} 个工作日${grace.isDefault ? '，默认值' : ''}）计`;
}

/**
 * Something delivered after its deadline:
 * `巡检报告提交日期（report.delivered_at）2026-10-23 晚于截止日期 2026-10-19（巡检结束 … 后 10 个工作日内）`.
 * @param field the delivery field, see `fieldText`
 * @param done its value
 * @param due the deadline `YYYY-MM-DD` (inclusive)
 * @param rule where the deadline comes from
 */
export function lateText(field: string, done: string, due: string, rule: string): string {
  return `${field}${cstTimeText(done)} 晚于截止日期 ${due}（${rule}）`;
}

/**
 * Where an undelivered item stands against its deadline:
 * breached `已超过截止日期 D（rule）`, at-risk `截止日期 D（rule），剩余不超过 N 个工作日`,
 * pending `截止日期 D（rule），未到期`.
 * @param ctx the context (for the at-risk window)
 * @param status the item's status from `ctx.judgeDue`
 * @param due the deadline `YYYY-MM-DD` (inclusive)
 * @param rule where the deadline comes from
 */
export function dueText(ctx: Pick<ComplianceContext, 'atRiskWorkingDays'>, status: string, due: string, rule: string): string {
  if (status === 'breached') return `已超过截止日期 ${due}（${rule}）`;
  if (status === 'at-risk') return `截止日期 ${due}（${rule}），剩余不超过 ${ctx.atRiskWorkingDays} 个工作日`;
  return `截止日期 ${due}（${rule}），未到期`;
}
