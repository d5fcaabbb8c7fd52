/**
 * Formatting of the generated pages beyond shared/display.ts (times, minutes,
 * shares) and shared/labels.ts (the Chinese labels of codes).
 */
import { showTime } from '../shared/display.js';
import { checkDateTime, formatCst, parseDateTime } from '../shared/time.js';

/** A stable heading anchor for a record id (`INS-2026-01` → `ins-2026-01`). */
export function anchorOf(id: string): string {
  return id.toLowerCase().replace(/[^a-z0-9-]+/g, '-');
}

/** `:SS` when a record time has seconds (Beijing time), else nothing. */
function secondsOf(value: string | undefined | null): string {
  if (!value || checkDateTime(value) !== null) return '';
  const ss = formatCst(parseDateTime(value)).slice(17, 19);
  return ss === '00' ? '' : `:${ss}`;
}

/**
 * `showTime`, plus the seconds when the record has them (`2026-03-14 02:18:02`): the SLA clocks are judged to
 * the second, so a time beside a verdict must not read as on time when it is not.
 */
export function showTimeExact(value: string | undefined | null): string {
  const full = showTime(value);
  return full.length === 16 ? full + secondsOf(value) : full;
}

/**
 * A time shown next to `base`: only `HH:MM` on the same Beijing day, else `MM-DD HH:MM` in the same year, else in
 * full; with `:SS` when either time has seconds (5 min 2 s after 02:13 reads `02:18:02`, not `02:18`).
 */
export function fmtTimeAfter(value: string | undefined | null, base: string): string {
  const full = showTime(value);
  const ref = showTime(base);
  if (full.length !== 16 || ref.length !== 16) return full;
  const ss = secondsOf(value) || (secondsOf(base) ? ':00' : '');
  if (full.slice(0, 10) === ref.slice(0, 10)) return full.slice(11) + ss;
  if (full.slice(0, 4) === ref.slice(0, 4)) return full.slice(5) + ss;
  return full + ss;
}
