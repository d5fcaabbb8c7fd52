/**
 * `npm run bench [-- --sizes 10000,20000,100000 --repeat 3 --only validate,ajv-cli --no-patho]`
 * (`-- --site`: the site rebuild bench instead, scripts/bench/site-rebuild.ts; `-- --reports`: the renderer bench after)
 *
 * Times whole processes, start-up included: every task of scripts/bench/tasks/*.ts
 * runs as fresh `node` processes on the same synthetic knowledge base, tasks
 * interleaved and repeated, medians of wall time (spawn to exit), CPU time
 * (user + system, all threads) and peak RSS, ratios against the baseline
 * task (ajv-cli) measured in the same run. Then the pathological-input
 * cases (scripts/bench/patho.ts). Writes scripts/bench/RESULTS.md after each
 * size (a long run keeps what it measured), keeping its `## Notes`.
 * Benchmarks, not tests: nothing here asserts a time.
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { writeSynthKb } from '../synth/index.js';
import type { BenchCommand, BenchContext, BenchTask } from './types.js';

const HERE = path.dirname(fileURLToPath(import.meta.url));
const REPO = path.resolve(HERE, '..', '..');
const RUSAGE = path.join(HERE, 'rusage.cjs');

const arg = (name: string, def: string) => {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? process.argv[i + 1]! : def;
};
const sizes = arg('sizes', '10000,20000,100000').split(',').map(Number);
const repeat = Number(arg('repeat', '3'));
const only = process.argv.includes('--only') ? new Set(arg('only', '').split(',')) : undefined;
const out = arg('out', path.join(HERE, 'RESULTS.md'));
const log = (s: string) => process.stderr.write(`${s}\n`);

/** How to run the CLI: the compiled build when there is one (as installed), else TypeScript through tsx. */
const DIST_CLI = path.join(REPO, 'dist', 'cli.js');
const opsbookArgs = fs.existsSync(DIST_CLI) ? [DIST_CLI] : ['--import', pathToFileURL(path.join(REPO, 'node_modules', 'tsx', 'dist', 'loader.mjs')).href, path.join(REPO, 'scripts', 'cli.ts')];

// The compiled build writes its precompiled schema validators at its first run; write them now, untimed,
// as `npm run build:validators` does, so no timed run pays for that once-only step.
if (opsbookArgs[0] === DIST_CLI) (await import('../records/schema-validator.js')).writePrecompiled(path.join(REPO, 'dist', 'records'));

/** Every task file in tasks/, in name order; each exports `tasks`. */
async function loadTasks(): Promise<BenchTask[]> {
  const dir = path.join(HERE, 'tasks');
  const all: BenchTask[] = [];
  for (const f of fs.readdirSync(dir).filter((n) => /\.(ts|js)$/.test(n) && !n.endsWith('.d.ts')).sort()) {
    const mod = (await import(pathToFileURL(path.join(dir, f)).href)) as { tasks?: BenchTask[] };
    all.push(...(mod.tasks ?? []));
  }
  return all.filter((t) => !only || only.has(t.id));
}

interface Sample { wallMs: number; cpuMs: number; maxRssMb: number }

/** Runs one command as a fresh node process: wall time around the spawn, CPU and RSS from the preload. */
function runCommand(c: BenchCommand, scratch: string): Sample {
  const usageFile = path.join(scratch, `rusage-${process.pid}.json`);
  fs.rmSync(usageFile, { force: true });
  const env = { ...process.env, ...c.env, NO_COLOR: '1', OPSBOOK_BENCH_RUSAGE: usageFile, NODE_OPTIONS: `${process.env.NODE_OPTIONS ?? ''} --require ${RUSAGE}`.trim() };
  const t0 = performance.now();
  const r = spawnSync(process.execPath, c.args, { cwd: c.cwd ?? scratch, env, stdio: ['ignore', 'ignore', 'pipe'], maxBuffer: 1 << 28 });
  const wallMs = performance.now() - t0;
  if (!(c.okCodes ?? [0, 1]).includes(r.status ?? -1)) throw new Error(`node ${c.args.join(' ')} exited ${r.status}: ${r.stderr?.toString().slice(-2000)}`);
  const u = fs.existsSync(usageFile) ? (JSON.parse(fs.readFileSync(usageFile, 'utf8')) as { userUs: number; sysUs: number; maxRssKb: number }) : undefined;
  return { wallMs, cpuMs: u ? (u.userUs + u.sysUs) / 1000 : NaN, maxRssMb: u ? u.maxRssKb / 1024 : NaN };
}

