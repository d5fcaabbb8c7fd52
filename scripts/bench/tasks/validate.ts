/**
 * Validation tasks: opsbook validate (with and without the privacy guard,
 * one thread or two) beside ajv-cli over the same files and schemas, plus
 * node's own start-up and `validate --changed` in a Git repository.
 */
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { KINDS, RECORD_KINDS } from '../../records/registry.js';
import type { BenchContext, BenchTask } from '../types.js';

/**
 * ajv-cli needs three things a user would add around it: each schema with
 * an `$id` (our schemas reference `common.schema.json#/$defs/...` by file
 * name), a module for the custom formats and the `x-kind` keyword, and YAML
 * times read as text (ajv-cli's js-yaml 3 `safeLoad` turns unquoted
 * timestamps into Date objects, which no `type: string` accepts): the module
 * makes ajv-cli's own js-yaml use its CORE_SCHEMA.
 */
const AJV_MODULE = `'use strict';
// ajv-cli -c module written by scripts/bench/tasks/validate.ts
const path = require('path');
const cli = path.dirname(require.resolve('ajv-cli/package.json', { paths: [process.env.OPSBOOK_REPO] }));
const yaml = require(require.resolve('js-yaml', { paths: [cli] }));
const safeLoad = yaml.safeLoad;
yaml.safeLoad = (s, o) => safeLoad(s, { ...o, schema: yaml.CORE_SCHEMA });
const DT = /^(\\d{4})-(\\d{2})-(\\d{2})[T ](\\d{2}):(\\d{2})(?::(\\d{2})(?:\\.\\d+)?)?(?:Z|[+-]\\d{2}:?\\d{2})$/;
const D = /^(\\d{4})-(\\d{2})-(\\d{2})$/;
const real = (m) => !!m && +m[2] >= 1 && +m[2] <= 12 && +m[3] >= 1 && +m[3] <= 31;
module.exports = function (ajv) {
  ajv.addKeyword('x-kind');
  ajv.addFormat('offset-date-time', (s) => real(DT.exec(s)));
  ajv.addFormat('civil-date', (s) => real(D.exec(s)));
  ajv.addFormat('date-or-offset-date-time', (s) => real(D.exec(s)) || real(DT.exec(s)));
  ajv.addFormat('iso-duration', /^P(?!$)(\\d+W)?(\\d+D)?(T(?=\\d)(\\d+H)?(\\d+M)?(\\d+(\\.\\d+)?S)?)?$/);
};
`;

function ajvSetup(ctx: BenchContext): void {
  const dir = path.join(ctx.tmp, 'ajv-cli');
  fs.mkdirSync(path.join(dir, 'schemas'), { recursive: true });
  for (const f of fs.readdirSync(path.join(ctx.repo, 'schemas')).filter((n) => n.endsWith('.schema.json'))) {
    const schema = JSON.parse(fs.readFileSync(path.join(ctx.repo, 'schemas', f), 'utf8')) as object;
    fs.writeFileSync(path.join(dir, 'schemas', f), JSON.stringify({ $id: f, ...schema }));
  }
  fs.writeFileSync(path.join(dir, 'opsbook-ajv.cjs'), AJV_MODULE);
}

/** One ajv-cli process per record kind present in the KB (ajv-cli validates against one schema at a time). */
function ajvCommands(ctx: BenchContext) {
  const dir = path.join(ctx.tmp, 'ajv-cli');
  const bin = path.join(ctx.repo, 'node_modules', 'ajv-cli', 'dist', 'index.js');
  const out = [];
  for (const kind of RECORD_KINDS) {
    const info = KINDS[kind];
    const data = kind === 'contract' ? 'records/contract.yaml' : `records/${info.folder}/**/*.yaml`;
    if (!fs.existsSync(path.join(ctx.root, 'records', kind === 'contract' ? 'contract.yaml' : info.folder))) continue;
    out.push({
      args: [bin, 'validate', '--spec=draft2020', '-s', path.join(dir, 'schemas', info.schema), '-r', path.join(dir, 'schemas', 'common.schema.json'), '-c', path.join(dir, 'opsbook-ajv.cjs'), '-d', data],
      cwd: ctx.root,
      env: { OPSBOOK_REPO: ctx.repo },
    });
  }
  return out;
}

function changedSetup(ctx: BenchContext): void {
  // a copy of the KB in a Git repository, 10 tickets edited after the commit
  const dir = path.join(ctx.tmp, 'changed');
  fs.cpSync(path.join(ctx.root, 'records'), path.join(dir, 'records'), { recursive: true });
  const env = { ...process.env, GIT_AUTHOR_NAME: 'bench', GIT_AUTHOR_EMAIL: 'bench@example.invalid', GIT_COMMITTER_NAME: 'bench', GIT_COMMITTER_EMAIL: 'bench@example.invalid' };
  const git = (...a: string[]) => execFileSync('git', ['-C', dir, ...a], { stdio: 'pipe', env });
  git('init', '-q', '-b', 'main');
  git('add', '-A');
  git('commit', '-q', '-m', 'synthetic kb', '--no-gpg-sign');
  const tickets: string[] = [];
  const walk = (d: string): void => {
    for (const e of fs.readdirSync(d, { withFileTypes: true })) {
      if (tickets.length >= 10) return;
      if (e.isDirectory()) walk(path.join(d, e.name));
      else tickets.push(path.join(d, e.name));
    }
  };
  walk(path.join(dir, 'records', 'tickets'));
  for (const f of tickets) fs.appendFileSync(f, 'tags: [bench]\n');
}

