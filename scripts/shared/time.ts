/**
 * Time and date primitives, independent of the machine's time zone.
 *
 * Times in records are ISO 8601 with an explicit offset; dates are civil dates
 * in China Standard Time (UTC+08:00). Every conversion here is arithmetic on
 * UTC milliseconds: nothing reads the process's local zone.
 */

/** China Standard Time offset in milliseconds. */
export const CST_OFFSET_MS = 8 * 60 * 60 * 1000;
const MINUTE = 60_000;

const DATE_RE = /^(\d{4})-(\d{2})-(\d{2})$/;
const DATETIME_RE =
  /^(\d{4})-(\d{2})-(\d{2})[T ](\d{2}):(\d{2})(?::(\d{2})(\.\d{1,9})?)?(Z|z|[+-]\d{2}:?\d{2})?$/;

/** A civil date (no time, no zone). */
export interface CivilDate {
  year: number;
  month: number; // 1-12
  day: number; // 1-31
}

/** Days in a month of the proleptic Gregorian calendar (arithmetic: `Date.UTC` reads years 0–99 as 1900–1999). */
export function daysInMonth(year: number, month: number): number {
  if (month === 2) return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0 ? 29 : 28;
  return month === 4 || month === 6 || month === 9 || month === 11 ? 30 : 31;
}

/**
 * Years a record's date may carry. Anything outside is a typo (`0000`,
 * `0206` for 2026), not a date of this service: no computer-system record
 * predates 1970.
 */
export const MIN_YEAR = 1970;
export const MAX_YEAR = 2999;

/** Why a date/time string is not acceptable, or null when it is. */
export type TimeProblem = 'syntax' | 'impossible' | 'year' | 'no-offset' | null;

/** Checks a `YYYY-MM-DD` string. */
export function checkDate(text: string): TimeProblem {
  const m = DATE_RE.exec(text);
  if (!m) return 'syntax';
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  if (mo < 1 || mo > 12 || d < 1 || d > daysInMonth(y, mo)) return 'impossible';
  if (y < MIN_YEAR || y > MAX_YEAR) return 'year';
  return null;
}

/** Two ASCII digits at `i` as a number, or -1. */
function two(text: string, i: number): number {
  const a = text.charCodeAt(i) - 48;
  const b = text.charCodeAt(i + 1) - 48;
  return a >= 0 && a <= 9 && b >= 0 && b <= 9 ? a * 10 + b : -1;
}

/** Checks an ISO 8601 date-time string that must carry an offset. */
export function checkDateTime(text: string): TimeProblem {
  // the common form `YYYY-MM-DDTHH:MM:SS+HH:MM` without a regular expression (validate runs this for every time)
  if (text.length === 25 && text[4] === '-' && text[7] === '-' && text[10] === 'T' && text[13] === ':' && text[16] === ':' && (text[19] === '+' || text[19] === '-') && text[22] === ':') {
    const [y1, y2, mo, d, h, mi, s, oh, om] = [two(text, 0), two(text, 2), two(text, 5), two(text, 8), two(text, 11), two(text, 14), two(text, 17), two(text, 20), two(text, 23)];
    if (y1 >= 0 && y2 >= 0 && mo >= 0 && d >= 0 && h >= 0 && mi >= 0 && s >= 0 && oh >= 0 && om >= 0) {
      const y = y1 * 100 + y2;
      if (mo < 1 || mo > 12 || d < 1 || d > daysInMonth(y, mo) || h > 23 || mi > 59 || s > 59) return 'impossible';
      if (y < MIN_YEAR || y > MAX_YEAR) return 'year';
      return oh > 14 || om > 59 ? 'impossible' : null;
    }
  }
  const m = DATETIME_RE.exec(text);
  if (!m) return 'syntax';
  const [y, mo, d, h, mi, s] = [m[1], m[2], m[3], m[4], m[5], m[6] ?? '0'].map(Number) as number[];
  if (mo! < 1 || mo! > 12 || d! < 1 || d! > daysInMonth(y!, mo!)) return 'impossible';
  if (h! > 23 || mi! > 59 || s! > 59) return 'impossible';
  if (y! < MIN_YEAR || y! > MAX_YEAR) return 'year';
  const off = m[8];
  if (!off) return 'no-offset';
  if (off !== 'Z' && off !== 'z') {
    const digits = off.replace(':', '');
    const oh = Number(digits.slice(1, 3));
    const om = Number(digits.slice(3, 5));
    if (oh > 14 || om > 59) return 'impossible';
  }
  return null;
}

/** Checks a value that may be either a date or a date-time with offset. */
export function checkDateOrDateTime(text: string): TimeProblem {
  return DATE_RE.test(text) ? checkDate(text) : checkDateTime(text);
}

