/**
 * Where a knowledge base sits in Git: the work tree's top level, the KB's
 * prefix inside it, whether the clone is shallow. A KB outside Git is a
 * `GitUnavailable` answer, not a crash.
 */
import path from 'node:path';
import { gitOrNull } from './git-exec.js';

export interface RepoInfo {
  /** Absolute path of the work tree's top level. */
  toplevel: string;
  /** The KB root relative to the top level, with a trailing slash ('' at the top). */
  prefix: string;
  /** True in a shallow clone (history is cut: provenance would be wrong). */
  shallow: boolean;
  /** HEAD commit id, or null in a repository without commits. */
  head: string | null;
}

/** Why provenance is not available. */
export interface GitUnavailable {
  reason: 'not-a-repository' | 'shallow' | 'no-commits';
  message: string;
}

/**
 * Probes the repository holding `root`.
 * @returns the repository facts, or a GitUnavailable reason with a one-line message
 */
export async function repoInfo(root: string): Promise<RepoInfo | GitUnavailable> {
  // one process for the three facts (the prefix line is empty at the top level)
  const facts = await gitOrNull(root, ['rev-parse', '--show-toplevel', '--is-shallow-repository', '--show-prefix']);
  if (facts === null) {
    return { reason: 'not-a-repository', message: `${root}: not inside a Git work tree; provenance needs the knowledge base's Git history (clone the repository instead of copying it)` };
  }
  const [top = '', shallow = '', prefix = ''] = facts.split('\n');
  const head = ((await gitOrNull(root, ['rev-parse', '--verify', '--quiet', 'HEAD'])) ?? '').trim() || null;
  return { toplevel: path.resolve(top.trim()), prefix: prefix.trim(), shallow: shallow.trim() === 'true', head };
}

/** Type guard for the unavailable answer of `repoInfo`. */
export function isUnavailable(x: RepoInfo | GitUnavailable): x is GitUnavailable {
  return 'reason' in x;
}

/** Checks that provenance can be trusted: a repository, with commits, not shallow. */
export function provenanceProblem(info: RepoInfo | GitUnavailable): GitUnavailable | null {
  if (isUnavailable(info)) return info;
  if (info.head === null) return { reason: 'no-commits', message: `${info.toplevel}: the repository has no commits yet; commit the records first` };
  if (info.shallow) {
    return { reason: 'shallow', message: `${info.toplevel}: shallow clone, the history is cut so first commits would be wrong; run \`git fetch --unshallow\` (in CI: checkout with fetch-depth: 0)` };
  }
  return null;
}
