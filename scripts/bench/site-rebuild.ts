/**
 * Bench: the site rebuild after one record changes, against a full build.
 *
 *   tsx scripts/bench/site-rebuild.ts [--repeat 3] [--as-of 2026-11-26T12:00:00+08:00|now] [--ref COMMIT]
 *                                     [--modes site-build,build-step] [--no-unchanged] [--source]
 *
 * `--as-of now`: every build at its own current time, as CI runs `opsbook build` (the pages that show the as-of
 * change on every build); default a fixed as-of (only the edited record's page changes).
 *   npm run bench -- --site            (the same, from scripts/bench/run.ts)
 *
 * Works on a copy of this repository (tracked and untracked-but-not-ignored
 * files, or with `--ref` the tree of a commit, e.g. a baseline before a change;
 * committed to a fresh Git repository so the pages' last-update dates
 * are read as in CI), with its own node_modules/.cache, so the working tree
 * and its caches are never touched. Each round, interleaved:
 *
 * - full: no caches (`node_modules/.cache`, `.docusaurus`, `build/`), as on a fresh clone;
 * - unchanged: the same again, every cache warm;
 * - one record: one ticket's title edited, then rebuilt.
 *
 * Two ways of building the site are measured, interleaved in every round:
 *
 * - `site build`: the whole `opsbook site build` process, start-up included (it loads the KB and computes
 *   SLA, compliance and the delivery digests for the pages itself), run as users run it: the compiled CLI
 *   (`node dist/cli.js`, compiled in the copy by its own `npm run build:lib` before the rounds); with `--source`,
 *   or when the copy cannot compile (an older tree), `tsx scripts/cli.ts`;
 * - `build` step: the site step of `opsbook build` (commands/build.ts `siteStep`) as the build runs it, after the
 *   pipeline (not timed) has loaded the KB and computed the results the pages reuse; timed from inside a driver
 *   process (wall, and CPU of the process plus its waited-for children from /proc/self/stat).
 *
 * A full build starts from a fresh clone's state: no caches and no generated pages. Wall time and CPU seconds of
 * the process tree (GNU time), medians of the rounds' paired ratios. Prints Markdown tables and the ratio
 * one-record / full (target < 0.5, issue #17). A benchmark, not a test: nothing is asserted.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const REPO = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');

export type SiteBuildMode = 'site-build' | 'build-step';

export interface SiteRebuildSample {
  mode: SiteBuildMode;
  kind: 'full' | 'unchanged' | 'one-record';
  ms: number;
  /** CPU seconds (user + system) of the whole process tree, when GNU time is installed; steadier than wall time on a shared machine. */
  cpuS: number | null;
  /** Generated files the build rewrote (from `site: … N file(s) changed`). */
  changed: number | null;
}

export interface SiteRebuildResult {
  samples: SiteRebuildSample[];
  /** Per mode measured: medians of wall ms, the median paired ratio one-record / full (wall and CPU). */
  modes: { mode: SiteBuildMode; medians: Record<SiteRebuildSample['kind'], number>; ratio: number; cpuRatio: number | null }[];
  table: string;
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? NaN;

/**
 * Copies the repository's files (not ignored ones; or the tree of commit `ref`, to measure a baseline)
 * to a fresh folder with its own Git history and cache folder.
 */
function copyRepository(ref?: string): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'opsbook-site-bench-'));
  if (ref) {
    execFileSync('sh', ['-c', `git -C "${REPO}" archive "${ref.replace(/[^\w./-]/g, '')}" | tar -x -C "${dir}"`]);
  } else {
    const files = execFileSync('git', ['-C', REPO, 'ls-files', '-z', '--cached', '--others', '--exclude-standard'], { encoding: 'utf8' }).split('\0').filter(Boolean);
    for (const rel of files) {
      const from = path.join(REPO, rel);
      if (!fs.existsSync(from)) continue; // deleted in the working tree
      fs.mkdirSync(path.dirname(path.join(dir, rel)), { recursive: true });
      fs.copyFileSync(from, path.join(dir, rel));
    }
  }
  // node_modules: a real folder of links to the installed packages, so `.cache` stays the copy's own
  fs.mkdirSync(path.join(dir, 'node_modules'));
  for (const ent of fs.readdirSync(path.join(REPO, 'node_modules'))) {
    if (ent === '.cache') continue;
    fs.symlinkSync(path.join(REPO, 'node_modules', ent), path.join(dir, 'node_modules', ent));
  }
  const env = { ...process.env, GIT_AUTHOR_NAME: 'bench', GIT_AUTHOR_EMAIL: 'bench@example.invalid', GIT_COMMITTER_NAME: 'bench', GIT_COMMITTER_EMAIL: 'bench@example.invalid' };
  const git = (...args: string[]) => execFileSync('git', ['-C', dir, ...args], { stdio: 'pipe', env });
  git('init', '-q', '-b', 'main');
  git('add', '-A');
  git('commit', '-q', '--no-gpg-sign', '-m', 'bench copy');
  return dir;
}

