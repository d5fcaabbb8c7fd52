/**
 * `opsbook workdays add <YYYY-MM-DD> <N>`: prints the N-th PRC working day
 * strictly after the date (one line on stdout); missing-calendar warnings go
 * to stderr. The calendar is the built-in data plus `records/calendar/*.yaml`
 * under `--root`, read and validated by the shared record loader (a root
 * without `records/` means the built-in data alone).
 */
import fs from 'node:fs';
import path from 'node:path';
import { calendarFromRecords, type CalendarYearData } from '../calendar/index.js';
import { loadKnowledgeBase } from '../records/index.js';
import { EXIT, UserError, formatDiagnostic, type Diagnostic } from '../shared/errors.js';
import { checkDate } from '../shared/time.js';
import type { GlobalOptions } from './context.js';

/** Largest N accepted (about 40 years of working days). */
export const MAX_WORKING_DAYS = 10_000;

/** Folder of calendar records, relative to the KB root. */
const CALENDAR_PREFIX = 'records/calendar/';

/**
 * The calendar records of a KB through the shared loader (contract and
 * calendars only), with the diagnostics of `records/calendar/*` files;
 * none of either when the root has no `records/` folder.
 */
async function readCalendars(root: string): Promise<{ records: CalendarYearData[]; diagnostics: Diagnostic[] }> {
  if (!fs.existsSync(path.join(root, 'records'))) return { records: [], diagnostics: [] };
  const kb = await loadKnowledgeBase(root, { only: new Set() });
  return { records: kb.calendars, diagnostics: kb.diagnostics.filter((d) => d.path.startsWith(CALENDAR_PREFIX)) };
}

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

  const { records, diagnostics } = await readCalendars(globals.root);
  for (const d of diagnostics) process.stderr.write(`${formatDiagnostic(d)}\n`);
  if (diagnostics.some((d) => d.severity === 'error')) return EXIT.usage;
  const result = calendarFromRecords(records).addWorkingDays(date, Number(nText));
  for (const w of result.warnings) process.stderr.write(`warning: ${w}\n`);
  process.stdout.write(`${result.date}\n`);
  return EXIT.ok;
}