/** One sample of a task: its commands one after another, times added, the largest RSS. */
function runTask(t: BenchTask, ctx: BenchContext): Sample {
  const parts = t.commands(ctx).map((c) => runCommand(c, ctx.tmp));
  return { wallMs: parts.reduce((a, p) => a + p.wallMs, 0), cpuMs: parts.reduce((a, p) => a + p.cpuMs, 0), maxRssMb: Math.max(...parts.map((p) => p.maxRssMb)) };
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
const s1 = (ms: number) => (ms / 1000).toFixed(2);

// `npm run bench -- --site [--repeat N]`: the site rebuild after one record changes against a full build
// (scripts/bench/site-rebuild.ts; figures in scripts/site/README.md), instead of the record benches.
if (process.argv.includes('--site')) {
  const { benchSiteRebuild } = await import('./site-rebuild.js');
  process.stdout.write(`${benchSiteRebuild({ repeat: Number(arg('repeat', '3')), log }).table}\n`);
  process.exit(0);
}

/** Writes RESULTS.md from what is measured so far (hand-written notes under `## Notes` kept); returns the generated part. */
function writeResults(): string {
  const loadAfter = os.loadavg();
  const cpu = os.cpus()[0]?.model ?? 'unknown';
  const shared = Math.max(loadBefore[0]!, loadAfter[0]!) > os.availableParallelism() / 2;
  const md = `# Benchmarks

Generated by \`npm run bench\` (scripts/bench/run.ts) on ${new Date().toISOString().slice(0, 10)}:
${os.availableParallelism()} cores (${cpu}), ${Math.round(os.totalmem() / 2 ** 30)} GiB, Node ${process.version}, ${os.platform()} ${os.release()}.
opsbook ran as ${opsbookArgs[0] === DIST_CLI ? '`node dist/cli.js` (the compiled build)' : '`node --import tsx scripts/cli.ts` (no compiled build found)'}.
1-minute load average ${loadBefore[0]!.toFixed(1)} before, ${loadAfter[0]!.toFixed(1)} after${shared ? ': **the machine was shared with other work**, so wall times are noisy; ratios of tasks interleaved in the same run are the figures to read, and CPU time is steadier than wall time' : ''}.

Each task is one or more whole \`node\` processes, timed from spawn to exit (start-up included), on the
same synthetic knowledge base (\`opsbook synth --seed bench\`); tasks interleaved, ${repeat} runs each, medians.
CPU is user + system time of the whole process (all threads), peak RSS its largest resident set.
Ratios (×) are against ${baseline ? `**${baseline.label}**` : 'nothing'} in the same run.

${tasks.map((t) => `- **${t.label}**: ${t.description}`).join('\n')}

## Validation

${tables.join('\n')}${patho}`;
  // hand-written notes below NOTES_HEADING survive a new run
  const NOTES_HEADING = '\n## Notes';
  const previous = fs.existsSync(out) ? fs.readFileSync(out, 'utf8') : '';
  const notes = previous.includes(NOTES_HEADING) ? previous.slice(previous.indexOf(NOTES_HEADING)) : '';
  fs.writeFileSync(out, `${md}${notes}`);
  return md;
}

const tasks = await loadTasks();
const baseline = tasks.find((t) => t.baseline);
const loadBefore = os.loadavg();
const tables: string[] = [];
let patho = '';
for (const n of sizes) {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), `opsbook-bench-${n}-`));
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), `opsbook-bench-scratch-${n}-`));
  log(`synth ${n} tickets → ${root}`);
  const files = await writeSynthKb(root, { tickets: n, seed: 'bench' });
  const ctx: BenchContext = { root, tickets: n, files, repo: REPO, tmp, opsbook: opsbookArgs };
  const here = tasks.filter((t) => !t.runsAt || t.runsAt(n));
  for (const t of here) t.setup?.(ctx);
  const samples = new Map<BenchTask, Sample[]>(here.map((t) => [t, []]));
  for (let i = 0; i < repeat; i++) {
    for (const t of here) {
      const s = runTask(t, ctx);
      samples.get(t)!.push(s);
      log(`  ${n} ${t.id} #${i + 1}: ${Math.round(s.wallMs)} ms wall, ${Math.round(s.cpuMs)} ms CPU, ${Math.round(s.maxRssMb)} MB`);
    }
  }
  const med = (t: BenchTask, k: keyof Sample) => median(samples.get(t)!.map((s) => s[k]));
  const base = baseline && samples.has(baseline) ? baseline : undefined;
  const cell = (t: BenchTask, k: 'wallMs' | 'cpuMs') => `${s1(med(t, k))}${base && t.compare ? ` (${(med(t, k) / med(base, k)).toFixed(2)}×)` : ''}`;
  tables.push([
    `### ${n.toLocaleString('en')} tickets (${files.toLocaleString('en')} files)`,
    '',
    '| task | wall s | CPU s | peak RSS MB |',
    '|---|---:|---:|---:|',
    ...here.map((t) => `| ${t.label} | ${cell(t, 'wallMs')} | ${cell(t, 'cpuMs')} | ${Math.round(med(t, 'maxRssMb'))} |`),
    '',
  ].join('\n'));
  fs.rmSync(root, { recursive: true, force: true });
  fs.rmSync(tmp, { recursive: true, force: true });
  writeResults();
}

if (!process.argv.includes('--no-patho')) {
  log('pathological inputs');
  const r = spawnSync(process.execPath, ['--import', pathToFileURL(path.join(REPO, 'node_modules', 'tsx', 'dist', 'loader.mjs')).href, path.join(HERE, 'patho.ts'), ...opsbookArgs], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'inherit'], maxBuffer: 1 << 26 });
  if (r.status !== 0) throw new Error('patho.ts failed');
  patho = r.stdout;
}
process.stdout.write(writeResults());

// opsbook as an installed package: start-up against `node -e 0`, compiled against source (scripts/bench/package.ts)
if (!process.argv.includes('--no-package')) {
  const { benchPackage } = await import('./package.js');
  const section = benchPackage({ installed: arg('installed', '') || undefined, repeat: Math.max(repeat, 5) });
  fs.appendFileSync(out, `\n${section}`);
  process.stdout.write(section);
}

// Renderer bench (scripts/bench/reports.ts): `npm run bench -- --reports`.
if (process.argv.includes('--reports')) await import('./reports.js');
