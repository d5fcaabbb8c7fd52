/**
 * Provenance of every record as it reached the main branch: when it first
 * landed on main and through which commit, and every later change of an
 * SLA-relevant field (old and new value, when it landed, which commit made
 * it — a merged commit, or the merge commit itself). Identities and dates
 * are reported as Git holds them: author and committer separately, never
 * one presented as the other.
 *
 * Reads: the main line (main-line.ts), one `git log --raw` over records/,
 * one `git diff --raw` for a pending step, one `git cat-file --batch` for
 * every blob needed.
 */
import { parse as parseYaml } from 'yaml';
import { fastParse } from '../records/fast-parse.js';
import { kindOfRecordPath } from '../records/index.js';
import { formatCst, parseInstant } from '../shared/time.js';
import { forEachBlob, gitOrNull } from './git-exec.js';
import { readMainLine, type CommitInfo, type MainLine, type Step } from './main-line.js';
import { idOf, readRangeDiff, readRecordDiffs, recordLineages, type RawEntry } from './record-history.js';
import { provenanceProblem, repoInfo, type GitUnavailable } from './repo-info.js';
import { LIST_FIELDS, SLA_FIELDS, TIME_FIELDS, getField } from './sla-fields.js';

/** The commit that made a change, as Git records it (claims, not facts, unless a signature says otherwise). */
export interface CommitRef {
  commit: string;
  author: string;
  authorEmail: string;
  /** Author date (ISO 8601 as written by the committer's tool; can be set to anything). */
  authorDate: string;
  committer: string;
  committerEmail: string;
  committerDate: string;
  subject: string;
}

/** A change (or a record's first version) as it reached the main branch. */
export interface Landing extends CommitRef {
  /** The commit on main's first-parent history that brought it (HEAD when pending). */
  landedIn: string;
  /** When it reached main (ISO 8601, CST): the landing commit's committer date, never earlier than main's commit before it; as-of when pending. */
  landedAt: string;
  landedAtMs: number;
  /** Not on main yet (a branch, a merge preview): judged as if it landed at as-of. */
  pending: boolean;
  /** `commit` is a merge commit that made this change itself (it comes from none of the commits it merged). */
  inMerge: boolean;
  /** Index of the main-line step. */
  step: number;
}

/** One change of an audited field. */
export interface FieldChange extends Landing {
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
  /** How it first reached main. */
  first: Landing;
  /**
   * The audited fields of the record as it first reached main (plain data, only the top-level keys of
   * AUDITED_KEYS; undefined when it did not parse, and for kinds without audited fields).
   */
  firstData: Record<string, unknown> | undefined;
  /** Later changes of SLA-relevant fields, oldest first (the first version's values are not listed). */
  changes: FieldChange[];
  /** Number of main-line steps that touched the record. */
  steps: number;
}

/** The main line as the audit used it. */
export interface MainLineSummary {
  mainBranch: string;
  mainRef: string | null;
  head: string;
  base: string;
  pending: boolean;
  notes: string[];
  /** Main-line commits whose committer date goes back before the commit under them (touching records/). */
  regressions: { commit: string; committer: string; committerEmail: string; committerDate: string; clampedTo: string; regressionMs: number }[];
}

export type ProvenanceResult =
  | { available: true; records: RecordProvenance[]; line: MainLineSummary; mainLine: MainLine }
  | ({ available: false; records: [] } & GitUnavailable);

/** Top-level keys of every audited field (SLA_FIELDS of every kind): all the audit reads of a record version. */
export const AUDITED_KEYS: ReadonlySet<string> = new Set(Object.values(SLA_FIELDS).flatMap((fs) => fs.map((f) => f.split('.')[0]!)));

/**
 * The audited fields of one record version (a Git blob), as `yaml.parse` reads it: the loader's fast
 * path (js-yaml with the `yaml` library's core scalars, scripts/records/fast-parse.ts) where it is sure,
 * `yaml.parse` for anything it declines (tags, anchors, a BOM, odd layouts, invalid YAML). Only the keys
 * of AUDITED_KEYS are kept: a version is held as a handful of values, not as the whole record.
 */
