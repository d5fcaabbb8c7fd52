/**
 * Types of the PRC working-day calendar.
 */
import type { CalendarRecord } from '../records/types.js';
import type { CivilDate } from '../shared/time.js';

/** A civil date: a `CivilDate` or a `YYYY-MM-DD` string (a calendar day in China). */
export type DateInput = CivilDate | string;

/** One holiday period of a State Council notice (both ends inclusive): `name`, `from`, `to` (`YYYY-MM-DD`). */
export type CalendarHoliday = CalendarRecord['holidays'][number];

/**
 * The plain object of a calendar record (`records/calendar/<year>.yaml`):
 * one year's State Council notice. An alias of the loader's `CalendarRecord`,
 * generated from `schemas/calendar.schema.json` (the one source of its shape).
 */
export type CalendarYearData = CalendarRecord;

/**
 * What a day is: an ordinary weekday, a weekend day, a statutory holiday
 * (including weekend days inside a break), or a weekend day made a working
 * day by the notice (调休上班).
 */
export type DayType = 'workday' | 'weekend' | 'holiday' | 'adjusted-workday';

/** The answer of `WorkCalendar.dayType`. */
export interface DayInfo {
  /** `YYYY-MM-DD`. */
  date: string;
  type: DayType;
  /** True for `workday` and `adjusted-workday`. */
  working: boolean;
  /** The festival's name when `type` is `holiday` (e.g. 国庆节). */
  name?: string;
  /**
   * False when the year has no holiday data: the type then follows the
   * weekday alone (Mon–Fri working) and `warnings` says so.
   */
  known: boolean;
  /** Missing-calendar warnings (empty when the year is known). */
  warnings: string[];
}

/** The answer of `WorkCalendar.addWorkingDays`. */
export interface WorkdayResult {
  /** The resulting date, `YYYY-MM-DD`. */
  date: string;
  /** One warning per year consulted that has no holiday data (empty when exact). */
  warnings: string[];
}

/** The answer of `WorkCalendar.workingDaysBetween`. */
export interface WorkdayCount {
  /** Working days `d` with `a < d ≤ b`; negative when `b < a`. */
  count: number;
  /** One warning per year consulted that has no holiday data. */
  warnings: string[];
}

/** The answer of `WorkCalendar.coverage`. */
export interface CalendarCoverage {
  /** True when every year of the range has holiday data. */
  complete: boolean;
  /** Years of the range without data, ascending. */
  missingYears: number[];
  /** One warning per missing year. */
  warnings: string[];
}

/**
 * A PRC working-day calendar. Every method is pure and independent of the
 * process's time zone. Methods that consult a year without data still answer
 * (Mon–Fri counted as working days) but always say so in `warnings`; callers
 * decide whether to show, collect or refuse.
 */
export interface WorkCalendar {
  /** Years with holiday data (built-in or from records), ascending. */
  readonly knownYears: readonly number[];
  /** Whether a year has holiday data. */
  hasYear(year: number): boolean;
  /** What the day is (workday, weekend, holiday, adjusted-workday). */
  dayType(date: DateInput): DayInfo;
  /**
   * Whether the day is a working day. A shorthand for `dayType(date).working`
   * that drops the warning: check `coverage()` first (or use `dayType`) when
   * the year may lack data.
   */
  isWorkingDay(date: DateInput): boolean;
  /**
   * The `n`-th working day strictly after `date` (SPEC §3: the deadline of a
   * report due `n` working days after an event). `n = 0` returns `date`
   * itself, so that `workingDaysBetween(date, result) === n` for every n ≥ 0.
   */
  addWorkingDays(date: DateInput, n: number): WorkdayResult;
  /** Counts working days `d` with `a < d ≤ b` (negative when `b < a`). */
  workingDaysBetween(a: DateInput, b: DateInput): WorkdayCount;
  /** Which years of the inclusive date range lack holiday data. */
  coverage(from: DateInput, to: DateInput): CalendarCoverage;
}
