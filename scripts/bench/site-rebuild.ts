/**
 * Bench: the site rebuild after one record changes, against a full build.
 *
 *   tsx scripts/bench/site-rebuild.ts [--repeat 3] [--as-of 2026-11-26T12:00:00+08:00] [--ref COMMIT]
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
 * Every figure is the wall time of the whole `opsbook site build` process,
 * start-up included. Prints a Markdown table and the ratio one-record / full
 * (target < 0.5, issue #17). A benchmark, not a test: nothing is asserted.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const REPO = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');

export interface SiteRebuildSample {
  kind: 'full' | 'unchanged' | 'one-record';
  ms: number;
  /** CPU seconds (user + system) of the whole process tree, when GNU time is installed; steadier than wall time on a shared machine. */
  cpuS: number | null;
  /** Generated files the build rewrote (from `site: … N file(s) changed`). */
  changed: number | null;
}

export interface SiteRebuildResult {
  samples: SiteRebuildSample[];
  medians: Record<SiteRebuildSample['kind'], number>;
  ratio: number;
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

/** Runs `opsbook site build` in the copy; wall time including start-up, and CPU time via GNU time when present. */
function siteBuild(dir: string, asOf: string): { ms: number; cpuS: number | null; changed: number | null } {
  const tsx = path.join(dir, 'node_modules', 'tsx', 'dist', 'cli.mjs');
  const command = [process.execPath, tsx, path.join(dir, 'scripts', 'cli.ts'), 'site', 'build', '--as-of', asOf];
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

/** Runs the bench; `log` receives progress lines. */
export function benchSiteRebuild(opts: { repeat?: number; asOf?: string; ref?: string; log?: (s: string) => void } = {}): SiteRebuildResult {
  const repeat = opts.repeat ?? 3;
  const asOf = opts.asOf ?? '2026-11-26T12:00:00+08:00';
  const log = opts.log ?? (() => {});
  const dir = copyRepository(opts.ref);
  log(`site bench: copy in ${dir}`);
  const samples: SiteRebuildSample[] = [];
  try {
    const ticket = newestTicket(dir);
    const original = fs.readFileSync(ticket, 'utf8');
    for (let i = 0; i < repeat; i++) {
      fs.writeFileSync(ticket, original);
      for (const p of ['node_modules/.cache', '.docusaurus', 'build']) fs.rmSync(path.join(dir, p), { recursive: true, force: true });
      const full = siteBuild(dir, asOf);
      samples.push({ kind: 'full', ...full });
      log(`  #${i + 1} full build: ${full.ms} ms, ${full.cpuS} s CPU`);
      const same = siteBuild(dir, asOf);
      samples.push({ kind: 'unchanged', ...same });
      log(`  #${i + 1} unchanged rebuild: ${same.ms} ms, ${same.cpuS} s CPU (${same.changed} generated file(s) rewritten)`);
      fs.writeFileSync(ticket, original.replace(/^title: (.*)$/m, (_m, t: string) => `title: ${t}（第 ${i + 1} 次修改）`));
      const one = siteBuild(dir, asOf);
      samples.push({ kind: 'one-record', ...one });
      log(`  #${i + 1} one record changed: ${one.ms} ms, ${one.cpuS} s CPU (${one.changed} generated file(s) rewritten)`);
    }
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
  const of = (k: SiteRebuildSample['kind']) => samples.filter((s) => s.kind === k).map((s) => s.ms);
  const medians = { full: median(of('full')), unchanged: median(of('unchanged')), 'one-record': median(of('one-record')) };
  // paired within each round (the same load), then the median over rounds
  const ratios = of('one-record').map((ms, i) => ms / of('full')[i]!);
  const unchangedRatios = of('unchanged').map((ms, i) => ms / of('full')[i]!);
  const ratio = median(ratios);
  const changed = samples.find((s) => s.kind === 'one-record')?.changed;
  const cpu = (k: SiteRebuildSample['kind']) => samples.filter((s) => s.kind === k).map((s) => s.cpuS);
  const cpuRatio = (k: SiteRebuildSample['kind']) => {
    const xs = cpu(k).map((c, i) => (c !== null && cpu('full')[i] ? c / cpu('full')[i]! : NaN)).filter(Number.isFinite);
    return xs.length ? median(xs).toFixed(2) : '—';
  };
  const row = (label: string, k: SiteRebuildSample['kind'], r: string) =>
    `| ${label} | ${medians[k]} | ${of(k).join(', ')} | ${r} | ${cpu(k).map((c) => c ?? '—').join(', ')} | ${k === 'full' ? '1.00' : cpuRatio(k)} |`;
  const table = [
    `${os.cpus().length} × ${os.cpus()[0]?.model ?? 'CPU'}, load average ${os.loadavg().map((x) => x.toFixed(1)).join(' / ')} at the end; ${repeat} interleaved round(s); wall time of \`opsbook site build\` including start-up, and CPU seconds of its process tree.`,
    '',
    "| build | median ms | each round ms | vs full (median of the rounds' ratios) | each round CPU s | CPU vs full |",
    '|---|---:|---|---:|---|---:|',
    row('full (no caches, fresh clone)', 'full', '1.00'),
    row('unchanged (warm caches)', 'unchanged', median(unchangedRatios).toFixed(2)),
    row(`one ticket edited (${changed ?? '?'} generated file(s) rewritten)`, 'one-record', ratio.toFixed(2)),
  ].join('\n');
  return { samples, medians, ratio, table };
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const arg = (name: string) => {
    const i = process.argv.indexOf(`--${name}`);
    return i > 0 ? process.argv[i + 1] : undefined;
  };
  const res = benchSiteRebuild({ repeat: Number(arg('repeat') ?? '3'), asOf: arg('as-of'), ref: arg('ref'), log: (s) => process.stderr.write(`${s}\n`) });
  process.stdout.write(`${res.table}\n`);
}