/** opsbook on the KB; cold (no record cache) unless `warm`, like for like with ajv-cli. */
const opsbook = (ctx: BenchContext, args: string[], env: Record<string, string> = {}, warm = false) => [{ args: [...ctx.opsbook, ...args, '--root', warm ? path.join(ctx.tmp, 'warm') : ctx.root], cwd: ctx.root, env: warm ? env : { OPSBOOK_CACHE: '0', ...env } }];

/** A copy of the KB whose record cache (build/.cache) is filled by one validate run. */
function warmSetup(ctx: BenchContext): void {
  const dir = path.join(ctx.tmp, 'warm');
  fs.cpSync(path.join(ctx.root, 'records'), path.join(dir, 'records'), { recursive: true });
  execFileSync(process.execPath, [...ctx.opsbook, 'validate', '--no-scan', '--root', dir], { stdio: 'ignore' });
}

export const tasks: BenchTask[] = [
  { id: 'node', label: 'node -e 0', description: '`node -e 0`: the start-up of Node itself, for scale.', commands: () => [{ args: ['-e', '0'] }] },
  {
    id: 'ajv-cli',
    label: 'ajv-cli',
    baseline: true,
    description: '[ajv-cli](https://github.com/ajv-validator/ajv-cli) 5.0.0, one process per record kind present (`ajv validate --spec=draft2020 -s <kind schema> -r common.schema.json -c opsbook-ajv.cjs -d "records/<folder>/**/*.yaml"`), times added up. Set-up, untimed: copies of schemas/ with `$id` = file name, and a `-c` module adding the custom formats and `x-kind` and making ajv-cli\'s js-yaml 3 read times as text (CORE_SCHEMA); without it every ticket is invalid (unquoted times become Date objects).',
    setup: ajvSetup,
    commands: ajvCommands,
  },
  { id: 'validate', label: 'validate', compare: true, description: '`opsbook validate`: schemas, cross-record rules and the privacy guard, as CI runs it.', commands: (ctx) => opsbook(ctx, ['validate']) },
  { id: 'validate-thread', label: 'validate, guard on its thread', compare: true, description: 'the same with `OPSBOOK_GUARD_THREAD=1`: the guard on its own thread beside the loader whatever the load (it hands the loader the record files it reads).', commands: (ctx) => opsbook(ctx, ['validate'], { OPSBOOK_GUARD_THREAD: '1' }) },
  { id: 'validate-seq', label: 'validate, guard after the loader', compare: true, description: 'the same with `OPSBOOK_GUARD_THREAD=0`: the guard scans after the load on the main thread (the path of one-core machines), instead of on its own thread beside the loader.', commands: (ctx) => opsbook(ctx, ['validate'], { OPSBOOK_GUARD_THREAD: '0' }) },
  { id: 'validate-no-scan', label: 'validate --no-scan', compare: true, description: '`opsbook validate --no-scan`: schemas and rules only, like for like with ajv-cli (which checks schemas only).', commands: (ctx) => opsbook(ctx, ['validate', '--no-scan']) },
  { id: 'validate-1t', label: '--no-scan, 1 thread', compare: true, description: 'the same with `OPSBOOK_WORKERS=0` (no worker threads).', commands: (ctx) => opsbook(ctx, ['validate', '--no-scan'], { OPSBOOK_WORKERS: '0' }) },
  { id: 'validate-2w', label: '--no-scan, 2 workers', compare: true, description: 'the same with `OPSBOOK_WORKERS=2` (two worker threads whatever the load).', commands: (ctx) => opsbook(ctx, ['validate', '--no-scan'], { OPSBOOK_WORKERS: '2' }) },
  { id: 'validate-warm', label: 'validate, warm cache', compare: true, description: '`opsbook validate` again on an unchanged KB: records whose bytes passed before come from the record cache (`build/.cache/records.json`), the guard scans as usual.', setup: warmSetup, commands: (ctx) => opsbook(ctx, ['validate'], {}, true) },
  { id: 'validate-warm-no-scan', label: '--no-scan, warm cache', compare: true, description: 'the same with `--no-scan`.', setup: warmSetup, commands: (ctx) => opsbook(ctx, ['validate', '--no-scan'], {}, true) },
  {
    id: 'changed',
    label: '--changed (10)',
    description: '`opsbook validate --changed HEAD --no-scan` in a Git copy of the KB with 10 tickets edited.',
    setup: changedSetup,
    commands: (ctx) => [{ args: [...ctx.opsbook, 'validate', '--changed', 'HEAD', '--no-scan', '--root', path.join(ctx.tmp, 'changed')], cwd: path.join(ctx.tmp, 'changed'), env: { OPSBOOK_CACHE: '0' } }],
  },
];
