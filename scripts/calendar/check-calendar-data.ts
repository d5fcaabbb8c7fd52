/**
 * Shape and consistency checks of one calendar record (one year's notice),
 * beyond what the JSON Schema can say: dates that exist, `from ≤ to`, dates
 * inside the notice's year, adjusted working days on weekends and outside
 * the breaks, no overlapping breaks.
 */
import { checkDate, compareDates, parseDate, addDays, formatDate, weekdayOf } from '../shared/time.js';
import type { CalendarYearData } from './types.js';

/** A problem in a calendar record, located by its path in the data. */
export interface CalendarDataProblem {
  /** Path of the offending value, e.g. `['holidays', 1, 'to']` (empty: the whole record). */
  path: (string | number)[];
  /** "Unexpected X, expected Y". */
  message: string;
  /** The problem is the property's key itself (an unknown property), not its value. */
  atKey?: boolean;
}

/** Longest plausible break: a longer one is almost surely a typo in `to`. */
export const MAX_HOLIDAY_DAYS = 15;

const RECORD_KEYS = ['$schema', 'id', 'year', 'source', 'holidays', 'workdays'];
const HOLIDAY_KEYS = ['name', 'from', 'to'];

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
const show = (v: unknown) => (typeof v === 'string' ? `\`${v}\`` : JSON.stringify(v) ?? String(v));

/**
 * Checks one calendar record.
 * @param value the parsed record (anything: the shape is checked too)
 * @param fileId the file's base name without `.yaml`, when known (must equal `id`)
 * @returns the problems found; an empty list means `value` is a valid `CalendarYearData`
 */
export function checkCalendarData(value: unknown, fileId?: string): CalendarDataProblem[] {
  const problems: CalendarDataProblem[] = [];
  const add = (path: (string | number)[], message: string, atKey = false) => problems.push(atKey ? { path, message, atKey } : { path, message });
  if (!isObject(value)) {
    add([], `Unexpected ${Array.isArray(value) ? 'list' : show(value)}, expected a mapping with id, year, source, holidays, workdays`);
    return problems;
  }
  for (const key of Object.keys(value)) {
    if (!RECORD_KEYS.includes(key)) add([key], `Unexpected unknown property \`${key}\`, expected one of ${RECORD_KEYS.slice(1).map((k) => `\`${k}\``).join(', ')}`, true);
  }
  for (const key of RECORD_KEYS.slice(1)) {
    if (!(key in value)) add([], `Missing required property \`${key}\``);
  }

  const { id, year, source, holidays, workdays } = value;
  let yearOk = false;
  if ('year' in value) {
    if (typeof year !== 'number' || !Number.isInteger(year) || year < 2000 || year > 2100) add(['year'], `Unexpected year ${show(year)}, expected an integer from 2000 to 2100`);
    else yearOk = true;
  }
  if ('id' in value) {
    if (typeof id !== 'string' || !/^\d{4}$/.test(id)) add(['id'], `Unexpected id ${show(id)}, expected the year as a quoted string, e.g. "2027"`);
    else if (yearOk && id !== String(year)) add(['id'], `Unexpected id \`${id}\` for year ${String(year)}, expected \`${String(year)}\``);
    else if (fileId !== undefined && id !== fileId) add(['id'], `Unexpected id \`${id}\` in ${fileId}.yaml, expected the file's base name \`${fileId}\``);
  }
  if ('source' in value && (typeof source !== 'string' || source.trim() === '')) add(['source'], `Unexpected source ${show(source)}, expected the notice's title and number (国办发明电〔…〕…号)`);

  // Dates of year Y's notice lie in Y, or in late December of Y-1 (a New Year break may start there).
  const inWindow = (d: string) => !yearOk || d.startsWith(`${String(year)}-`) || d.startsWith(`${String((year as number) - 1)}-12-`);
  const windowText = yearOk ? `a date in ${String(year)} (or December ${String((year as number) - 1)})` : 'a date';
  const checkDay = (path: (string | number)[], d: unknown): d is string => {
    const problem = typeof d === 'string' ? checkDate(d) : 'syntax';
    if (typeof d !== 'string' || problem !== null) {
      add(path, problem === 'impossible' ? `Unexpected date ${show(d)}: no such day, expected a real calendar date` : `Unexpected date ${show(d)}, expected a quoted date "YYYY-MM-DD"`);
      return false;
    }
    if (!inWindow(d)) {
      add(path, `Unexpected date \`${d}\`, expected ${windowText}`);
      return false;
    }
    return true;
  };

  const daysOff = new Map<string, number>(); // date → holiday index
  if ('holidays' in value) {
    if (!Array.isArray(holidays)) add(['holidays'], `Unexpected ${show(holidays)}, expected a list of { name, from, to }`);
    else holidays.forEach((h: unknown, i) => {
      if (!isObject(h)) return add(['holidays', i], `Unexpected ${show(h)}, expected { name, from, to }`);
      for (const key of Object.keys(h)) {
        if (!HOLIDAY_KEYS.includes(key)) add(['holidays', i, key], `Unexpected unknown property \`${key}\`, expected one of \`name\`, \`from\`, \`to\``, true);
      }
      for (const key of HOLIDAY_KEYS) if (!(key in h)) add(['holidays', i], `Missing required property \`${key}\``);
      if ('name' in h && (typeof h.name !== 'string' || h.name.trim() === '')) add(['holidays', i, 'name'], `Unexpected name ${show(h.name)}, expected the festival's name, e.g. 春节`);
      const fromOk = 'from' in h && checkDay(['holidays', i, 'from'], h.from);
      const toOk = 'to' in h && checkDay(['holidays', i, 'to'], h.to);
      if (!fromOk || !toOk) return;
      const from = parseDate(h.from as string);
      const to = parseDate(h.to as string);
      if (compareDates(from, to) > 0) return add(['holidays', i, 'to'], `Unexpected \`to\` ${show(h.to)} before \`from\` ${show(h.from)}, expected the last day off`);
      for (let d = from, n = 1; compareDates(d, to) <= 0; d = addDays(d, 1), n++) {
        if (n > MAX_HOLIDAY_DAYS) return add(['holidays', i, 'to'], `Unexpected break longer than ${MAX_HOLIDAY_DAYS} days (${show(h.from)} to ${show(h.to)}), expected the last day off`);
        const key = formatDate(d);
        const other = daysOff.get(key);
        if (other !== undefined) return add(['holidays', i], `Unexpected overlap with holidays[${other}] on ${key}, expected separate breaks`);
        daysOff.set(key, i);
      }
    });
  }
  if ('workdays' in value) {
    if (!Array.isArray(workdays)) add(['workdays'], `Unexpected ${show(workdays)}, expected a list of dates`);
    else {
      const seen = new Set<string>();
      workdays.forEach((d: unknown, i) => {
        if (!checkDay(['workdays', i], d)) return;
        if (seen.has(d)) return add(['workdays', i], `Unexpected duplicate workday \`${d}\`, expected each date once`);
        seen.add(d);
        const wd = weekdayOf(parseDate(d));
        if (wd < 6) add(['workdays', i], `Unexpected workday \`${d}\` on a weekday, expected a Saturday or Sunday made a working day (调休上班)`);
        else if (daysOff.has(d)) add(['workdays', i], `Unexpected workday \`${d}\` inside holidays[${String(daysOff.get(d))}], expected a day outside the breaks`);
      });
    }
  }
  return problems;
}

/** Narrows after `checkCalendarData` found nothing. */
export function isCalendarYearData(value: unknown): value is CalendarYearData {
  return checkCalendarData(value).length === 0;
}