const GNU_TIME = '/usr/bin/time';

/** Compiles the copy's library (`npm run build:lib` → dist/cli.js); false when that fails (e.g. a tree from before dist/). */
function compileCopy(dir: string, log: (s: string) => void): boolean {
  const r = spawnSync('npm', ['run', '--silent', 'build:lib'], { cwd: dir, encoding: 'utf8', maxBuffer: 1 << 26 });
  if (r.status === 0 && fs.existsSync(path.join(dir, 'dist', 'cli.js'))) return true;
  log(`site bench: the copy did not compile (exit ${r.status}); \`site build\` runs from the sources (tsx)`);
  return false;
}

/** Runs `opsbook site build` in the copy (compiled CLI when dist/cli.js exists); wall time including start-up, and CPU time via GNU time when present. */
function siteBuild(dir: string, asOf: string): { ms: number; cpuS: number | null; changed: number | null } {
  const tsx = path.join(dir, 'node_modules', 'tsx', 'dist', 'cli.mjs');
  const compiled = path.join(dir, 'dist', 'cli.js');
  const cli = fs.existsSync(compiled) ? [compiled] : [tsx, path.join(dir, 'scripts', 'cli.ts')];
  const command = [process.execPath, ...cli, 'site', 'build', ...(asOf === 'now' ? [] : ['--as-of', asOf])];
  const timed = fs.existsSync(GNU_TIME);
  const [bin, ...args] = timed ? [GNU_TIME, '-f', 'OPSBOOK-CPU %U %S', ...command] : command;
  const t0 = performance.now();
  const r = spawnSync(bin!, args, { cwd: dir, encoding: 'utf8', maxBuffer: 1 << 26, env: { ...process.env, CI: 'true' } });
  const ms = Math.round(performance.now() - t0);
  if (r.status !== 0) throw new Error(`site build failed (exit ${r.status}):\n${r.stderr.split('\n').slice(-30).join('\n')}`);
  const m = /(\d+) file\(s\) changed/.exec(r.stderr);
  const cpu = /OPSBOOK-CPU ([\d.]+) ([\d.]+)/.exec(r.stderr);
  return { ms, cpuS: cpu ? Math.round((Number(cpu[1]) + Number(cpu[2])) * 10) / 10 : null, changed: m ? Number(m[1]) : null };
}

/** CPU seconds of this process and its waited-for children (Linux /proc/self/stat: utime, stime, cutime, cstime). */
function cpuSecondsWithChildren(): number | null {
  try {
    const fields = fs.readFileSync('/proc/self/stat', 'utf8').split(') ')[1]!.split(' ');
    const ticks = [11, 12, 13, 14].reduce((n, i) => n + Number(fields[i]), 0);
    return ticks / 100; // USER_HZ, 100 on Linux
  } catch {
    return null;
  }
}

/** The site step of `opsbook build` in the copy, timed by a driver process (this file with `--drive`); null when the copy has no `siteStep` (an older tree). */
function siteStepBuild(dir: string, asOf: string): { ms: number; cpuS: number | null; changed: number | null } | null {
  const tsx = path.join(REPO, 'node_modules', 'tsx', 'dist', 'cli.mjs');
  const r = spawnSync(process.execPath, [tsx, fileURLToPath(import.meta.url), '--drive', dir, '--as-of', asOf], { cwd: dir, encoding: 'utf8', maxBuffer: 1 << 26, env: { ...process.env, CI: 'true' } });
  if (r.status === 3) return null;
  const m = /OPSBOOK-STEP (\d+) ([\d.]+|null)/.exec(r.stdout);
  if (r.status !== 0 || !m) throw new Error(`build's site step failed (exit ${r.status}):\n${r.stderr.split('\n').slice(-30).join('\n')}`);
  const changed = /(\d+) file\(s\) changed/.exec(r.stderr);
  return { ms: Number(m[1]), cpuS: m[2] === 'null' ? null : Math.round(Number(m[2]) * 10) / 10, changed: changed ? Number(changed[1]) : null };
}

