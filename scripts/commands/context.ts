/**
 * What every command receives from the CLI shell: the global options,
 * already parsed and checked.
 */
import path from 'node:path';
import { UserError } from '../shared/errors.js';
import { checkDateTime, checkDate, parseInstant } from '../shared/time.js';

export interface GlobalOptions {
  /** Absolute path of the knowledge base root (holds records/ and docs/). */
  root: string;
  /** "Now" for every status that depends on today (epoch ms). */
  asOf: number;
  /** `--as-of` as given, or the current time formatted. */
  asOfText: string;
  /** Print stack traces. */
  debug: boolean;
  /** stderr is a terminal: progress may be shown. */
  interactive: boolean;
}

/** Builds GlobalOptions from raw commander values. Throws UserError on bad input. */
export function resolveGlobals(raw: { root?: string; asOf?: string; debug?: boolean }, now = Date.now()): GlobalOptions {
  const root = path.resolve(raw.root ?? process.cwd());
  let asOf = now;
  let asOfText = new Date(now).toISOString();
  if (raw.asOf !== undefined) {
    const t = raw.asOf;
    if (checkDate(t) !== null && checkDateTime(t) !== null) {
      throw new UserError(`Unexpected --as-of \`${t}\`, expected a date (2026-11-30) or a time with offset (2026-11-30T18:00:00+08:00)`);
    }
    // A bare date means the end of that day in China Standard Time.
    asOf = parseInstant(t, { end: true }) - (/^\d{4}-\d{2}-\d{2}$/.test(t) ? 1 : 0);
    asOfText = t;
  }
  return { root, asOf, asOfText, debug: !!raw.debug, interactive: !!process.stderr.isTTY };
}
