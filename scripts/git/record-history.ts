/**
 * The history of every record file as it reached the main line: ONE
 * `git log --raw` pass over records/ (every commit reachable from HEAD,
 * merges diffed against their first parent) gives each commit's changes; the
 * main line's steps (main-line.ts) pick which of them are the main branch's
 * own history. Each record is followed across renames, moves between year
 * folders and delete + re-add of the same id.
 */
import path from 'node:path';
import { git } from './git-exec.js';
import type { MainLine } from './main-line.js';

/** One changed file of a commit (`git log --raw`), paths relative to the KB root. */
export interface RawEntry {
  /** A, M, D, R (rename), C (copy), T (type change). */
  status: string;
  /** Blob before (null when added). */
  srcBlob: string | null;
  /** Blob after (null when deleted). */
  dstBlob: string | null;
  from: string;
  to: string;
}

/** One version of a record on the main line. */
export interface RecordVersion {
  /** Index of the step (MainLine.steps) that landed it. */
  step: number;
  /** Path relative to the KB root at this version. */
  path: string;
  /** Blob id, or null when the step deleted the file. */
  blob: string | null;
}

/** A record's lineage on the main line: all versions, oldest first. */
export interface RecordHistory {
  /** Current path relative to the KB root (the last version's path). */
  path: string;
  versions: RecordVersion[];
  /** False when the last version is a deletion (the record is gone at HEAD). */
  present: boolean;
}

const RS = '\x1e';
const NULL_BLOB = /^0+$/;

/** The record id of a path (ids equal file names). */
export function idOf(p: string): string {
  return path.posix.basename(p).replace(/\.ya?ml$/, '');
}

/** Parses `--raw -z` output (entries after a header or alone). */
function parseRaw(fields: string[], strip: (p: string) => string): RawEntry[] {
  const entries: RawEntry[] = [];
  for (let i = 0; i < fields.length; i++) {
    const meta = fields[i]!;
    if (!meta.startsWith(':')) continue;
    const parts = meta.slice(1).split(' ');
    const status = parts[4] ?? '';
    const src = parts[2] ?? '';
    const dst = parts[3] ?? '';
    const from = strip(fields[++i] ?? '');
    const to = status.startsWith('R') || status.startsWith('C') ? strip(fields[++i] ?? '') : from;
    entries.push({ status: status[0] ?? 'M', srcBlob: NULL_BLOB.test(src) ? null : src, dstBlob: NULL_BLOB.test(dst) ? null : dst, from, to });
  }
  return entries;
}

/**
 * Every commit's changes under records/ (merges against their first parent).
 * @param root KB root inside a Git work tree
 * @param prefix the KB root relative to the top level (repoInfo), with a trailing slash or ''
 * @returns commit id → changed files
 */
export async function readRecordDiffs(root: string, prefix: string): Promise<Map<string, RawEntry[]>> {
  const out = await git(root, [
    '-c', 'core.quotePath=false',
    'log', '--full-history', '--diff-merges=first-parent', '-z', '--raw', '--no-abbrev', '-M', '--no-color',
    `--format=${RS}%H`, 'HEAD', '--', 'records/',
  ]);
  const strip = (p: string) => (p.startsWith(prefix) ? p.slice(prefix.length) : p);
  const byCommit = new Map<string, RawEntry[]>();
  for (const chunk of out.split(RS)) {
    if (!chunk) continue;
    const headerEnd = chunk.indexOf('\0');
    const commit = (headerEnd < 0 ? chunk : chunk.slice(0, headerEnd)).trim();
    const fields = headerEnd < 0 ? [] : chunk.slice(headerEnd + 1).replace(/^\n/, '').split('\0');
    const entries = parseRaw(fields, strip);
    if (entries.length) byCommit.set(commit, entries);
  }
  return byCommit;
}

/**
 * The changes under records/ between two commits (the pending step).
 * @param root KB root
 * @param prefix KB prefix (repoInfo)
 */
export async function readRangeDiff(root: string, prefix: string, from: string, to: string): Promise<RawEntry[]> {
  const out = await git(root, ['-c', 'core.quotePath=false', 'diff', '-z', '--raw', '--no-abbrev', '-M', '--no-color', from, to, '--', 'records/']);
  return parseRaw(out.split('\0'), (p) => (p.startsWith(prefix) ? p.slice(prefix.length) : p));
}

/**
 * Follows every record file along the main line's steps.
 * @param line the main line
 * @param entriesOf the changes a step made (diff against its first parent)
 * @returns lineages of the record files present at HEAD and of deleted ones
 */
export function recordLineages(line: MainLine, entriesOf: (stepIndex: number) => RawEntry[]): RecordHistory[] {
  const active = new Map<string, RecordHistory>();
  const graveyard = new Map<string, RecordHistory>(); // id → deleted lineage
  const all: RecordHistory[] = [];
  const lineageFor = (p: string): RecordHistory => {
    const id = idOf(p);
    const dead = graveyard.get(id);
    if (dead) {
      graveyard.delete(id);
      dead.path = p;
      dead.present = true;
      return dead;
    }
    const h: RecordHistory = { path: p, versions: [], present: true };
    all.push(h);
    return h;
  };
  // renames first, then deletions (so an undetected rename re-links by id), then the rest
  const order = (s: string) => (s === 'R' ? 0 : s === 'D' ? 1 : 2);
  line.steps.forEach((_, step) => {
    const entries = [...entriesOf(step)].sort((a, b) => order(a.status) - order(b.status));
    for (const e of entries) {
      if (e.status === 'R') {
        const h = active.get(e.from) ?? lineageFor(e.from);
        active.delete(e.from);
        h.path = e.to;
        h.versions.push({ step, path: e.to, blob: e.dstBlob });
        active.set(e.to, h);
      } else if (e.status === 'D') {
        const h = active.get(e.from);
        if (!h) continue;
        active.delete(e.from);
        h.versions.push({ step, path: e.from, blob: null });
        h.present = false;
        graveyard.set(idOf(e.from), h);
      } else {
        const h = active.get(e.to) ?? lineageFor(e.to);
        h.path = e.to;
        h.versions.push({ step, path: e.to, blob: e.dstBlob });
        active.set(e.to, h);
      }
    }
  });
  return all;
}