/** Driver: runs the pipeline (untimed) and then times `siteStep` as `opsbook build` runs it. Exit 3: no siteStep in this tree. */
async function drive(dir: string, asOfText: string): Promise<number> {
  const mod = (rel: string) => import(pathToFileURL(path.join(dir, rel)).href);
  const build = await mod('scripts/commands/build.ts');
  if (typeof build.siteStep !== 'function') return 3;
  const { resolveGlobals } = await mod('scripts/commands/context.ts');
  const { runPipeline } = await mod('scripts/pipeline/run-pipeline.ts');
  const g = { ...resolveGlobals({ root: dir, asOf: asOfText === 'now' ? undefined : asOfText }), interactive: false };
  const out = fs.mkdtempSync(path.join(os.tmpdir(), 'opsbook-site-bench-out-'));
  try {
    const res = await runPipeline(dir, { asOf: g.asOf, skipReports: true, outDir: out });
    if (!res.ok) throw new Error(`pipeline failed: ${res.steps.map((s: { name: string; result: string }) => `${s.name}: ${s.result}`).join('; ')}`);
    const cpu0 = cpuSecondsWithChildren();
    const t0 = performance.now();
    const step = await build.siteStep(res, g);
    const ms = Math.round(performance.now() - t0);
    const cpu1 = cpuSecondsWithChildren();
    if (!step.ok) throw new Error(step.result);
    process.stdout.write(`OPSBOOK-STEP ${ms} ${cpu0 === null || cpu1 === null ? 'null' : (cpu1 - cpu0).toFixed(2)}\n`);
    return 0;
  } finally {
    fs.rmSync(out, { recursive: true, force: true });
  }
}

/** The newest ticket file of the copy (the record a person would most likely edit). */
function newestTicket(dir: string): string {
  const base = path.join(dir, 'records', 'tickets');
  const all: string[] = [];
  const walk = (d: string) => {
    for (const e of fs.readdirSync(d, { withFileTypes: true })) {
      if (e.isDirectory()) walk(path.join(d, e.name));
      else if (e.name.endsWith('.yaml')) all.push(path.join(d, e.name));
    }
  };
  walk(base);
  return all.sort().at(-1)!;
}

/** A fresh clone's state: no caches, no build output, no generated pages (gitignored). */
function clean(dir: string): void {
  for (const p of ['node_modules/.cache', '.docusaurus', 'build']) fs.rmSync(path.join(dir, p), { recursive: true, force: true });
  for (const base of ['docs', ...fs.readdirSync(dir).filter((d) => d.endsWith('_versioned_docs'))]) {
    const walk = (d: string) => {
      if (!fs.existsSync(d)) return;
      for (const e of fs.readdirSync(d, { withFileTypes: true })) {
        if (!e.isDirectory()) continue;
        if (e.name === 'generated') fs.rmSync(path.join(d, e.name), { recursive: true, force: true });
        else walk(path.join(d, e.name));
      }
    };
    walk(path.join(dir, base));
  }
}

const LABEL: Record<SiteBuildMode, string> = {
  'site-build': 'the whole `opsbook site build` process, start-up included (loads the KB and computes the pages\' results itself)',
  'build-step': 'the site step of `opsbook build` (generated pages from the pipeline\'s load and results, then Docusaurus), timed inside the build process',
};

