/**
 * `validate --changed <ref>`: which files to validate for a pull request.
 * The changed records, the records that reference them (a deletion or an id
 * change breaks its referrers), records sharing their id, and the contract.
 * Referenced records need not be read: the loader resolves references against
 * every id of the knowledge base, known from the file names.
 */
import fs from 'node:fs';
import path from 'node:path';
import { parse as parseYaml } from 'yaml';
import { UserError } from '../shared/errors.js';
import { listRecordFiles, SCHEMA_DIR } from '../records/index.js';
import { git, gitOrNull } from './git-exec.js';
import { isUnavailable, repoInfo } from './repo-info.js';

export interface ChangedScope {
  /** KB-root-relative paths to validate (records) or scan (changed docs). */
  files: Set<string>;
  /** KB-root-relative paths under records/ and docs/ changed since the ref (incl. deleted and untracked). */
  changed: string[];
  /** Changed paths that no longer exist. */
  deleted: string[];
  /** The commit the comparison starts from (merge base of ref and HEAD). */
  base: string;
  /** Every file under records/ (`listRecordFiles`), so the loader need not walk the tree again. */
  recordFiles: string[];
}

const ID_CHARS = 'A-Za-z0-9._-';

function idOf(p: string): string {
  return path.posix.basename(p).replace(/\.yaml$/, '');
}

function escapeRe(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** Resolves a ref to the merge base with HEAD (or the ref itself when unrelated). UserError when unknown. */
export async function resolveBase(root: string, ref: string): Promise<string> {
  const commit = (await gitOrNull(root, ['rev-parse', '--verify', '--quiet', `${ref}^{commit}`]))?.trim();
  if (!commit) throw new UserError(`Unexpected Git ref \`${ref}\`, expected a branch, tag or commit of this repository (in CI: fetch it first, e.g. \`git fetch origin ${ref}\`)`);
  const mb = (await gitOrNull(root, ['merge-base', commit, 'HEAD']))?.trim();
  return mb || commit;
}

/**
 * The files to validate for changes since `ref` (work tree, staged and
 * untracked files included).
 * @param root KB root inside a Git work tree
 * @param ref branch, tag or commit (compared from its merge base with HEAD)
 */
export async function changedRecordScope(root: string, ref: string): Promise<ChangedScope> {
  const info = await repoInfo(root);
  if (isUnavailable(info)) throw new UserError(`validate --changed: ${info.message}`);
  if (info.head === null) throw new UserError(`validate --changed: ${info.toplevel} has no commits yet; run validate without --changed`);
  const base = await resolveBase(root, ref);
  const diff = await git(root, ['-c', 'core.quotePath=false', 'diff', '--name-status', '-z', '--no-renames', '--relative', base, '--', 'records/', 'docs/', 'schemas/']);
  const untracked = await git(root, ['-c', 'core.quotePath=false', 'ls-files', '-z', '--others', '--exclude-standard', '--', 'records/', 'docs/']);
  const changedSet = new Set<string>();
  const deleted: string[] = [];
  const fields = diff.split('\0');
  let schemasChanged = false;
  for (let i = 0; i + 1 < fields.length; i += 2) {
    const status = fields[i]!;
    const p = fields[i + 1]!;
    if (p.startsWith('schemas/')) {
      schemasChanged = true;
      continue;
    }
    changedSet.add(p);
    if (status.startsWith('D') && !fs.existsSync(path.join(root, p))) deleted.push(p);
  }
  for (const p of untracked.split('\0')) if (p) changedSet.add(p);
  const changed = [...changedSet].sort();

  const recordFiles = fs.existsSync(path.join(root, 'records')) ? listRecordFiles(root) : [];
  const all = recordFiles.filter((p) => p.endsWith('.yaml'));
  const files = new Set<string>();
  // The tool's own schemas changed (the KB is the tool's repository): everything is in scope.
  if (schemasChanged && path.resolve(root, 'schemas') === SCHEMA_DIR) {
    for (const p of all) files.add(p);
    for (const p of changed) if (!deleted.includes(p)) files.add(p);
    return { files, changed, deleted, base, recordFiles };
  }
  const byId = new Map<string, string[]>();
  for (const p of all) byId.set(idOf(p), [...(byId.get(idOf(p)) ?? []), p]);
  const exists = new Set(all);

  const changedRecords = changed.filter((p) => p.startsWith('records/') && p.endsWith('.yaml'));
  for (const p of changed) if (!deleted.includes(p) && fs.existsSync(path.join(root, p))) files.add(p);
  if (changedRecords.length === 0) return { files, changed, deleted, base, recordFiles };

  const seeds = new Set<string>(changedRecords.filter((p) => exists.has(p)));
  // records sharing a changed record's id (duplicates)
  for (const id of new Set(changedRecords.map(idOf))) for (const p of byId.get(id) ?? []) seeds.add(p);
  // Referrers can only break when an id disappears: a deleted record, or an id edited inside a file.
  // (An edit that keeps the id cannot break a reference to it, so most changes need no search.)
  const idIn = (text: string | null): string | undefined => {
    if (!text) return undefined;
    try {
      const id = (parseYaml(text) as { id?: unknown } | null)?.id;
      return typeof id === 'string' && id ? id : undefined;
    } catch {
      return undefined; // unparsable: nothing to follow
    }
  };
  const changedIds = new Set<string>();
  for (const p of changedRecords) {
    if (!exists.has(p)) {
      changedIds.add(idOf(p));
      const before = idIn(await gitOrNull(root, ['show', `${base}:./${p}`]));
      if (before) changedIds.add(before);
      continue;
    }
    const before = idIn(await gitOrNull(root, ['show', `${base}:./${p}`]));
    if (before && before !== idIn(fs.readFileSync(path.join(root, p), 'utf8'))) changedIds.add(before);
  }
  // referrers: any record whose text mentions a changed id as a whole token. `git grep` finds the
  // candidates fast (C, multi-threaded, no process per file); the regex confirms them.
  if (changedIds.size) {
    const re = new RegExp(`(?<![${ID_CHARS}])(?:${[...changedIds].map(escapeRe).join('|')})(?![${ID_CHARS}])`);
    const patterns = [...changedIds].flatMap((id) => ['-e', id]);
    const listed = await gitOrNull(root, ['-c', 'core.quotePath=false', 'grep', '-l', '-z', '-F', '--untracked', '--full-name', ...patterns, '--', 'records/']);
    const prefix = await gitOrNull(root, ['rev-parse', '--show-prefix']);
    const candidates = listed === null
      ? all
      : listed.split('\0').filter(Boolean).map((p) => p.slice((prefix ?? '').trim().length)).filter((p) => exists.has(p));
    for (const p of candidates) {
      if (seeds.has(p)) continue;
      if (re.test(fs.readFileSync(path.join(root, p), 'utf8'))) seeds.add(p);
    }
  }
  const contract = 'records/contract.yaml';
  if (exists.has(contract)) seeds.add(contract); // the systems every record names
  // References need no closure: the loader knows every id from its file name, so targets resolve unread.
  for (const p of seeds) files.add(p);
  return { files, changed, deleted, base, recordFiles };
}
