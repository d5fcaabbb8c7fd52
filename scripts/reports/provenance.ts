/**
 * Where a report comes from: the Git commit of the knowledge base and a
 * digest of the exact record bytes it was built from. Collected once per run
 * by the command; builders only read it (they stay pure).
 */
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import type { KnowledgeBase } from '../records/index.js';

export interface Provenance {
  /** Full commit hash of HEAD of the KB root's repository, or null when it is not a Git work tree. */
  commit: string | null;
  /** True when records/ has uncommitted changes (the commit alone does not pin the input). */
  dirty: boolean;
  /** Record files (relative to the KB root) with uncommitted changes, untracked ones included. */
  dirtyPaths?: ReadonlySet<string>;
  /** Bytes of every record file, by path relative to the root (read once: a provenance is a snapshot, and inputDigest keeps its last digest). */
  bytes: ReadonlyMap<string, Buffer>;
}

function git(root: string, args: string[], raw = false): string | null {
  try {
    const out = execFileSync('git', ['-C', root, ...args], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] });
    return raw ? out : out.trim();
  } catch {
    return null;
  }
}

/**
 * Reads the commit, the dirty flag and the record bytes of a loaded KB.
 * @param kb loaded knowledge base
 */
export function collectProvenance(kb: KnowledgeBase): Provenance {
  const bytes = new Map<string, Buffer>();
  for (const r of kb.records) bytes.set(r.path, fs.readFileSync(path.join(kb.root, r.path)));
  const inside = git(kb.root, ['rev-parse', '--is-inside-work-tree']) === 'true';
  const commit = inside ? git(kb.root, ['rev-parse', 'HEAD']) : null;
  const status = commit ? git(kb.root, ['status', '--porcelain', '-z', '--untracked-files=all', '--', 'records'], true) : '';
  const prefix = commit ? git(kb.root, ['rev-parse', '--show-prefix']) ?? '' : '';
  return { commit, dirty: !!status, dirtyPaths: parsePorcelain(status ?? '', prefix), bytes };
}

/**
 * Paths of `git status --porcelain -z` (relative to the repository root)
 * made relative to the KB root (`prefix` = `git rev-parse --show-prefix`).
 */
export function parsePorcelain(z: string, prefix: string): Set<string> {
  const out = new Set<string>();
  const fields = z.split('\0');
  for (let i = 0; i < fields.length; i++) {
    const f = fields[i]!;
    if (f.length < 4) continue;
    const xy = f.slice(0, 2);
    const file = f.slice(3);
    if (xy.includes('R') || xy.includes('C')) i++; // the next field is the rename's source
    out.add(file.startsWith(prefix) ? file.slice(prefix.length) : file);
  }
  return out;
}

/** A provenance with fixed values (tests, or a KB given as data). */
export function fixedProvenance(commit: string | null, bytes: ReadonlyMap<string, Buffer>, dirtyPaths: ReadonlySet<string> = new Set()): Provenance {
  return { commit, dirty: dirtyPaths.size > 0, dirtyPaths, bytes };
}

/**
 * sha256 (hex) over the input records sorted by path: for each file its path,
 * a NUL byte, its bytes and another NUL.
 */
export function inputDigest(prov: Provenance, paths: Iterable<string>): string {
  const sorted = [...new Set(paths)].sort();
  // the last digest of each provenance is kept: an annual report's (tens of thousands of files) is asked
  // twice in a row, by the header it prints and by the delivery register
  const key = sorted.join('\u0000');
  const last = lastDigest.get(prov);
  if (last?.key === key) return last.digest;
  const digest = hashInputs(prov, sorted);
  lastDigest.set(prov, { key, digest });
  return digest;
}

const lastDigest = new WeakMap<Provenance, { key: string; digest: string }>();

function hashInputs(prov: Provenance, sorted: readonly string[]): string {
  const h = createHash('sha256');
  for (const p of sorted) {
    const b = prov.bytes.get(p);
    if (!b) continue;
    h.update(p, 'utf8');
    h.update('\0');
    h.update(b);
    h.update('\0');
  }
  return h.digest('hex');
}
