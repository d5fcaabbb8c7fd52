/**
 * The one-period pipeline (issue #17): one whole `opsbook build --skip-site
 * --skip-pdf --period <last period>` process on a Git copy of the KB, its
 * one commit named as the audit baseline (adoption import), as
 * scripts/bench/pipeline-task.ts runs it on its own.
 */
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { parse } from 'yaml';
import { BENCH_AS_OF, markImportBaseline } from '../pipeline-task.js';
import type { BenchContext, BenchTask } from '../types.js';

const dirOf = (ctx: BenchContext) => path.join(ctx.tmp, 'pipeline');

function setup(ctx: BenchContext): void {
  const dir = dirOf(ctx);
  fs.cpSync(ctx.root, dir, { recursive: true });
  const env = { ...process.env, GIT_AUTHOR_NAME: 'bench', GIT_AUTHOR_EMAIL: 'bench@example.invalid', GIT_COMMITTER_NAME: 'bench', GIT_COMMITTER_EMAIL: 'bench@example.invalid' };
  const git = (...a: string[]) => execFileSync('git', ['-C', dir, ...a], { stdio: 'pipe', env });
  git('init', '-q', '-b', 'main');
  git('add', '-A');
  git('commit', '-q', '-m', 'synthetic kb', '--no-gpg-sign');
  markImportBaseline(dir);
}

export const tasks: BenchTask[] = [
  {
    id: 'pipeline',
    label: 'pipeline (one period)',
    description: '`opsbook build --skip-site --skip-pdf --period <last>` on a Git copy of the KB (its one commit as the audit baseline): validate, guard, SLA, compliance, audit, delivery register and the reports due, on one load.',
    setup,
    commands: (ctx) => {
      const dir = dirOf(ctx);
      const contract = parse(fs.readFileSync(path.join(dir, 'records', 'contract.yaml'), 'utf8')) as { service_periods: { id: string }[] };
      const period = contract.service_periods[contract.service_periods.length - 1]!.id;
      return [{ args: [...ctx.opsbook, 'build', '--skip-site', '--skip-pdf', '--period', period, '--root', dir, '--as-of', BENCH_AS_OF], cwd: dir, okCodes: [0] }];
    },
  },
];
