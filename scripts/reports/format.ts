/**
 * Formatting of times, durations and numbers for reports, always in China
 * Standard Time whatever the machine's zone (via shared/time.ts).
 */
import { checkDate, formatCst, parseInstant } from '../shared/time.js';

/** `2026-03-14T02:13:00+08:00` (any offset) → `2026-03-14 02:13` in CST; a bare date stays as is. */
export function showTime(text: string | undefined): string {
  if (text === undefined || text === '') return '—';
  if (checkDate(text) === null) return text;
  return formatCst(parseInstant(text)).slice(0, 16).replace('T', ' ');
}

/** Epoch ms → `2026-03-14 02:13` (CST). */
export function showInstant(ms: number): string {
  return formatCst(ms).slice(0, 16).replace('T', ' ');
}

/** The CST date part of a date or time: `2026-03-14`. */
export function showDate(text: string | undefined): string {
  if (text === undefined || text === '') return '—';
  if (checkDate(text) === null) return text;
  return formatCst(parseInstant(text)).slice(0, 10);
}

/** Minutes → `12 分钟`, `2 小时 5 分钟`, `1 天 3 小时`; undefined → `—`. */
export function showMinutes(min: number | undefined | null): string {
  if (min === undefined || min === null || !Number.isFinite(min)) return '—';
  const m = Math.round(min);
  if (m < 60) return `${m} 分钟`;
  if (m < 2880) {
    const h = Math.floor(m / 60);
    const r = m % 60;
    return r ? `${h} 小时 ${r} 分钟` : `${h} 小时`;
  }
  const d = Math.floor(m / 1440);
  const h = Math.round((m % 1440) / 60);
  return h ? `${d} 天 ${h} 小时` : `${d} 天`;
}

/** A share as a percentage with one decimal: `12.5%`; `—` when the total is 0. */
export function showPercent(part: number, total: number): string {
  if (total === 0) return '—';
  return `${(Math.round((part / total) * 1000) / 10).toFixed(1)}%`;
}

/** Mean of numbers, undefined for none. */
export function mean(xs: readonly number[]): number | undefined {
  if (xs.length === 0) return undefined;
  return xs.reduce((a, b) => a + b, 0) / xs.length;
}

/** Nearest-rank percentile (p in 0..100) of numbers, undefined for none. */
export function percentile(xs: readonly number[], p: number): number | undefined {
  if (xs.length === 0) return undefined;
  const sorted = [...xs].sort((a, b) => a - b);
  const rank = Math.max(1, Math.ceil((p / 100) * sorted.length));
  return sorted[rank - 1];
}
