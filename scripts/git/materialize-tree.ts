/**
 * Writes the records/ and docs/ of a commit into a temporary directory, so
 * that the knowledge base "as it was at the base of a PR" can be loaded and
 * evaluated like any other. One `git ls-tree` plus one `git cat-file --batch`.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { git, readBlobs } from './git-exec.js';

export interface MaterializedTree {
  /** The temporary KB root. */
  dir: string;
  /** Number of files written. */
  files: number;
  /** Removes the directory. */
  cleanup(): void;
}

/**
 * Materialises `folders` of the KB at `commit` (paths relative to the KB root).
 * @param root KB root inside the work tree
 * @param commit commit id
 */
export async function materializeTree(root: string, commit: string, folders: readonly string[] = ['records', 'docs']): Promise<MaterializedTree> {
  const listing = await git(root, ['-c', 'core.quotePath=false', 'ls-tree', '-r', '-z', commit, '--', ...folders.map((f) => `${f}/`)]);
  const entries: { blob: string; path: string }[] = [];
  for (const line of listing.split('\0')) {
    if (!line) continue;
    const tab = line.indexOf('\t');
    const [, type, blob] = line.slice(0, tab).split(' ');
    if (type === 'blob' && blob) entries.push({ blob, path: line.slice(tab + 1) });
  }
  const blobs = await readBlobs(root, entries.map((e) => e.blob));
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'opsbook-base-'));
  try {
    for (const e of entries) {
      const full = path.join(dir, e.path);
      if (!full.startsWith(dir + path.sep)) continue; // never outside
      fs.mkdirSync(path.dirname(full), { recursive: true });
      fs.writeFileSync(full, blobs.get(e.blob) ?? Buffer.alloc(0));
    }
  } catch (err) {
    fs.rmSync(dir, { recursive: true, force: true });
    throw err;
  }
  if (!fs.existsSync(path.join(dir, 'records'))) fs.mkdirSync(path.join(dir, 'records'));
  return { dir, files: entries.length, cleanup: () => fs.rmSync(dir, { recursive: true, force: true }) };
}
