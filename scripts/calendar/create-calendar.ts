/**
 * The PRC working-day calendar: weekends off, statutory holidays off, the
 * State Council's adjusted working days (调休) on. Built-in data from
 * `chinese-days`, extended or overridden per year by calendar records.
 */
import { UserError } from '../shared/errors.js';
import { addDays, checkDate, compareDates, formatDate, parseDate, weekdayOf, type CivilDate } from '../shared/time.js';
import { builtinCalendar } from './builtin-calendar.js';
import { checkCalendarData } from './check-calendar-data.js';
import type { CalendarCoverage, CalendarYearData, DateInput, DayInfo, WorkCalendar, WorkdayCount, WorkdayResult } from './types.js';

/** Options of `createCalendar`. */
export interface CalendarOptions {
  /** Include the built-in data (chinese-days, 2004–2026). Default true; false = records only. */
  builtin?: boolean;
}

type Entry = { kind: 'holiday'; name: string } | { kind: 'workday' };

/**
 * The warning given for a year without holiday data.
 * @param year the year
 * @returns one line that says which data file to add
 */
export function missingYearWarning(year: number): string {
  return `No PRC holiday calendar for ${year}: add records/calendar/${year}.yaml (see records/calendar/README.md); Monday–Friday counted as working days meanwhile`;
}

/** Normalises a date argument; throws RangeError on a malformed or impossible date. */
function toCivil(input: DateInput): CivilDate {
  if (typeof input === 'string') return parseDate(input);
  const text = formatDate(input);
  if (checkDate(text) !== null) throw new RangeError(`Unexpected date ${JSON.stringify(input)}, expected a real calendar day`);
  return { year: input.year, month: input.month, day: input.day };
}

/**
 * Builds a working-day calendar.
 * @param extra calendar records (`records/calendar/<year>.yaml` contents); a record
 *   replaces the built-in entries dated in its year and adds its own (which may
 *   include late-December days of the previous year)
 * @param options `builtin: false` to use the records alone
 * @returns a pure, time-zone-independent calendar
 * @throws UserError when a record is inconsistent (see `checkCalendarData`) or two records share a year
 */
export function createCalendar(extra: readonly CalendarYearData[] = [], options: CalendarOptions = {}): WorkCalendar {
  const entries = new Map<string, Entry>();
  const years = new Set<number>();
  if (options.builtin !== false) {
    const b = builtinCalendar();
    for (const [date, name] of b.holidays) entries.set(date, { kind: 'holiday', name });
    for (const date of b.workdays) entries.set(date, { kind: 'workday' });
    for (const y of b.years) years.add(y);
  }

  const seenYears = new Set<number>();
  for (const record of [...extra].sort((a, b) => a.year - b.year)) {
    const problems = checkCalendarData(record);
    const first = problems[0];
    if (first) {
      const where = first.path.map((p) => (typeof p === 'number' ? `[${p}]` : `.${p}`)).join('').replace(/^\./, '');
      throw new UserError(`Unexpected calendar record ${JSON.stringify(record?.id)}: ${where ? `${where}: ` : ''}${first.message}`);
    }
    if (seenYears.has(record.year)) throw new UserError(`Unexpected second calendar record for ${record.year}, expected one record per year`);
    seenYears.add(record.year);
    const prefix = `${record.year}-`;
    for (const date of [...entries.keys()]) if (date.startsWith(prefix)) entries.delete(date);
    for (const h of record.holidays) {
      const to = parseDate(h.to);
      for (let d = parseDate(h.from); compareDates(d, to) <= 0; d = addDays(d, 1)) entries.set(formatDate(d), { kind: 'holiday', name: h.name });
    }
    for (const date of record.workdays) entries.set(date, { kind: 'workday' });
    years.add(record.year);
  }

  const knownYears = Object.freeze([...years].sort((a, b) => a - b));

  /** Classifies one day; records the year in `missing` when it has no data. */
  const classify = (d: CivilDate, missing: Set<number>): Omit<DayInfo, 'warnings'> => {
    const date = formatDate(d);
    const known = years.has(d.year);
    if (!known) missing.add(d.year);
    const entry = known ? entries.get(date) : undefined;
    if (entry?.kind === 'holiday') return { date, type: 'holiday', working: false, name: entry.name, known };
    if (entry?.kind === 'workday') return { date, type: 'adjusted-workday', working: true, known };
    return weekdayOf(d) >= 6 ? { date, type: 'weekend', working: false, known } : { date, type: 'workday', working: true, known };
  };
  const warningsOf = (missing: Set<number>) => [...missing].sort((a, b) => a - b).map(missingYearWarning);

  const calendar: WorkCalendar = {
    knownYears,
    hasYear: (year) => years.has(year),

    dayType(date) {
      const missing = new Set<number>();
      return { ...classify(toCivil(date), missing), warnings: warningsOf(missing) };
    },

    isWorkingDay: (date) => classify(toCivil(date), new Set()).working,

    addWorkingDays(date, n): WorkdayResult {
      if (!Number.isSafeInteger(n) || n < 0) throw new RangeError(`Unexpected number of working days ${String(n)}, expected an integer ≥ 0`);
      const missing = new Set<number>();
      let d = toCivil(date);
      for (let left = n; left > 0; ) {
        d = addDays(d, 1);
        if (classify(d, missing).working) left--;
      }
      return { date: formatDate(d), warnings: warningsOf(missing) };
    },

    workingDaysBetween(a, b): WorkdayCount {
      let from = toCivil(a);
      let to = toCivil(b);
      const sign = compareDates(from, to) <= 0 ? 1 : -1;
      if (sign < 0) [from, to] = [to, from];
      const missing = new Set<number>();
      let count = 0;
      for (let d = addDays(from, 1); compareDates(d, to) <= 0; d = addDays(d, 1)) {
        if (classify(d, missing).working) count++;
      }
      return { count: count === 0 ? 0 : sign * count, warnings: warningsOf(missing) };
    },

    coverage(from, to): CalendarCoverage {
      let y0 = toCivil(from).year;
      let y1 = toCivil(to).year;
      if (y0 > y1) [y0, y1] = [y1, y0];
      const missingYears: number[] = [];
      for (let y = y0; y <= y1; y++) if (!years.has(y)) missingYears.push(y);
      return { complete: missingYears.length === 0, missingYears, warnings: missingYears.map(missingYearWarning) };
    },
  };
  return Object.freeze(calendar);
}

/**
 * The calendar of a knowledge base: built-in data plus its validated
 * `records/calendar/*.yaml` records.
 * @param records the calendar records' plain objects
 * @returns the calendar
 */
export function calendarFromRecords(records: readonly CalendarYearData[]): WorkCalendar {
  return createCalendar(records);
}
