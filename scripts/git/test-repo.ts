/**
 * Test helper: throwaway Git repositories with fixed author/committer dates
 * and identities (never the developer's config; signing only with a key the
 * test made), holding a small synthetic knowledge base. Used by the git/,
 * new and ticket tests and by fixtures/build-audit-repo.ts.
 */
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

/** A Git identity (synthetic). */
export interface Identity {
  name: string;
  email: string;
}

export interface CommitOptions {
  /** ISO 8601 with offset: the committer date, and the author date unless `authorDate` is given. */
  date: string;
  /** The author (default Alice); also the committer unless `committer` is given. */
  author?: Identity;
  /** The committer, when not the author (e.g. a forged `--author`). */
  committer?: Identity;
  /** The author date, when not `date` (e.g. a backdated GIT_AUTHOR_DATE). */
  authorDate?: string;
  message?: string;
  /** Sign the commit with this SSH private key (`gpg.format ssh`). */
  signWith?: string;
}

export interface TestRepo {
  dir: string;
  /** Runs git in the repository with the fixed environment; returns stdout. */
  git(args: string[], env?: Record<string, string>): string;
  /** Writes files (null deletes), stages everything and commits; returns the commit id. */
  commit(files: Record<string, string | null>, opts: CommitOptions): string;
  /**
   * Merges `branch` into the current branch with a merge commit (`--no-ff`);
   * `files` are written into the merge before it is committed (changes the
   * merge commit makes itself, as when resolving a conflict). Returns the merge commit id.
   */
  merge(branch: string, opts: CommitOptions, files?: Record<string, string | null>): string;
  /** Squash-merges `branch` into one new commit on the current branch; returns its id. */
  squash(branch: string, opts: CommitOptions): string;
  /** Writes files into the work tree without committing (null deletes). */
  write(files: Record<string, string | null>): void;
  read(file: string): string;
  cleanup(): void;
}

/** Default author of test commits (synthetic). */
export const ALICE = { name: 'Alice Example', email: 'alice@example.invalid' };
export const BOB = { name: 'Bob Example', email: 'bob@example.invalid' };
export const MALLORY = { name: 'Mallory Example', email: 'mallory@example.invalid' };
export const CHIEF = { name: 'Chief Engineer', email: 'chief@example.invalid' };

function isolatedEnv(dir: string): Record<string, string> {
  const env: Record<string, string> = {};
  for (const [k, v] of Object.entries(process.env)) if (v !== undefined && !k.startsWith('GIT_')) env[k] = v;
  return { ...env, HOME: dir, GIT_CONFIG_NOSYSTEM: '1', GIT_CONFIG_GLOBAL: '/dev/null', GIT_TERMINAL_PROMPT: '0', LC_ALL: 'C' };
}

function identityEnv(opts: CommitOptions): Record<string, string> {
  const who = opts.author ?? ALICE;
  const by = opts.committer ?? who;
  return {
    GIT_AUTHOR_NAME: who.name, GIT_AUTHOR_EMAIL: who.email, GIT_AUTHOR_DATE: opts.authorDate ?? opts.date,
    GIT_COMMITTER_NAME: by.name, GIT_COMMITTER_EMAIL: by.email, GIT_COMMITTER_DATE: opts.date,
  };
}

function signing(opts: CommitOptions): string[] {
  return opts.signWith ? ['-c', 'gpg.format=ssh', '-c', `user.signingkey=${opts.signWith}`, '-c', 'commit.gpgsign=true'] : [];
}

/**
 * Creates an empty repository (branch `main`) in a fresh temp directory.
 * @param files optional initial work-tree files (not committed)
 */
