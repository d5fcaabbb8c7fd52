/**
 * Provenance of every record: who first committed it and when, and every
 * later change of an SLA-relevant field (commit, author, date, old and new
 * value). One `git log` pass plus one `git cat-file --batch` for the blobs.
 */
import { parse as parseYaml } from 'yaml';
import { kindOfRecordPath } from '../records/index.js';
import { parseInstant } from '../shared/time.js';
import { readBlobs } from './git-exec.js';
import { readRecordHistory, type RecordVersion } from './record-history.js';
import { provenanceProblem, repoInfo, type GitUnavailable } from './repo-info.js';
import { SLA_FIELDS, TIME_FIELDS, getField } from './sla-fields.js';

/** A commit as shown in provenance. */
export interface CommitRef {
  commit: string;
  author: string;
  email: string;
  /** Author date (ISO 8601 with offset). */
  date: string;
  subject: string;
}

/** One change of an audited field. */
export interface FieldChange extends CommitRef {
  field: string;
  /** `set`: first value; `append`: list entries added; `edit`: value replaced; `remove`: value deleted. */
  change: 'set' | 'append' | 'edit' | 'remove';
  old: unknown;
  new: unknown;
}

/** Provenance of one record present at HEAD. */
export interface RecordProvenance {
  id: string;
  kind: string;
  /** Path relative to the KB root at HEAD. */
  path: string;
  /** The commit that first added it. */
  first: CommitRef;
  /** The record as first committed (plain data; undefined when it did not parse). */
  firstData: Record<string, unknown> | undefined;
  /** Later changes of SLA-relevant fields, oldest first (the first commit's values are not listed). */
  changes: FieldChange[];
  /** Number of commits that touched the record. */
  commits: number;
}

export type ProvenanceResult =
  | { available: true; records: RecordProvenance[] }
  | ({ available: false; records: [] } & GitUnavailable);

function commitRef(v: RecordVersion): CommitRef {
  return { commit: v.commit, author: v.author, email: v.email, date: v.date, subject: v.subject };
}

function parseData(bytes: Buffer | undefined): Record<string, unknown> | undefined {
  if (!bytes) return undefined;
  try {
    const v = parseYaml(bytes.toString('utf8'), { maxAliasCount: 50 }) as unknown;
    return v && typeof v === 'object' && !Array.isArray(v) ? (v as Record<string, unknown>) : undefined;
  } catch {
    return undefined;
  }
}

function norm(field: string, v: unknown): unknown {
  if (field === 'severity' && typeof v === 'number') return String(v);
  if (v instanceof Date) return v.toISOString();
  return v;
}

/** Equal values: instants compare as instants (a re-formatted time is no change). */
function same(field: string, a: unknown, b: unknown): boolean {
  if (TIME_FIELDS.has(field) && typeof a === 'string' && typeof b === 'string') {
    try {
      return parseInstant(a) === parseInstant(b) && /T/.test(a) === /T/.test(b);
    } catch {
      return a === b;
    }
  }
  return JSON.stringify(a) === JSON.stringify(b);
}

function classify(field: string, old: unknown, neu: unknown): FieldChange['change'] {
  if (old === undefined) return 'set';
  if (neu === undefined) return 'remove';
  if (field === 'notified' && Array.isArray(old) && Array.isArray(neu) && neu.length > old.length) {
    // every earlier notification is still there (as a multiset): entries were added, none rewritten
    const left = neu.map((n) => JSON.stringify(n));
    const kept = old.every((o) => {
      const i = left.indexOf(JSON.stringify(o));
      if (i < 0) return false;
      left.splice(i, 1);
      return true;
    });
    if (kept) return 'append';
  }
  return 'edit';
}

/**
 * Computes the provenance of every record at HEAD.
 * @param root KB root (inside a Git work tree)
 * @returns the records' provenance, or `available: false` with a reason (KB outside Git, shallow clone, no commits)
 */
export async function recordProvenance(root: string): Promise<ProvenanceResult> {
  const info = await repoInfo(root);
  const problem = provenanceProblem(info);
  if (problem || 'reason' in info) return { available: false, records: [], ...(problem ?? (info as GitUnavailable)) };
  const histories = (await readRecordHistory(root, info.prefix)).filter((h) => h.present && h.versions.length > 0);
  const kindOf = (p: string) => (p.startsWith('records/') ? kindOfRecordPath(p.slice('records/'.length)) : undefined);
  const need: string[] = [];
  for (const h of histories) {
    const kind = kindOf(h.path);
    if (!kind) continue;
    if (SLA_FIELDS[kind]) {
      for (const v of h.versions) if (v.blob) need.push(v.blob);
    } else if (h.versions[0]?.blob) {
      need.push(h.versions[0].blob);
    }
  }
  const blobs = await readBlobs(root, need);
  const records: RecordProvenance[] = [];
  for (const h of histories) {
    const kind = kindOf(h.path);
    if (!kind || !h.path.endsWith('.yaml')) continue;
    const first = h.versions[0]!;
    const fields = SLA_FIELDS[kind] ?? [];
    const changes: FieldChange[] = [];
    let prev: Record<string, unknown> | undefined;
    let firstData: Record<string, unknown> | undefined;
    for (const v of h.versions) {
      // a deletion keeps the last values: a later re-add is compared with them
      if (!v.blob) continue;
      const data = parseData(blobs.get(v.blob));
      // an unparsable version: the next good one is compared with the last good one
      if (!data) continue;
      firstData ??= data;
      if (prev) {
        for (const f of fields) {
          const a = norm(f, getField(prev, f));
          const b = norm(f, getField(data, f));
          if (a === undefined && b === undefined) continue;
          if (same(f, a, b)) continue;
          changes.push({ ...commitRef(v), field: f, change: classify(f, a, b), old: a, new: b });
        }
      }
      prev = data;
    }
    const id = h.path.split('/').pop()!.replace(/\.yaml$/, ''); // ids equal file names
    records.push({ id, kind, path: h.path, first: commitRef(first), firstData, changes, commits: new Set(h.versions.map((v) => v.commit)).size });
  }
  records.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
  return { available: true, records };
}
