/**
 * How times, durations and shares are shown to a hospital reader: the same
 * figure reads the same in a report, on the site and in a compliance summary.
 * Always China Standard Time, whatever the machine's zone (via time.ts).
 * Compliance findings, which must show seconds at a deadline's edge, have
 * their own finer text (compliance/finding-text.ts).
 */
import { checkDate, checkDateTime, formatCst, parseDateTime, parseInstant } from './time.js';

/** `2026-03-14T02:13:00+08:00` (any offset) → `2026-03-14 02:13` (CST); a date or any other text passes through, nothing → `—`. */
export function showTime(value: string | undefined | null): string {
  if (!value) return '—';
  if (checkDateTime(value) !== null) return value;
  return formatCst(parseDateTime(value)).slice(0, 16).replace('T', ' ');
}

/** Epoch ms → `2026-03-14 02:13` (CST). */
export function showInstant(ms: number): string {
  return formatCst(ms).slice(0, 16).replace('T', ' ');
}

/** The CST day of a date or time: `2026-03-14`; nothing → `—`. */
export function showDate(value: string | undefined | null): string {
  if (!value) return '—';
  if (checkDate(value) === null) return value;
  return formatCst(parseInstant(value)).slice(0, 10);
}

/** Minutes → `12 分钟`, `2 小时 5 分钟`, from two days on `3 天 6 小时`; nothing → `—`. */
export function showMinutes(min: number | undefined | null): string {
  if (min === undefined || min === null || !Number.isFinite(min)) return '—';
  const m = Math.round(min);
  if (m < 60) return `${m} 分钟`;
  if (m < 2880) {
    const h = Math.floor(m / 60);
    const r = m % 60;
    return r ? `${h} 小时 ${r} 分钟` : `${h} 小时`;
  }
  const hours = Math.round(m / 60);
  const d = Math.floor(hours / 24);
  const h = hours % 24;
  return h ? `${d} 天 ${h} 小时` : `${d} 天`;
}

/** A ratio (0.125) as a percentage with one decimal (`12.5%`); nothing → `—`. */
export function showRatio(ratio: number | null | undefined): string {
  if (ratio === null || ratio === undefined || !Number.isFinite(ratio)) return '—';
  return `${(Math.round(ratio * 1000) / 10).toFixed(1)}%`;
}

/** A share `part / total` as a percentage with one decimal; `—` when the total is 0. */
export function showPercent(part: number, total: number): string {
  return total > 0 ? showRatio(part / total) : '—';
}