export function parseData(bytes: Buffer | undefined): Record<string, unknown> | undefined {
  if (!bytes) return undefined;
  const text = bytes.toString('utf8');
  let v: unknown = fastParse(text);
  if (v === undefined) {
    try {
      v = parseYaml(text, { maxAliasCount: 50, logLevel: 'error' }) as unknown;
    } catch {
      return undefined;
    }
  }
  if (!v || typeof v !== 'object' || Array.isArray(v)) return undefined;
  const out: Record<string, unknown> = {};
  for (const k of Object.keys(v)) if (AUDITED_KEYS.has(k)) out[k] = detach((v as Record<string, unknown>)[k]);
  return out;
}

/**
 * A copy of a parsed value whose strings hold their own characters. Parsers return strings that are
 * slices of the whole text (V8 keeps the text alive as long as a slice lives): a kept time stamp would
 * keep its whole record version in memory, 142k of them in a vendor's import. Numbers, booleans, null,
 * NaN and Infinity are kept as they are; keys as they are (`__proto__` included, as an own key).
 */
function detach(v: unknown): unknown {
  // concatenating, then slicing, makes a flat string of its own (the slice of a concatenation never points into the source text)
  if (typeof v === 'string') return `${v} `.slice(0, -1);
  if (Array.isArray(v)) return v.map(detach);
  if (v === null || typeof v !== 'object') return v;
  const o: Record<string, unknown> = {};
  for (const k of Object.keys(v)) {
    const x = detach((v as Record<string, unknown>)[k]);
    if (k === '__proto__') Object.defineProperty(o, k, { value: x, enumerable: true, writable: true, configurable: true });
    else o[k] = x;
  }
  return o;
}

function norm(field: string, v: unknown): unknown {
  if (field === 'severity' && typeof v === 'number') return String(v);
  if (v instanceof Date) return v.toISOString();
  return v;
}

