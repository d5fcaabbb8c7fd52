/**
 * Formatting shared by the generated pages (time-zone independent). The
 * Chinese labels of codes are in `shared/labels.ts`.
 */
import { checkDateTime, formatCst, parseDateTime } from '../shared/time.js';

/** `2026-03-14T02:13:00+08:00` → `2026-03-14 02:13` (Beijing time); dates and empty values pass through. */
export function fmtTime(value: string | undefined | null): string {
  if (!value) return '—';
  if (checkDateTime(value) !== null) return value;
  return formatCst(parseDateTime(value)).slice(0, 16).replace('T', ' ');
}

/** Minutes as `X 小时 Y 分` / `Y 分钟`. */
export function fmtMinutes(min: number | null | undefined): string {
  if (min === null || min === undefined || !Number.isFinite(min)) return '—';
  const m = Math.round(min);
  if (m < 60) return `${m} 分钟`;
  const h = Math.floor(m / 60);
  return m % 60 ? `${h} 小时 ${m % 60} 分` : `${h} 小时`;
}

/** A share as a percentage with one decimal, `—` when the total is 0. */
export function fmtPercent(part: number, total: number): string {
  return total > 0 ? `${((part / total) * 100).toFixed(1)}%` : '—';
}

/** A stable heading anchor for a record id (`INS-2026-01` → `ins-2026-01`). */
export function anchorOf(id: string): string {
  return id.toLowerCase().replace(/[^a-z0-9-]+/g, '-');
}

/** A time shown next to `base`: only `HH:MM` on the same Beijing day, else `MM-DD HH:MM` in the same year, else in full. */
export function fmtTimeAfter(value: string | undefined | null, base: string): string {
  const full = fmtTime(value);
  const ref = fmtTime(base);
  if (full.length !== 16 || ref.length !== 16) return full;
  if (full.slice(0, 10) === ref.slice(0, 10)) return full.slice(11);
  if (full.slice(0, 4) === ref.slice(0, 4)) return full.slice(5);
  return full;
}
