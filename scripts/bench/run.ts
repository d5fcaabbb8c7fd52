/**
 * `npm run bench [-- --sizes 10000,100000 --repeat 3]`: one run, the same
 * files, each task in a fresh process (so peak RSS is per task), tasks
 * interleaved and repeated, medians compared as ratios against the floor
 * (read every file + `yaml` parse). Writes scripts/bench/RESULTS.md.
 * Benchmarks, not tests: nothing here asserts a time.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { listRecordFiles } from '../records/index.js';
import { writeSynthKb } from '../synth/index.js';
import { runPipelineTask } from './pipeline-task.js';

const HERE = path.dirname(fileURLToPath(import.meta.url));
const REPO = path.resolve(HERE, '..', '..');
const TSX = path.join(REPO, 'node_modules', 'tsx', 'dist', 'cli.mjs');
const CLI = path.join(REPO, 'scripts', 'cli.ts');

const arg = (name: string, def: string) => {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? process.argv[i + 1]! : def;
};
const sizes = arg('sizes', '10000,100000').split(',').map(Number);
const repeat = Number(arg('repeat', '3'));
const out = arg('out', path.join(HERE, 'RESULTS.md'));

interface Sample { ms: number; maxRssMb: number; [k: string]: unknown }

function task(name: string, root: string): Sample {
  // `validate-1t` is validate on one thread (no worker threads), to compare like with like
  const env = name === 'validate-1t' ? { ...process.env, OPSBOOK_WORKERS: '0' } : process.env;
  const r = spawnSync(process.execPath, [TSX, path.join(HERE, 'task.ts'), name === 'validate-1t' ? 'validate' : name, root], { encoding: 'utf8', maxBuffer: 1 << 26, env });
  if (r.status !== 0) throw new Error(`${name} failed: ${r.stderr}`);
  return JSON.parse(r.stdout.trim().split('\n').pop()!) as Sample;
}

function cliWall(args: string[], cwd: string): Sample {
  const t0 = performance.now();
  const r = spawnSync(process.execPath, ['--expose-gc', TSX, CLI, ...args], { cwd, encoding: 'utf8', maxBuffer: 1 << 26 });
  const ms = performance.now() - t0;
  if (r.status !== 0 && r.status !== 1) throw new Error(`opsbook ${args.join(' ')} failed: ${r.stderr}`);
  return { ms: Math.round(ms), maxRssMb: NaN };
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
const log = (s: string) => process.stderr.write(`${s}\n`);

// `npm run bench -- --site [--repeat N]`: the site rebuild after one record changes against a full build
// (scripts/bench/site-rebuild.ts; figures in scripts/site/README.md), instead of the record benches.
if (process.argv.includes('--site')) {
  const { benchSiteRebuild } = await import('./site-rebuild.js');
  process.stdout.write(`${benchSiteRebuild({ repeat: Number(arg('repeat', '3')), log }).table}\n`);
  process.exit(0);
}

const rows: string[] = [];
for (const n of sizes) {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), `opsbook-bench-${n}-`));
  log(`synth ${n} tickets → ${dir}`);
  const files = await writeSynthKb(dir, { tickets: n, seed: 'bench' });
  const tasks = ['floor', 'validate', 'validate-1t', 'ajv-plain', 'sla-compliance'];
  const samples: Record<string, Sample[]> = Object.fromEntries(tasks.map((t) => [t, []]));
  for (let i = 0; i < repeat; i++) {
    for (const t of tasks) {
      const s = task(t, dir);
      samples[t]!.push(s);
      log(`  ${n} ${t} #${i + 1}: ${s.ms} ms, ${s.maxRssMb} MB`);
    }
  }
  // validate --changed: a Git repository with 10 changed ticket files
  log('  git init + commit (for --changed)');
  const git = (...a: string[]) => execFileSync('git', ['-C', dir, ...a], { stdio: 'pipe', env: { ...process.env, GIT_AUTHOR_NAME: 'bench', GIT_AUTHOR_EMAIL: 'bench@example.invalid', GIT_COMMITTER_NAME: 'bench', GIT_COMMITTER_EMAIL: 'bench@example.invalid' } });
  git('init', '-q', '-b', 'main');
  git('add', '-A');
  git('commit', '-q', '-m', 'synthetic kb', '--no-gpg-sign');
  const tickets = listRecordFiles(dir).filter((f) => f.startsWith('records/tickets/'));
  for (const f of tickets.slice(0, 10)) fs.appendFileSync(path.join(dir, f), 'tags: [bench]\n');
  const changed: number[] = [];
  for (let i = 0; i < repeat; i++) changed.push(cliWall(['validate', '--changed', 'HEAD', '--no-scan', '--root', dir], dir).ms);
  // the one-period pipeline: a whole `opsbook build --skip-site --skip-pdf --period <last>` process (pipeline-task.ts)
  const pipeline = Array.from({ length: repeat }, (_, i) => {
    const s = runPipelineTask(dir);
    log(`  ${n} pipeline #${i + 1}: ${s.ms} ms, ${s.maxRssMb} MB (${s.summary.join(' | ')})`);
    return s;
  });
  const med = (t: string, k: 'ms' | 'maxRssMb' = 'ms') => median(samples[t]!.map((s) => s[k]));
  const floor = med('floor');
  const sc = samples['sla-compliance']!;
  rows.push(
    `| ${n.toLocaleString('en')} | ${files.toLocaleString('en')} | ${floor} | ${med('validate')} (${(med('validate') / floor).toFixed(2)}×) | ${med('validate-1t')} (${(med('validate-1t') / floor).toFixed(2)}×) | ${med('ajv-plain')} (${(med('ajv-plain') / floor).toFixed(2)}×) | ${median(sc.map((s) => Number(s.computeMs)))} | ${med('sla-compliance')} | ${median(changed)} | ${median(pipeline.map((s) => s.ms))} (${median(pipeline.map((s) => s.maxRssMb))} MB) | ${Math.max(...tasks.map((t) => med(t, 'maxRssMb')))} |`,
  );
  fs.rmSync(dir, { recursive: true, force: true });
  writeResults();
}

function writeResults(): void {
const cpu = os.cpus()[0]?.model ?? 'unknown';
const md = `# Benchmarks

Generated by \`npm run bench\` (scripts/bench/run.ts) on ${new Date().toISOString().slice(0, 10)}:
${os.cpus().length} × ${cpu}, ${Math.round(os.totalmem() / 2 ** 30)} GiB, Node ${process.version}, ${os.platform()} ${os.release()}.
Each task runs in a fresh process on the same synthetic knowledge base (\`opsbook synth --seed bench\`),
interleaved, ${repeat} times; the table shows medians in milliseconds measured after module loading.
Ratios are against the floor: walk \`records/\`, read every file and parse it with \`yaml\` (parseDocument).

- **validate**: \`loadKnowledgeBase\` — parse with positions, schema (ajv, compiled once), all cross-record rules;
  from 15,000 files on, the files are checked on one worker thread per core (2 here).
- **validate 1 thread**: the same with \`OPSBOOK_WORKERS=0\`, like for like with the single-threaded floor.
- **ajv-plain**: a plain script reading, parsing (\`yaml.parse\`) and validating each file with ajv, no positions, no rules.
- **sla+compliance**: compute only (after loading), every service period, evidence (guard scan, manuals,
  hand-over outlines) gathered once as \`opsbook build\` does; the total includes the load.
- **--changed**: wall time of the whole CLI (\`opsbook validate --changed HEAD --no-scan\`) with 10 changed tickets.
- **pipeline**: wall time of one whole \`opsbook build --skip-site --skip-pdf --period <last period>\` process, start-up
  included (validate, guard, SLA, compliance, audit, the delivery register, the reports due or suspect, on one load;
  the synthetic KB carries the delivery register a vendor keeps), and its peak RSS.
- **peak RSS**: the largest of the tasks' max RSS.

| tickets | files | floor ms | validate ms | validate 1 thread ms | ajv-plain ms | sla+compliance compute ms | load+sla+compliance ms | --changed (10) ms | pipeline ms (peak RSS) | peak RSS MB |
|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|
${rows.join('\n')}
`;
fs.writeFileSync(out, md);
process.stdout.write(md);
}

// opsbook as an installed package: start-up against `node -e 0`, compiled against source (scripts/bench/package.ts)
if (!process.argv.includes('--no-package')) {
  const { benchPackage } = await import('./package.js');
  const section = benchPackage({ installed: arg('installed', '') || undefined, repeat: Math.max(repeat, 5) });
  fs.appendFileSync(out, `\n${section}`);
  process.stdout.write(section);
}

// Renderer bench (scripts/bench/reports.ts): `npm run bench -- --reports`.
if (process.argv.includes('--reports')) await import('./reports.js');
