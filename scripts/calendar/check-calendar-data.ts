/**
 * Consistency checks of one calendar record (one year's notice) that a JSON
 * Schema cannot express: `id` equal to `year`, dates inside the notice's
 * year, `from ≤ to`, breaks of plausible length that do not overlap, and
 * adjusted working days on weekends outside the breaks.
 *
 * The shape (keys, types, quoted id, real dates) is owned by
 * `schemas/calendar.schema.json` and checked by the shared record loader;
 * the `calendar-consistency` record rule runs these checks on every record
 * that passed the schema.
 */
import { addDays, checkDate, compareDates, formatDate, parseDate, weekdayOf } from '../shared/time.js';
import type { CalendarYearData } from './types.js';

/** A problem in a calendar record, located by its path in the data. */
export interface CalendarDataProblem {
  /** Path of the offending value, e.g. `['holidays', 1, 'to']`. */
  path: (string | number)[];
  /** "Unexpected X, expected Y". */
  message: string;
}

/** Longest plausible break: a longer one is almost surely a typo in `to`. */
export const MAX_HOLIDAY_DAYS = 15;

/**
 * Checks the consistency of one schema-valid calendar record.
 * @param record the record (shape as in `schemas/calendar.schema.json`)
 * @returns the problems found, in document order; empty when consistent
 */
export function checkCalendarData(record: CalendarYearData): CalendarDataProblem[] {
  const problems: CalendarDataProblem[] = [];
  const add = (path: (string | number)[], message: string) => problems.push({ path, message });
  const { id, year } = record;
  if (id !== String(year)) add(['id'], `Unexpected id \`${id}\` for year ${year}, expected \`${year}\``);

  // Dates of year Y's notice lie in Y, or in late December of Y-1 (a New Year break may start there).
  const inWindow = (d: string) => d.startsWith(`${year}-`) || d.startsWith(`${year - 1}-12-`);
  const checkDay = (path: (string | number)[], d: string): boolean => {
    // the schema rejects such dates first; this guard keeps direct callers (createCalendar) from crashing
    if (checkDate(d) !== null) {
      add(path, `Unexpected date \`${d}\`, expected a real calendar date "YYYY-MM-DD"`);
      return false;
    }
    if (!inWindow(d)) {
      add(path, `Unexpected date \`${d}\`, expected a date in ${year} (or December ${year - 1})`);
      return false;
    }
    return true;
  };

  const daysOff = new Map<string, number>(); // date → holiday index
  record.holidays.forEach((h, i) => {
    const fromOk = checkDay(['holidays', i, 'from'], h.from);
    const toOk = checkDay(['holidays', i, 'to'], h.to);
    if (!fromOk || !toOk) return;
    const from = parseDate(h.from);
    const to = parseDate(h.to);
    if (compareDates(from, to) > 0) return add(['holidays', i, 'to'], `Unexpected \`to\` \`${h.to}\` before \`from\` \`${h.from}\`, expected the last day off`);
    for (let d = from, n = 1; compareDates(d, to) <= 0; d = addDays(d, 1), n++) {
      if (n > MAX_HOLIDAY_DAYS) return add(['holidays', i, 'to'], `Unexpected break longer than ${MAX_HOLIDAY_DAYS} days (\`${h.from}\` to \`${h.to}\`), expected the last day off`);
      const key = formatDate(d);
      const other = daysOff.get(key);
      if (other !== undefined) return add(['holidays', i], `Unexpected overlap with holidays[${other}] on ${key}, expected separate breaks`);
      daysOff.set(key, i);
    }
  });

  const seen = new Set<string>();
  record.workdays.forEach((d, i) => {
    if (!checkDay(['workdays', i], d)) return;
    if (seen.has(d)) return add(['workdays', i], `Unexpected duplicate workday \`${d}\`, expected each date once`);
    seen.add(d);
    if (weekdayOf(parseDate(d)) < 6) add(['workdays', i], `Unexpected workday \`${d}\` on a weekday, expected a Saturday or Sunday made a working day (调休上班)`);
    else if (daysOff.has(d)) add(['workdays', i], `Unexpected workday \`${d}\` inside holidays[${String(daysOff.get(d))}], expected a day outside the breaks`);
  });
  return problems;
}
