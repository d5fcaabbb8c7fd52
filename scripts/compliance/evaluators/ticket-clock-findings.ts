/**
 * Messages for a judged clock of a ticket (shared by, L-1, L-2).
 */
import { minutesToMs, type Clock } from '../../sla/index.js';
import { cstTimeText, durationText } from '../finding-text.js';

/**
 * Describes a breached or pending clock in Chinese, e.g.
 * `响应时间（responded_at）2026-01-06 16:20 比报告时间（reported_at）2026-01-06 15:30 晚 50 分钟，超过 30 分钟的故障响应时限（截止 2026-01-06 16:00）`.
 * @param what the stopping field, e.g. `响应时间（responded_at）`
 * @param from the starting field, e.g. `报告时间（reported_at）`
 * @param clock the judged clock
 * @param limit the time limit, e.g. `30 分钟的故障响应时限`
 */
export function clockMessage(what: string, from: string, clock: Clock, limit: string): string {
  const start = clock.start!;
  const deadline = clock.deadline!;
  // A level raised before the response moves the deadline: it no longer runs from the start.
  const raised = clock.targetMinutes !== null && start + minutesToMs(clock.targetMinutes) !== deadline ? '自级别调整时起算，' : '';
  const by = `（${raised}截止 ${cstTimeText(deadline)}）`;
  const over = /^[\x21-\x7e]/.test(limit) ? ' ' : ''; // a space only between Chinese and a number or letter
  if (clock.end !== null) {
    return `${what}${cstTimeText(clock.end)} 比${from}${cstTimeText(start)} 晚 ${durationText(clock.minutes)}，${clock.end > deadline ? '超过' : '未超过'}${over}${limit}${by}`;
  }
  return clock.status === 'breached'
    ? `尚无${what}，${from}为 ${cstTimeText(start)}，已超过${over}${limit}${by}`
    : `尚无${what}，${from}为 ${cstTimeText(start)}，${limit}未到期${by}`;
}
