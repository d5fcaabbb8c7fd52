/**
 * The built-in holiday data: the raw tables of the `chinese-days` package
 * (`dist/chinese-days.json`, 2004–2026, keyed by `YYYY-MM-DD` strings).
 *
 * Only the data is used. The package's date functions parse dates as UTC
 * and read them back in the process's local zone, so they give wrong days
 * under US time zones; and they silently treat an unknown year as Mon–Fri.
 */
import { createRequire } from 'node:module';
import { checkDate } from '../shared/time.js';

/** Holiday and adjusted-workday tables, keyed by `YYYY-MM-DD`. */
export interface BuiltinCalendar {
  /** Day off → festival name (official Chinese name, e.g. 清明节). */
  holidays: ReadonlyMap<string, string>;
  /** Adjusted working days (调休上班). */
  workdays: ReadonlySet<string>;
  /** Years with at least one entry, ascending. */
  years: readonly number[];
  /** Where the data came from, e.g. `chinese-days 1.5.7`. */
  source: string;
}

/** chinese-days uses short names for some festivals; the notices use these. */
const OFFICIAL_NAMES: Record<string, string> = {
  清明: '清明节',
  端午: '端午节',
  中秋: '中秋节',
};

interface RawTables {
  holidays: Record<string, string>;
  workdays: Record<string, string>;
}

let cached: BuiltinCalendar | undefined;

/**
 * Loads (once) the built-in tables from `chinese-days`.
 * @returns the holiday and workday tables and the years they cover
 * @throws Error when the installed package's data has an unexpected shape
 */
export function builtinCalendar(): BuiltinCalendar {
  if (cached) return cached;
  const require = createRequire(import.meta.url);
  const raw = require('chinese-days/dist/chinese-days.json') as RawTables;
  const version = (require('chinese-days/package.json') as { version: string }).version;
  const bad = (what: string) =>
    new Error(`Unexpected ${what} in chinese-days/dist/chinese-days.json (version ${version}), expected { holidays, workdays } keyed by YYYY-MM-DD with "English,中文,n" values`);
  if (typeof raw?.holidays !== 'object' || typeof raw?.workdays !== 'object') throw bad('shape');

  const holidays = new Map<string, string>();
  const years = new Set<number>();
  for (const [date, value] of Object.entries(raw.holidays)) {
    const name = typeof value === 'string' ? value.split(',')[1] : undefined;
    if (checkDate(date) !== null || !name) throw bad(`holiday entry \`${date}\``);
    holidays.set(date, OFFICIAL_NAMES[name] ?? name);
    years.add(Number(date.slice(0, 4)));
  }
  const workdays = new Set<string>();
  for (const date of Object.keys(raw.workdays)) {
    if (checkDate(date) !== null) throw bad(`workday entry \`${date}\``);
    workdays.add(date);
  }
  cached = { holidays, workdays, years: [...years].sort((a, b) => a - b), source: `chinese-days ${version}` };
  return cached;
}
