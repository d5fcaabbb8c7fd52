/**
 * Reads `records/calendar/*.yaml` of a knowledge base for commands that need
 * the calendar before the shared record loader exists (e.g. `workdays add`).
 * Parses with `yaml`, checks the shape with `checkCalendarData`, and reports
 * problems as located diagnostics (`path:line:col  message`).
 */
import fs from 'node:fs';
import path from 'node:path';
import { LineCounter, isMap, isScalar, isSeq, parseDocument, type Document, type Node } from 'yaml';
import { UserError, type Diagnostic } from '../shared/errors.js';
import { checkCalendarData } from './check-calendar-data.js';
import type { CalendarYearData } from './types.js';

/** Folder of calendar records, relative to the KB root. */
export const CALENDAR_DIR = 'records/calendar';

/** What `readCalendarRecords` found. */
export interface CalendarRecordsRead {
  /** Valid records, in file-name order. */
  records: CalendarYearData[];
  /** Problems of the invalid files (those files are left out of `records`). */
  diagnostics: Diagnostic[];
}

const diag = (file: string, line: number, column: number, message: string): Diagnostic =>
  ({ path: file, line, column, message, rule: 'calendar', severity: 'error' });

/** Offset of the node at `segments` (its key for a missing or unknown property), or the deepest ancestor's. */
function offsetOf(doc: Document, segments: (string | number)[], atKey = false): number {
  let node = doc.contents as Node | null;
  let best = node?.range?.[0] ?? 0;
  for (const [i, seg] of segments.entries()) {
    if (isSeq(node)) {
      const child = node.items[Number(seg)] as Node | undefined;
      if (!child) break;
      node = child;
    } else if (isMap(node)) {
      const pair = node.items.find((p) => isScalar(p.key) && String(p.key.value) === String(seg));
      if (!pair) break;
      if (atKey && i === segments.length - 1) return (pair.key as Node).range?.[0] ?? best;
      const value = pair.value as Node | null;
      if (!value) return (pair.key as Node).range?.[0] ?? best;
      node = value;
    } else break;
    best = node.range?.[0] ?? best;
  }
  return best;
}

/**
 * Parses and checks one calendar file's text.
 * @param file path shown in diagnostics (relative to the KB root, forward slashes)
 * @param text the file's content
 * @returns the record, or the diagnostics that keep it out
 */
export function parseCalendarRecord(file: string, text: string): { record?: CalendarYearData; diagnostics: Diagnostic[] } {
  const lc = new LineCounter();
  const doc = parseDocument(text, { lineCounter: lc, prettyErrors: false, uniqueKeys: true, version: '1.2' });
  const at = (offset: number) => lc.linePos(offset);
  if (doc.errors.length > 0) {
    return {
      diagnostics: doc.errors.map((e) => {
        const p = at(e.pos[0]);
        return diag(file, p.line, p.col, `Unexpected YAML syntax: ${e.message.split('\n')[0]!.replace(/ at line \d+, column \d+:?$/, '')}`);
      }),
    };
  }
  let data: unknown;
  try {
    data = doc.toJS({ maxAliasCount: 50 });
  } catch (err) {
    return { diagnostics: [diag(file, 1, 1, `Unexpected YAML content: ${(err as Error).message}`)] };
  }
  const fileId = path.posix.basename(file).replace(/\.yaml$/, '');
  const problems = checkCalendarData(data, fileId);
  if (problems.length === 0) return { record: data as CalendarYearData, diagnostics: [] };
  return {
    diagnostics: problems.map((pr) => {
      const p = at(offsetOf(doc, pr.path, pr.atKey));
      return diag(file, p.line, p.col, pr.message);
    }),
  };
}

/**
 * Reads every `records/calendar/*.yaml` under a KB root (README.md and other
 * files are skipped; a missing folder means no records).
 * @param root the knowledge base root
 * @returns the valid records and the diagnostics of the invalid files
 * @throws UserError when the folder or a file cannot be read
 */
export function readCalendarRecords(root: string): CalendarRecordsRead {
  const dir = path.join(root, CALENDAR_DIR);
  let names: string[];
  try {
    names = fs.readdirSync(dir).filter((n) => /\.ya?ml$/i.test(n)).sort();
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return { records: [], diagnostics: [] };
    throw new UserError(`Cannot read ${dir}: ${(err as Error).message}`);
  }
  const records: CalendarYearData[] = [];
  const diagnostics: Diagnostic[] = [];
  for (const name of names) {
    const file = `${CALENDAR_DIR}/${name}`;
    if (!name.endsWith('.yaml')) {
      diagnostics.push(diag(file, 1, 1, `Unexpected file extension in \`${name}\`, expected \`.yaml\` (rename it)`));
      continue;
    }
    let text: string;
    try {
      text = fs.readFileSync(path.join(dir, name), 'utf8');
    } catch (err) {
      throw new UserError(`Cannot read ${path.join(dir, name)}: ${(err as Error).message}`);
    }
    const result = parseCalendarRecord(file, text);
    diagnostics.push(...result.diagnostics);
    if (result.record) records.push(result.record);
  }
  return { records, diagnostics };
}
