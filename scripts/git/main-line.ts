/**
 * When did a change reach the main branch? The audit judges lateness and
 * edits by main's first-parent history, not by the dates a committer writes:
 *
 * - the **main line** is the first-parent chain of the main branch
 *   (`opsbook.yaml` `audit.main_branch`, default `main`; the local branch or a
 *   remote-tracking `origin/<name>`, whichever holds more of HEAD);
 * - each commit on it is a **step**: a plain commit lands itself, a merge
 *   lands every commit it brings in (its **contributors**), diffed against
 *   its first parent;
 * - a step **lands** at its committer date, never earlier than the step
 *   before it (a committer date that goes back is clamped and reported);
 * - when HEAD is not on the main line (a PR branch, CI's merge ref), the
 *   commits not yet on main form one **pending** step that lands "now"
 *   (`asOf`): that is when its values would reach main if it were merged.
 *
 * Pure Git reading (no records); the provenance module turns steps into
 * record histories.
 */
import { parseInstant } from '../shared/time.js';
import { git, gitOrNull } from './git-exec.js';

/** One commit as Git records it (every identity and date as claimed by whoever made the commit). */
export interface CommitInfo {
  commit: string;
  parents: string[];
  author: string;
  authorEmail: string;
  /** Author date (ISO 8601 with the author's offset). */
  authorDate: string;
  committer: string;
  committerEmail: string;
  /** Committer date (ISO 8601). */
  committerDate: string;
  subject: string;
  /** Position in topological order, 0 = oldest. */
  order: number;
}

/** One step of the main line: what reached main together, and when. */
export interface Step {
  /** The first-parent commit of main that landed the change; HEAD for the pending step. */
  commit: string;
  /** When it reached main (epoch ms): its committer date, clamped to be no earlier than the step before; `asOf` when pending. */
  landedAt: number;
  /** By how many ms the committer date goes back before the previous step's landing (0 = none). */
  regressionMs: number;
  /** Not on main yet (HEAD is a branch or a merge preview). */
  pending: boolean;
  /** A merge (or the pending step): contributors other than the step commit itself. */
  merged: boolean;
  /** The commits that reached main with this step, oldest first; the step commit is last (absent for a pending step). */
  contributors: string[];
}

/** The main line of HEAD's history. */
export interface MainLine {
  head: string;
  /** The main branch's name as configured. */
  mainBranch: string;
  /** The ref used for it (`refs/heads/main`, `refs/remotes/origin/main`), or null when none exists. */
  mainRef: string | null;
  /** The newest commit of main's first-parent chain that HEAD contains (HEAD itself when HEAD is on main). */
  base: string;
  /** Steps, oldest first: main's first-parent chain up to `base`, then the pending step if any. */
  steps: Step[];
  /** Every commit reachable from HEAD. */
  commits: Map<string, CommitInfo>;
  /** Which step landed each commit (index into `steps`). */
  landedBy: Map<string, number>;
  /** Notes for the operator (English), e.g. a main branch that does not exist here. */
  notes: string[];
}

const US = '\x1f';

/** Reads every commit reachable from HEAD (oldest first). */
async function readCommits(root: string): Promise<Map<string, CommitInfo>> {
  const out = await git(root, ['log', '-z', '--topo-order', '--reverse', `--format=%H${US}%P${US}%an${US}%ae${US}%aI${US}%cn${US}%ce${US}%cI${US}%s`, 'HEAD']);
  const commits = new Map<string, CommitInfo>();
  let order = 0;
  for (const rec of out.split('\0')) {
    if (!rec.trim()) continue;
    const [commit = '', parents = '', author = '', authorEmail = '', authorDate = '', committer = '', committerEmail = '', committerDate = '', subject = ''] = rec.replace(/^\n/, '').split(US);
    commits.set(commit, { commit, parents: parents ? parents.split(' ') : [], author, authorEmail, authorDate, committer, committerEmail, committerDate, subject, order: order++ });
  }
  return commits;
}

