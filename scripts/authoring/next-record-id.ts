/**
 * Ids and paths of new records, following the knowledge base's naming:
 * tickets `T-YYYYMMDD-NN` (CST date of reported_at) in tickets/<YYYY>/,
 * inspections `INS-YYYY-NN` / `DBI-YYYY-NN` in inspections/<YYYY>/, changes
 * `CHG-YYYY-NNN`, trainings `TRN-YYYY-NN`, recommendations `REC-YYYY-NN`,
 * database operations `DBO-YYYY-NN`, releases `REL-<system>-<version>`.
 * The next number is one more than the highest in use anywhere in the KB.
 */
import path from 'node:path';
import fs from 'node:fs';
import { UserError } from '../shared/errors.js';
import { cstDateOf, formatDate, parseInstant } from '../shared/time.js';
import { KINDS, listRecordFiles, type RecordKind } from '../records/index.js';

/** Kinds `opsbook new` can create. */
export const NEW_KINDS = ['ticket', 'inspection', 'change', 'release', 'training', 'recommendation', 'db_operation'] as const;
export type NewKind = (typeof NEW_KINDS)[number];

/** The field whose date names the record (and its year folder). */
export const DATE_FIELD: Record<NewKind, string | undefined> = {
  ticket: 'reported_at',
  inspection: 'started_at',
  change: 'requested_at',
  release: undefined,
  training: 'date',
  recommendation: 'date',
  db_operation: 'started_at',
};

function cstDay(v: unknown, field: string): string {
  if (typeof v !== 'string') throw new UserError(`Unexpected missing ${field}, expected a date or time to name the record`);
  try {
    return formatDate(cstDateOf(parseInstant(v)));
  } catch {
    throw new UserError(`Unexpected ${field} \`${v}\`, expected a time with offset like 2026-03-14T10:13:00+08:00 (or a date 2026-03-14)`);
  }
}

/** The id prefix (everything before the running number) and the number's width. */
function scheme(kind: NewKind, data: Record<string, unknown>): { prefix: string; width: number } | { id: string } {
  const field = DATE_FIELD[kind];
  const day = field ? cstDay(data[field], field) : '';
  const year = day.slice(0, 4);
  switch (kind) {
    case 'ticket': return { prefix: `T-${day.replaceAll('-', '')}-`, width: 2 };
    case 'inspection': return { prefix: `${data.type === 'database' ? 'DBI' : 'INS'}-${year}-`, width: 2 };
    case 'change': return { prefix: `CHG-${year}-`, width: 3 };
    case 'training': return { prefix: `TRN-${year}-`, width: 2 };
    case 'recommendation': return { prefix: `REC-${year}-`, width: 2 };
    case 'db_operation': return { prefix: `DBO-${year}-`, width: 2 };
    case 'release': {
      if (typeof data.system !== 'string' || typeof data.version !== 'string') throw new UserError('Unexpected release without system and version, expected --set system=aims --set version=5.2.2');
      return { id: `REL-${data.system}-${data.version}` };
    }
  }
}

/** Where a record of `kind` with `id` lives (KB-relative path). */
export function recordPath(kind: NewKind, id: string, data: Record<string, unknown>): string {
  const folder = KINDS[kind as RecordKind].folder;
  const field = DATE_FIELD[kind];
  if (kind === 'ticket' || kind === 'inspection') return `records/${folder}/${cstDay(data[field!], field!).slice(0, 4)}/${id}.yaml`;
  return `records/${folder}/${id}.yaml`;
}

/**
 * The next free id for a new record and its path.
 * @param root KB root
 * @param data the record's fields (the naming date, inspection type, release system/version)
 */
export function nextRecordId(root: string, kind: NewKind, data: Record<string, unknown>): { id: string; path: string } {
  const s = scheme(kind, data);
  const files = fs.existsSync(path.join(root, 'records')) ? listRecordFiles(root) : [];
  const ids = new Set(files.map((p) => path.posix.basename(p).replace(/\.ya?ml$/, '')));
  if ('id' in s) return { id: s.id, path: recordPath(kind, s.id, data) };
  let max = 0;
  for (const id of ids) {
    if (!id.startsWith(s.prefix)) continue;
    const n = Number(id.slice(s.prefix.length));
    if (Number.isInteger(n) && n > max) max = n;
  }
  let n = max + 1;
  let id = `${s.prefix}${String(n).padStart(s.width, '0')}`;
  while (ids.has(id)) id = `${s.prefix}${String(++n).padStart(s.width, '0')}`;
  return { id, path: recordPath(kind, id, data) };
}
