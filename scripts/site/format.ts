/**
 * Formatting of the generated pages beyond shared/display.ts (times, minutes,
 * shares) and shared/labels.ts (the Chinese labels of codes).
 */
import { showTime } from '../shared/display.js';

/** A stable heading anchor for a record id (`INS-2026-01` → `ins-2026-01`). */
export function anchorOf(id: string): string {
  return id.toLowerCase().replace(/[^a-z0-9-]+/g, '-');
}

/** A time shown next to `base`: only `HH:MM` on the same Beijing day, else `MM-DD HH:MM` in the same year, else in full. */
export function fmtTimeAfter(value: string | undefined | null, base: string): string {
  const full = showTime(value);
  const ref = showTime(base);
  if (full.length !== 16 || ref.length !== 16) return full;
  if (full.slice(0, 10) === ref.slice(0, 10)) return full.slice(11);
  if (full.slice(0, 4) === ref.slice(0, 4)) return full.slice(5);
  return full;
}