export function createTestRepo(files: Record<string, string | null> = {}): TestRepo {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'opsbook-git-'));
  const home = fs.mkdtempSync(path.join(os.tmpdir(), 'opsbook-home-'));
  const baseEnv = isolatedEnv(home);
  const run = (args: string[], env: Record<string, string> = {}) =>
    execFileSync('git', args, { cwd: dir, env: { ...baseEnv, ...env }, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
  run(['init', '-q', '-b', 'main']);
  run(['config', 'user.name', ALICE.name]);
  run(['config', 'user.email', ALICE.email]);
  run(['config', 'commit.gpgsign', 'false']);
  run(['config', 'tag.gpgsign', 'false']);
  const write = (fs_: Record<string, string | null>) => {
    for (const [rel, content] of Object.entries(fs_)) {
      const full = path.join(dir, rel);
      if (content === null) fs.rmSync(full, { force: true });
      else {
        fs.mkdirSync(path.dirname(full), { recursive: true });
        fs.writeFileSync(full, content);
      }
    }
  };
  write(files);
  return {
    dir,
    git: run,
    write,
    read: (f) => fs.readFileSync(path.join(dir, f), 'utf8'),
    commit(fs_, opts) {
      write(fs_);
      run(['add', '-A']);
      run([...signing(opts), 'commit', '-q', '--allow-empty', '--no-verify', '-m', opts.message ?? 'update records'], identityEnv(opts));
      return run(['rev-parse', 'HEAD']).trim();
    },
    merge(branch, opts, files = {}) {
      run(['merge', '-q', '--no-ff', '--no-commit', branch], identityEnv(opts));
      write(files);
      run(['add', '-A']);
      run([...signing(opts), 'commit', '-q', '--no-verify', '-m', opts.message ?? `Merge branch '${branch}'`], identityEnv(opts));
      return run(['rev-parse', 'HEAD']).trim();
    },
    squash(branch, opts) {
      run(['merge', '-q', '--squash', branch], identityEnv(opts));
      run([...signing(opts), 'commit', '-q', '--no-verify', '-m', opts.message ?? `${branch} (squashed)`], identityEnv(opts));
      return run(['rev-parse', 'HEAD']).trim();
    },
    cleanup() {
      fs.rmSync(dir, { recursive: true, force: true });
      fs.rmSync(home, { recursive: true, force: true });
    },
  };
}

/** A small valid synthetic contract (two systems, two periods, the SLA policy). */
export const CONTRACT_YAML = `# 测试合同（虚构）
id: TEST-2025-01
customer: 示例市第一人民医院
vendor: 示例医疗信息技术有限公司
systems:
  aims:
    name: 手术麻醉临床信息系统
    version: "5.2"
  icis:
    name: 重症监护信息系统
    version: "3.1"
service_periods:
  - id: Y1
    start: 2025-12-01
    end: 2026-11-30
  - id: Y2
    start: 2026-12-01
    end: 2027-11-30
sla:
  severities:
    "1": { response: PT5M, onsite_after_remote_fails: PT12H, channels: [phone], notify: [product_team, senior_manager] }
    A:   { response: PT5M, onsite_after_remote_fails: PT12H, channels: [phone], notify: [senior_manager] }
    B:   { response: PT1H, channels: [phone, web, email] }
    C:   { response: PT2H, channels: [phone, web, email] }
  fault_response: PT30M
  complex_onsite: PT24H
  onsite_clock: onsite_requested
  report_due_working_days: 10
  onsite_inspections_per_quarter: 1
  database_inspections_per_period: 2
  late_entry_days: 7
`;

/** A synthetic engineer record. */
export const PERSON_YAML = `id: P-engineer-a
name: 工程师甲
organisation: vendor
role: engineer
`;

/** A ticket record's YAML (synthetic); `extra` lines are appended verbatim. */
export function ticketYaml(id: string, reportedAt: string, extra = ''): string {
  return `# 测试工单（虚构）
id: ${id}
system: aims
title: 麻醉记录单打印空白
description: 术中麻醉记录单打印预览为空白页。
severity: B
category: fault
channel: phone
reported_at: ${reportedAt}
engineers: [P-engineer-a]
${extra}`;
}