/** Equal values: instants compare as instants (a re-formatted time is no change). */
export function sameValue(field: string, a: unknown, b: unknown): boolean {
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
  if (LIST_FIELDS.has(field) && Array.isArray(old) && Array.isArray(neu) && neu.length > old.length) {
    // every earlier entry is still there (as a multiset): entries were added, none rewritten
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

function commitRef(c: CommitInfo): CommitRef {
  return { commit: c.commit, author: c.author, authorEmail: c.authorEmail, authorDate: c.authorDate, committer: c.committer, committerEmail: c.committerEmail, committerDate: c.committerDate, subject: c.subject };
}

/** A contributor's change to one record file: the blobs before and after (and, for a merge, at its other parents). */
interface ContributorVersion {
  commit: CommitInfo;
  src: string | null;
  dst: string | null;
  /** Blob keys (`<parent>:<path>`) of the file at a merge's other parents. */
  otherParents: string[];
  added: boolean;
}

/**
 * Computes the provenance of every record at HEAD, judged along the main line.
 * @param root KB root (inside a Git work tree)
 * @param opts main branch name (default `main`) and as-of (when a pending step lands)
 * @returns the records' provenance, or `available: false` with a reason (KB outside Git, shallow clone, no commits)
 */
export async function recordProvenance(root: string, opts: { mainBranch?: string; asOf?: number } = {}): Promise<ProvenanceResult> {
  const info = await repoInfo(root);
  const problem = provenanceProblem(info);
  if (problem || 'reason' in info) return { available: false, records: [], ...(problem ?? (info as GitUnavailable)) };
  const asOf = opts.asOf ?? Date.now();
  const line = await readMainLine(root, { mainBranch: opts.mainBranch ?? 'main', asOf, head: info.head ?? undefined });
  const diffs = await readRecordDiffs(root, info.prefix);
  const last = line.steps[line.steps.length - 1];
  const pendingEntries = last?.pending ? await readRangeDiff(root, info.prefix, line.base, line.head) : [];
  const entriesOf = (i: number): RawEntry[] => {
    const s = line.steps[i]!;
    return s.pending ? pendingEntries : diffs.get(s.commit) ?? [];
  };
  // the kind of a file in a subfolder depends on its folder only: asked once per folder
  const kindByFolder = new Map<string, ReturnType<typeof kindOfRecordPath>>();
  const kindOf = (p: string) => {
    if (!p.startsWith('records/') || !p.endsWith('.yaml')) return undefined;
    const rel = p.slice('records/'.length);
    const slash = rel.indexOf('/');
    if (slash < 0) return kindOfRecordPath(rel);
    const folder = rel.slice(0, slash);
    if (!kindByFolder.has(folder)) kindByFolder.set(folder, kindOfRecordPath(rel));
    return kindByFolder.get(folder);
  };
  const histories = recordLineages(line, entriesOf).filter((h) => h.present && h.versions.length > 0 && kindOf(h.path));

  // Contributor changes of merged steps, by record id (to tell which commit made a change).
  const mergedIds = new Map<number, Set<string>>();
  for (const h of histories) for (const v of h.versions) if (line.steps[v.step]!.merged) (mergedIds.get(v.step) ?? mergedIds.set(v.step, new Set()).get(v.step)!).add(idOf(h.path));
  const contributorVersions = new Map<string, ContributorVersion[]>(); // `${step}\0${id}` → versions
  const need: string[] = [];
  for (const [step, ids] of mergedIds) {
    for (const c of line.steps[step]!.contributors) {
      const ci = line.commits.get(c);
      if (!ci) continue;
      for (const e of diffs.get(c) ?? []) {
        const id = idOf(e.to);
        if (!ids.has(id)) continue;
        const otherParents = ci.parents.length > 1 ? ci.parents.slice(1).map((p) => `${p}:${info.prefix}${e.to}`) : [];
        const key = `${step}\0${id}`;
        (contributorVersions.get(key) ?? contributorVersions.set(key, []).get(key)!).push({ commit: ci, src: e.srcBlob, dst: e.dstBlob, otherParents, added: e.srcBlob === null || e.status === 'R' });
        if (SLA_FIELDS[kindOf(e.to) ?? '']) {
          if (e.srcBlob) need.push(e.srcBlob);
          if (e.dstBlob) need.push(e.dstBlob);
          need.push(...otherParents);
        }
      }
    }
  }
  for (const h of histories) {
    const kind = kindOf(h.path)!;
    // other kinds (people, data dictionaries…) are listed, not read: nothing in them is audited
    if (SLA_FIELDS[kind]) for (const v of h.versions) if (v.blob) need.push(v.blob);
  }
  // each blob is parsed as it arrives and only its audited fields are kept (a missing object reads as undefined)
  const dataCache = new Map<string, Record<string, unknown> | undefined>();
  await forEachBlob(root, need, (key, bytes) => dataCache.set(key, parseData(bytes)));
  const dataOf = (blob: string | null | undefined): Record<string, unknown> | undefined => (blob ? dataCache.get(blob) : undefined);

  // one Landing per (step, commit, inMerge), shared by every record it brought: a bulk import of N records is
  // one object, not N (Landings are never mutated; changes copy them)
  const landings = new Map<string, Landing>();
  const landing = (stepIndex: number, c: CommitInfo, inMerge: boolean): Landing => {
    const key = `${stepIndex}\0${c.commit}\0${inMerge ? 1 : 0}`;
    let l = landings.get(key);
    if (!l) {
      const s: Step = line.steps[stepIndex]!;
      l = { ...commitRef(c), landedIn: s.commit, landedAt: formatCst(s.landedAt), landedAtMs: s.landedAt, pending: s.pending, inMerge, step: stepIndex };
      landings.set(key, l);
    }
    return l;
  };
  const stepCommit = (stepIndex: number): CommitInfo => line.commits.get(line.steps[stepIndex]!.commit)!;
  const isMerge = (c: CommitInfo) => c.parents.length > 1;

  /** Who made field `f` take value `v` in a merged step: the last contributor that changed it to `v`, else the last that changed it. */
  const introducer = (stepIndex: number, id: string, f: string, v: unknown): Landing => {
    const versions = contributorVersions.get(`${stepIndex}\0${id}`) ?? [];
    let toValue: ContributorVersion | undefined;
    let any: ContributorVersion | undefined;
    for (const cv of versions) {
      const after = norm(f, getField(dataOf(cv.dst), f));
      const before = norm(f, getField(dataOf(cv.src), f));
      let changed = !sameValue(f, before, after) && !(before === undefined && after === undefined);
      // a merge makes a change only when its result differs from every parent's
      if (changed && isMerge(cv.commit)) changed = cv.otherParents.every((k) => !sameValue(f, norm(f, getField(dataOf(k), f)), after));
      if (!changed) continue;
      any = cv;
      if (sameValue(f, after, v)) toValue = cv;
    }
    const who = toValue ?? any;
    if (who) return landing(stepIndex, who.commit, isMerge(who.commit));
    const sc = stepCommit(stepIndex);
    return landing(stepIndex, sc, isMerge(sc));
  };
  /** Who added a record in a merged step: the oldest contributor that added it, else the last that touched it. */
  const adder = (stepIndex: number, id: string): Landing => {
    const versions = contributorVersions.get(`${stepIndex}\0${id}`) ?? [];
    const who = versions.find((cv) => cv.added && cv.dst && !isMerge(cv.commit)) ?? versions.find((cv) => cv.added && cv.dst) ?? versions[versions.length - 1];
    const c = who?.commit ?? stepCommit(stepIndex);
    return landing(stepIndex, c, isMerge(c) && !!who);
  };

  const records: RecordProvenance[] = [];
  for (const h of histories) {
    const kind = kindOf(h.path)!;
    const id = idOf(h.path);
    const fields = SLA_FIELDS[kind] ?? [];
    const changes: FieldChange[] = [];
    let prev: Record<string, unknown> | undefined;
    let firstData: Record<string, unknown> | undefined;
    let first: Landing | undefined;
    for (const v of h.versions) {
      // a deletion keeps the last values: a later re-add is compared with them
      if (!v.blob) continue;
      const data = dataOf(v.blob);
      const merged = line.steps[v.step]!.merged;
      if (!first) {
        first = merged ? adder(v.step, id) : landing(v.step, stepCommit(v.step), false);
        firstData = data;
      }
      // an unparsable version: the next good one is compared with the last good one
      if (!data) continue;
      firstData ??= data;
      if (prev) {
        for (const f of fields) {
          const a = norm(f, getField(prev, f));
          const b = norm(f, getField(data, f));
          if (a === undefined && b === undefined) continue;
          if (sameValue(f, a, b)) continue;
          const l = merged ? introducer(v.step, id, f, b) : landing(v.step, stepCommit(v.step), false);
          changes.push({ ...l, field: f, change: classify(f, a, b), old: a, new: b });
        }
      }
      prev = data;
    }
    if (!first) continue;
    records.push({ id, kind, path: h.path, first, firstData, changes, steps: new Set(h.versions.map((v) => v.step)).size });
  }
  records.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));

  const touching = new Set<number>();
  for (const h of histories) for (const v of h.versions) touching.add(v.step);
  const regressions = line.steps.flatMap((s, i) => {
    if (s.regressionMs <= 0 || !touching.has(i)) return [];
    const c = line.commits.get(s.commit)!;
    return [{ commit: c.commit, committer: c.committer, committerEmail: c.committerEmail, committerDate: c.committerDate, clampedTo: formatCst(s.landedAt), regressionMs: s.regressionMs }];
  });
  return {
    available: true,
    records,
    line: { mainBranch: line.mainBranch, mainRef: line.mainRef, head: line.head, base: line.base, pending: !!last?.pending, notes: line.notes, regressions },
    mainLine: line,
  };
}

/** Resolves a commit name (e.g. the audit baseline) to a full id, or null. */
export async function resolveCommit(root: string, name: string): Promise<string | null> {
  return ((await gitOrNull(root, ['rev-parse', '--verify', '--quiet', `${name}^{commit}`])) ?? '').trim() || null;
}
