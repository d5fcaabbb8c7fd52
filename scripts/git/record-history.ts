/**
 * The history of every record file, from ONE `git log` pass over records/:
 * for each record (followed across renames and moves between year folders)
 * the list of versions with commit, author, date and blob id.
 */
import path from 'node:path';
import { git } from './git-exec.js';

/** One version of a record file as committed. */
export interface RecordVersion {
  commit: string;
  author: string;
  email: string;
  /** Author date as git prints it (ISO 8601 with the committer's offset). */
  date: string;
  subject: string;
  /** Path relative to the KB root at this version. */
  path: string;
  /** Blob id, or null when the commit deleted the file. */
  blob: string | null;
}

/** A record's lineage: all versions, oldest first. */
export interface RecordHistory {
  /** Current path relative to the KB root (the last version's path). */
  path: string;
  versions: RecordVersion[];
  /** False when the last version is a deletion (the record is gone at HEAD). */
  present: boolean;
}

const RS = '\x1e';
const US = '\x1f';

function idOf(p: string): string {
  return path.posix.basename(p).replace(/\.ya?ml$/, '');
}

/**
 * Reads the history of records/ below `root` (HEAD, oldest commit first,
 * topological order; merges contribute no diff of their own).
 * @param root KB root inside a Git work tree
 * @param prefix the KB root relative to the repository top level (from repoInfo)
 * @returns lineages of the record files present at HEAD and of deleted ones
 */
export async function readRecordHistory(root: string, prefix: string): Promise<RecordHistory[]> {
  const out = await git(root, [
    '-c', 'core.quotePath=false',
    'log', '--reverse', '--topo-order', '-z', '--raw', '--no-abbrev', '-M', '--no-color',
    `--format=${RS}%H${US}%an${US}%ae${US}%aI${US}%s`,
    'HEAD', '--', 'records/',
  ]);
  const strip = (p: string) => (p.startsWith(prefix) ? p.slice(prefix.length) : p);
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

  for (const chunk of out.split(RS)) {
    if (!chunk) continue;
    const headerEnd = chunk.indexOf('\0');
    const header = headerEnd < 0 ? chunk : chunk.slice(0, headerEnd);
    const [commit = '', author = '', email = '', date = '', subject = ''] = header.replace(/\n$/, '').split(US);
    const fields = headerEnd < 0 ? [] : chunk.slice(headerEnd + 1).replace(/^\n/, '').split('\0');
    type Entry = { status: string; blob: string; from: string; to: string };
    const entries: Entry[] = [];
    for (let i = 0; i < fields.length; i++) {
      const meta = fields[i]!;
      if (!meta.startsWith(':')) continue;
      const parts = meta.slice(1).split(' ');
      const status = parts[4] ?? '';
      const blob = parts[3] ?? '';
      const from = strip(fields[++i] ?? '');
      const to = status.startsWith('R') || status.startsWith('C') ? strip(fields[++i] ?? '') : from;
      entries.push({ status: status[0] ?? 'M', blob, from, to });
    }
    const version = (p: string, blob: string | null): RecordVersion => ({ commit, author, email, date, subject, path: p, blob });
    // renames first, then deletions (so an undetected rename re-links by id), then the rest
    const order = (s: string) => (s === 'R' ? 0 : s === 'D' ? 1 : 2);
    entries.sort((a, b) => order(a.status) - order(b.status));
    for (const e of entries) {
      if (e.status === 'R') {
        const h = active.get(e.from) ?? lineageFor(e.from);
        active.delete(e.from);
        h.path = e.to;
        h.versions.push(version(e.to, e.blob));
        active.set(e.to, h);
      } else if (e.status === 'D') {
        const h = active.get(e.from);
        if (!h) continue;
        active.delete(e.from);
        h.versions.push(version(e.from, null));
        h.present = false;
        graveyard.set(idOf(e.from), h);
      } else {
        const h = active.get(e.to) ?? lineageFor(e.to);
        h.path = e.to;
        h.versions.push(version(e.to, e.blob));
        active.set(e.to, h);
      }
    }
  }
  return all;
}