/** The first-parent chain ending at `tip`, oldest first (within `commits`). */
function firstParentChain(commits: Map<string, CommitInfo>, tip: string): string[] {
  const chain: string[] = [];
  for (let c: string | undefined = tip; c !== undefined && commits.has(c); c = commits.get(c)!.parents[0]) chain.push(c);
  return chain.reverse();
}

/** Refs that may be the main branch (local, any remote, or a ref given in full), with their commits: one `for-each-ref`. */
async function mainRefCandidates(root: string, branch: string): Promise<{ ref: string; sha: string }[]> {
  const patterns = branch.startsWith('refs/') ? [branch] : [`refs/heads/${branch}`, `refs/remotes/*/${branch}`, ...(branch.includes('/') ? [`refs/remotes/${branch}`] : [])];
  const out = (await gitOrNull(root, ['for-each-ref', '--format=%(refname) %(objectname)', ...patterns])) ?? '';
  return out.split('\n').map((l) => l.trim().split(' ')).filter((x): x is [string, string] => x.length === 2).map(([ref, sha]) => ({ ref, sha }));
}

/**
 * Reads the main line of HEAD.
 * @param root any directory in the work tree
 * @param opts `mainBranch` (a branch name or a ref), `asOf` (epoch ms; when a pending step lands), `head` when known
 */
export async function readMainLine(root: string, opts: { mainBranch: string; asOf: number; head?: string }): Promise<MainLine> {
  const commits = await readCommits(root);
  const head = opts.head ?? (await git(root, ['rev-parse', 'HEAD'])).trim();
  const notes: string[] = [];

  // The main branch: of the refs that exist, the one whose first-parent chain reaches furthest into HEAD.
  let mainRef: string | null = null;
  let base: string | null = null;
  for (const { ref, sha } of await mainRefCandidates(root, opts.mainBranch)) {
    const chain = ((await gitOrNull(root, ['rev-list', '--first-parent', sha])) ?? '').split('\n');
    const b = chain.find((c) => commits.has(c));
    if (b && (base === null || commits.get(b)!.order > commits.get(base)!.order)) {
      base = b;
      mainRef = ref;
    }
  }
  if (base === null) {
    base = head;
    notes.push(`main branch \`${opts.mainBranch}\` not found (neither a local branch nor a remote-tracking one) or unrelated to HEAD; judging HEAD's own first-parent history as the main line (set audit.main_branch in opsbook.yaml, or fetch the branch)`);
  }

  const chain = firstParentChain(commits, base);
  const steps: Step[] = [];
  const landedBy = new Map<string, number>();
  let prev = -Infinity;
  for (const c of chain) {
    const info = commits.get(c)!;
    const idx = steps.length;
    landedBy.set(c, idx);
    // everything a merge brings in that was not on main before
    const brought: string[] = [];
    const stack = info.parents.slice(1);
    while (stack.length) {
      const x = stack.pop()!;
      if (landedBy.has(x) || !commits.has(x)) continue;
      landedBy.set(x, idx);
      brought.push(x);
      stack.push(...commits.get(x)!.parents);
    }
    brought.sort((a, b) => commits.get(a)!.order - commits.get(b)!.order);
    const committed = parseInstant(info.committerDate);
    const landedAt = Math.max(committed, prev);
    steps.push({ commit: c, landedAt, regressionMs: prev > committed ? prev - committed : 0, pending: false, merged: brought.length > 0, contributors: [...brought, c] });
    prev = landedAt;
  }
  if (base !== head) {
    const pending = [...commits.keys()].filter((c) => !landedBy.has(c));
    const idx = steps.length;
    for (const c of pending) landedBy.set(c, idx);
    steps.push({ commit: head, landedAt: Math.max(opts.asOf, prev), regressionMs: 0, pending: true, merged: true, contributors: pending });
  }
  return { head, mainBranch: opts.mainBranch, mainRef, base, steps, commits, landedBy, notes };
}
