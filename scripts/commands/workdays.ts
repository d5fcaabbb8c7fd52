/**
 * `opsbook workdays add <YYYY-MM-DD> <N>`: prints the N-th PRC working day
 * strictly after the date (one line on stdout); missing-calendar warnings go
 * to stderr. The calendar is the built-in data plus `records/calendar/*.yaml`
 * under `--root`.
 */
import { calendarFromRecords, readCalendarRecords } from '../calendar/index.js';
import { EXIT, UserError, formatDiagnostic } from '../shared/errors.js';
import { checkDate } from '../shared/time.js';
import type { GlobalOptions } from './context.js';

/** Largest N accepted (about 40 years of working days). */
export const MAX_WORKING_DAYS = 10_000;

/**
 * Runs `workdays add`.
 * @param args `[date, n]` as declared in cli.ts
 * @returns the exit code: 0 ok (also with warnings), 2 bad arguments or calendar files
 */
export async function run(args: string[], _opts: Record<string, unknown>, globals: GlobalOptions): Promise<number> {
  const [date, nText] = args;
  if (date === undefined || nText === undefined) throw new UserError('Unexpected missing argument, expected `workdays add <YYYY-MM-DD> <N>`');
  const problem = checkDate(date);
  if (problem !== null) {
    throw new UserError(problem === 'syntax'
      ? `Unexpected date \`${date}\`, expected YYYY-MM-DD (e.g. 2026-09-28)`
      : `Unexpected date \`${date}\`: no such day, expected a real calendar date`);
  }
  if (!/^\d+$/.test(nText) || Number(nText) > MAX_WORKING_DAYS) {
    throw new UserError(`Unexpected N \`${nText}\`, expected a whole number of working days from 0 to ${MAX_WORKING_DAYS}`);
  }

  const { records, diagnostics } = readCalendarRecords(globals.root);
  if (diagnostics.length > 0) {
    for (const d of diagnostics) process.stderr.write(`${formatDiagnostic(d)}\n`);
    return EXIT.usage;
  }
  const result = calendarFromRecords(records).addWorkingDays(date, Number(nText));
  for (const w of result.warnings) process.stderr.write(`warning: ${w}\n`);
  process.stdout.write(`${result.date}\n`);
  return EXIT.ok;
}