/** Runs the bench; `log` receives progress lines. */
export function benchSiteRebuild(opts: { repeat?: number; asOf?: string; ref?: string; modes?: SiteBuildMode[]; unchanged?: boolean; source?: boolean; log?: (s: string) => void } = {}): SiteRebuildResult {
  const repeat = opts.repeat ?? 3;
  const asOf = opts.asOf ?? '2026-11-26T12:00:00+08:00';
  const log = opts.log ?? (() => {});
  const unchanged = opts.unchanged ?? true;
  let modes = opts.modes ?? ['site-build', 'build-step'];
  const dir = copyRepository(opts.ref);
  log(`site bench: copy in ${dir}`);
  const samples: SiteRebuildSample[] = [];
  let compiled = false;
  try {
    if (modes.includes('site-build') && !opts.source) compiled = compileCopy(dir, log);
    const ticket = newestTicket(dir);
    const original = fs.readFileSync(ticket, 'utf8');
    let edit = 0;
    for (let i = 0; i < repeat; i++) {
      for (const mode of modes) {
        const run = () => (mode === 'site-build' ? siteBuild(dir, asOf) : siteStepBuild(dir, asOf));
        fs.writeFileSync(ticket, original);
        clean(dir);
        const full = run();
        if (!full) {
          log(`  ${mode}: not available in this tree (no siteStep in commands/build.ts), skipped`);
          modes = modes.filter((m) => m !== mode);
          continue;
        }
        samples.push({ mode, kind: 'full', ...full });
        log(`  #${i + 1} ${mode} full build: ${full.ms} ms, ${full.cpuS} s CPU`);
        if (unchanged) {
          const same = run()!;
          samples.push({ mode, kind: 'unchanged', ...same });
          log(`  #${i + 1} ${mode} unchanged rebuild: ${same.ms} ms, ${same.cpuS} s CPU (${same.changed} generated file(s) rewritten)`);
        }
        fs.writeFileSync(ticket, original.replace(/^title: (.*)$/m, (_m, t: string) => `title: ${t}（第 ${++edit} 次修改）`));
        const one = run()!;
        samples.push({ mode, kind: 'one-record', ...one });
        log(`  #${i + 1} ${mode} one record changed: ${one.ms} ms, ${one.cpuS} s CPU (${one.changed} generated file(s) rewritten)`);
      }
    }
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
  const out: SiteRebuildResult['modes'] = [];
  const tables: string[] = [
    `${os.cpus().length} × ${os.cpus()[0]?.model ?? 'CPU'}, load average ${os.loadavg().map((x) => x.toFixed(1)).join(' / ')} at the end; ${repeat} interleaved round(s) (the modes alternate within each round); as-of ${asOf === 'now' ? 'now (each build at its own time)' : asOf}; \`site build\` ran ${compiled ? 'compiled (`node dist/cli.js`)' : 'from the sources (tsx)'}; a full build starts with no caches and no generated pages; CPU = seconds of the process tree.`,
  ];
  for (const mode of modes) {
    const of = (k: SiteRebuildSample['kind']) => samples.filter((s) => s.mode === mode && s.kind === k);
    const ms = (k: SiteRebuildSample['kind']) => of(k).map((s) => s.ms);
    const cpu = (k: SiteRebuildSample['kind']) => of(k).map((s) => s.cpuS);
    const medians = { full: median(ms('full')), unchanged: median(ms('unchanged')), 'one-record': median(ms('one-record')) };
    // paired within each round (the same load), then the median over rounds
    const wallRatio = (k: SiteRebuildSample['kind']) => median(ms(k).map((v, i) => v / ms('full')[i]!));
    const cpuRatio = (k: SiteRebuildSample['kind']) => {
      const xs = cpu(k).map((c, i) => (c !== null && cpu('full')[i] ? c / cpu('full')[i]! : NaN)).filter(Number.isFinite);
      return xs.length ? median(xs) : null;
    };
    out.push({ mode, medians, ratio: wallRatio('one-record'), cpuRatio: cpuRatio('one-record') });
    const changed = of('one-record')[0]?.changed;
    const row = (label: string, k: SiteRebuildSample['kind']) => {
      const c = cpuRatio(k);
      return `| ${label} | ${medians[k]} | ${ms(k).join(', ')} | ${k === 'full' ? '1.00' : wallRatio(k).toFixed(2)} | ${median(cpu(k).map((x) => x ?? NaN))} | ${cpu(k).map((x) => x ?? '—').join(', ')} | ${k === 'full' ? '1.00' : c === null ? '—' : c.toFixed(2)} |`;
    };
    tables.push('', `**${mode}**: ${LABEL[mode]}.`, '',
      "| build | median ms | each round ms | wall vs full (median of paired ratios) | median CPU s | each round CPU s | CPU vs full (median of paired ratios) |",
      '|---|---:|---|---:|---:|---|---:|',
      row('full (no caches, fresh clone)', 'full'),
      ...(unchanged ? [row('unchanged (warm caches)', 'unchanged')] : []),
      row(`one ticket edited (${changed ?? '?'} generated file(s) rewritten)`, 'one-record'));
  }
  return { samples, modes: out, table: tables.join('\n') };
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const arg = (name: string) => {
    const i = process.argv.indexOf(`--${name}`);
    return i > 0 ? process.argv[i + 1] : undefined;
  };
  const driven = arg('drive');
  if (driven) {
    process.exitCode = await drive(driven, arg('as-of')!);
  } else {
    const modes = arg('modes')?.split(',') as SiteBuildMode[] | undefined;
    const res = benchSiteRebuild({ repeat: Number(arg('repeat') ?? '3'), asOf: arg('as-of'), ref: arg('ref'), modes, unchanged: !process.argv.includes('--no-unchanged'), source: process.argv.includes('--source'), log: (s) => process.stderr.write(`${s}\n`) });
    process.stdout.write(`${res.table}\n`);
  }
}