/** Parses a civil date `YYYY-MM-DD`. Throws on malformed input (validate first). */
export function parseDate(text: string): CivilDate {
  if (checkDate(text) !== null) throw new RangeError(`Unexpected date \`${text}\`, expected YYYY-MM-DD`);
  const [y, m, d] = text.split('-').map(Number) as [number, number, number];
  return { year: y, month: m, day: d };
}

/** Formats a civil date as `YYYY-MM-DD`. */
export function formatDate(d: CivilDate): string {
  return `${String(d.year).padStart(4, '0')}-${String(d.month).padStart(2, '0')}-${String(d.day).padStart(2, '0')}`;
}

/** Parses an ISO date-time with offset to epoch milliseconds. Throws on bad input. */
export function parseDateTime(text: string): number {
  const problem = checkDateTime(text);
  if (problem !== null) throw new RangeError(`Unexpected time \`${text}\` (${problem}), expected e.g. 2026-03-14T02:13:00+08:00`);
  const m = DATETIME_RE.exec(text)!;
  const [y, mo, d, h, mi] = [m[1], m[2], m[3], m[4], m[5]].map(Number) as number[];
  const s = Number(m[6] ?? 0);
  const frac = m[7] ? Math.round(Number(m[7]) * 1000) : 0;
  let offsetMs = 0;
  const off = m[8]!;
  if (off !== 'Z' && off !== 'z') {
    const digits = off.replace(':', '');
    const sign = digits[0] === '-' ? -1 : 1;
    offsetMs = sign * (Number(digits.slice(1, 3)) * 60 + Number(digits.slice(3, 5))) * MINUTE;
  }
  return Date.UTC(y!, mo! - 1, d!, h!, mi!, s, frac) - offsetMs;
}

/**
 * Parses a date or date-time field to epoch ms. A bare date means the start
 * (or, with `end: true`, the end = next midnight) of that day in CST.
 */
export function parseInstant(text: string, opts: { end?: boolean } = {}): number {
  if (DATE_RE.test(text)) {
    const start = cstDayStart(parseDate(text));
    return opts.end ? start + 24 * 60 * MINUTE : start;
  }
  return parseDateTime(text);
}

/** Epoch ms of 00:00 CST on a civil date. */
export function cstDayStart(d: CivilDate): number {
  return Date.UTC(d.year, d.month - 1, d.day) - CST_OFFSET_MS;
}

/** The civil date in CST of an instant. */
export function cstDateOf(ms: number): CivilDate {
  const t = new Date(ms + CST_OFFSET_MS);
  return { year: t.getUTCFullYear(), month: t.getUTCMonth() + 1, day: t.getUTCDate() };
}

/** Wall-clock fields in CST of an instant: hour (0-23), ISO weekday (1=Mon..7=Sun). */
export function cstClock(ms: number): { hour: number; minute: number; weekday: number } {
  const t = new Date(ms + CST_OFFSET_MS);
  const wd = t.getUTCDay();
  return { hour: t.getUTCHours(), minute: t.getUTCMinutes(), weekday: wd === 0 ? 7 : wd };
}

/** Formats an instant as `YYYY-MM-DDTHH:MM:SS+08:00`. */
export function formatCst(ms: number): string {
  const t = new Date(ms + CST_OFFSET_MS);
  return `${t.toISOString().slice(0, 19)}+08:00`;
}

/** Adds days to a civil date. */
export function addDays(d: CivilDate, n: number): CivilDate {
  const t = new Date(Date.UTC(d.year, d.month - 1, d.day + n));
  return { year: t.getUTCFullYear(), month: t.getUTCMonth() + 1, day: t.getUTCDate() };
}

/** Compares two civil dates (negative, zero, positive). */
export function compareDates(a: CivilDate, b: CivilDate): number {
  return a.year - b.year || a.month - b.month || a.day - b.day;
}

/** ISO weekday (1=Mon..7=Sun) of a civil date. */
export function weekdayOf(d: CivilDate): number {
  const wd = new Date(Date.UTC(d.year, d.month - 1, d.day)).getUTCDay();
  return wd === 0 ? 7 : wd;
}

/** Whole minutes between two instants (b − a), floored toward zero. */
export function minutesBetween(a: number, b: number): number {
  return (b - a) / MINUTE;
}

/** Parses an ISO 8601 duration (PnDTnHnMnS, PnW) into minutes. */
export function parseDurationMinutes(text: string): number {
  const m = /^P(?:(\d+)W)?(?:(\d+)D)?(?:T(?:(\d+)H)?(?:(\d+)M)?(?:(\d+(?:\.\d+)?)S)?)?$/.exec(text);
  if (!m || text === 'P' || text.endsWith('T')) throw new RangeError(`Unexpected duration \`${text}\`, expected ISO 8601 like PT5M or PT12H`);
  const [w, d, h, mi, s] = [m[1], m[2], m[3], m[4], m[5]].map((x) => Number(x ?? 0)) as number[];
  return w! * 7 * 1440 + d! * 1440 + h! * 60 + mi! + s! / 60;
}
