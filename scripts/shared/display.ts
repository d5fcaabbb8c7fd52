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

/**
 * A ratio (0.125) as a percentage with one decimal (`12.5%`); nothing → `—`.
 * Rounding never reaches the ends: a ratio above 0 shows at least `0.1%` and
 * one below 1 at most `99.9%`, so 9 999 of 10 000 in time never reads as
 * `100.0%` beside a breach.
 */
export function showRatio(ratio: number | null | undefined): string {
  if (ratio === null || ratio === undefined || !Number.isFinite(ratio)) return '—';
  let tenths = Math.round(ratio * 1000);
  if (ratio > 0 && ratio < 1) tenths = Math.min(999, Math.max(1, tenths));
  return `${(tenths / 10).toFixed(1)}%`;
}

/**
 * A clock that is judged against a limit, exact to the second (a fraction of
 * a second only when the timestamps have one): `5 分钟 2 秒`, `2 小时 5 分钟`,
 * `1 天 12 小时 3 分钟 1 秒`, `5 分钟 0.4 秒`; nothing → `—`. Use it where a
 * figure stands beside a verdict, so 5 min 2 s never reads as `5 分钟` and 超时;
 * `showMinutes` rounds for figures read on their own (means, totals).
 */
export function showClock(min: number | undefined | null): string {
  if (min === undefined || min === null || !Number.isFinite(min)) return '—';
  let ms = Math.round(Math.abs(min) * 60_000);
  const parts: string[] = [];
  if (ms >= 2 * 86_400_000) {
    parts.push(`${Math.floor(ms / 86_400_000)} 天`);
    ms %= 86_400_000;
  }
  const h = Math.floor(ms / 3_600_000);
  const m = Math.floor((ms % 3_600_000) / 60_000);
  const rest = ms % 60_000;
  if (h) parts.push(`${h} 小时`);
  if (m) parts.push(`${m} 分钟`);
  if (rest) parts.push(`${rest % 1000 ? (rest / 1000).toFixed(3).replace(/0+$/, '') : rest / 1000} 秒`);
  return (min < 0 ? '负 ' : '') + (parts.join(' ') || '0 分钟');
}

/** A share `part / total` as a percentage with one decimal; `—` when the total is 0. */
export function showPercent(part: number, total: number): string {
  return total > 0 ? showRatio(part / total) : '—';
}
