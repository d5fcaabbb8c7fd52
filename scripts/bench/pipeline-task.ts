/**
 * The one-period pipeline as a user runs it: one whole `opsbook build
 * --skip-site --skip-pdf --period <last period>` process (validate, guard,
 * SLA, compliance, audit, delivery register, the reports due or suspect, on
 * one load), timed from spawn to exit — start-up included — with the
 * process's peak RSS (worker threads included); a KB committed in one go gets
 * that commit as its audit baseline (adoption import). Runs the compiled CLI
 * (dist/cli.js) when it exists, else tsx + scripts/cli.ts.
 * Usage: tsx scripts/bench/pipeline-task.ts <kbRoot> [asOf]
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse } from 'yaml';

const HERE = path.dirname(fileURLToPath(import.meta.url));
const REPO = path.resolve(HERE, '..', '..');

/** As-of of the benchmarks (the synthetic KB's last period ends 2026-11-30). */
export const BENCH_AS_OF = '2026-11-26T12:00:00+08:00';

export interface PipelineSample {
  ms: number;
  maxRssMb: number;
  /** The build's own summary lines (stderr), for the record. */
  summary: string[];
}

/**
 * A synthetic KB committed in one go is an adoption import: like a vendor adopting opsbook, name that
 * commit as the audit baseline (opsbook.yaml `audit.baseline`), or the audit would report every record
 * as a late entry. Leaves a KB that has its own opsbook.yaml, or no Git history, as it is.
 */
export function markImportBaseline(root: string): void {
  const settings = path.join(root, 'opsbook.yaml');
  if (fs.existsSync(settings)) return;
  const head = spawnSync('git', ['-C', root, 'rev-list', '--max-parents=0', 'HEAD'], { encoding: 'utf8' });
  const first = head.status === 0 ? head.stdout.trim().split('\n')[0] : undefined;
  if (first) fs.writeFileSync(settings, `# synthetic KB: its first commit imported every record at once\naudit:\n  baseline: ${first}\n`);
}

/** The command line that runs the CLI in this checkout. */
function cliCommand(): string[] {
  const dist = path.join(REPO, 'dist', 'cli.js');
  if (fs.existsSync(dist)) return [dist];
  return ['--import', path.join(REPO, 'node_modules', 'tsx', 'dist', 'esm', 'index.mjs'), path.join(REPO, 'scripts', 'cli.ts')];
}

/**
 * Runs the pipeline once on `root` for its last service period.
 * @throws when the build fails
 */
export function runPipelineTask(root: string, asOf = BENCH_AS_OF): PipelineSample {
  markImportBaseline(root);
  const contract = parse(fs.readFileSync(path.join(root, 'records', 'contract.yaml'), 'utf8')) as { service_periods: { id: string }[] };
  const period = contract.service_periods[contract.service_periods.length - 1]!.id;
  const rss = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'opsbook-rss-')), 'rss');
  const args = ['--import', path.join(HERE, 'peak-rss.mjs'), ...cliCommand(), 'build', '--skip-site', '--skip-pdf', '--period', period, '--root', root, '--as-of', asOf];
  const t0 = performance.now();
  const r = spawnSync(process.execPath, args, { cwd: root, encoding: 'utf8', maxBuffer: 1 << 28, env: { ...process.env, OPSBOOK_BENCH_RSS: rss } });
  const ms = performance.now() - t0;
  if (r.status !== 0) throw new Error(`pipeline failed (exit ${r.status}): ${r.stderr.slice(-2000)}`);
  const maxRssMb = Math.round(Number(fs.readFileSync(rss, 'utf8')) / 1024);
  fs.rmSync(path.dirname(rss), { recursive: true, force: true });
  const summary = r.stderr.split('\n').filter((l) => /^\s+✔/.test(l)).map((l) => l.trim());
  return { ms: Math.round(ms), maxRssMb, summary };
}

if (process.argv[1] && fileURLToPath(import.meta.url) === path.resolve(process.argv[1])) {
  const s = runPipelineTask(path.resolve(process.argv[2] ?? '.'), process.argv[3]);
  process.stdout.write(`${JSON.stringify({ task: 'pipeline', ...s })}\n`);
}
