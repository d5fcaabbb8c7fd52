/**
 * Renderer bench: `report all` with every PDF against one annual PDF, both
 * as whole CLI processes (start-up included), interleaved in the same run.
 * Target (issue #14): all reports ≤ 3× one annual PDF.
 * Usage: `tsx scripts/bench/reports.ts [--root KB] [--repeat N]`, or
 * `npm run bench -- --reports` (after the validation bench). Prints a
 * Markdown table; asserts nothing.
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const HERE = path.dirname(fileURLToPath(import.meta.url));
const REPO = path.resolve(HERE, '..', '..');
const DIST = path.join(REPO, 'dist', 'cli.js');
const TSX = path.join(REPO, 'node_modules', 'tsx', 'dist', 'cli.mjs');

const arg = (name: string, def: string) => {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? process.argv[i + 1]! : def;
};
const root = path.resolve(arg('root', REPO));
const repeat = Number(arg('repeat', '3'));
const asOf = arg('as-of', '2026-11-26T12:00:00+08:00');

/** Runs the CLI (dist/cli.js when built, else tsx) and returns its wall time. */
function cli(args: string[]): { ms: number } {
  const cmd = fs.existsSync(DIST) ? [DIST] : [TSX, path.join(REPO, 'scripts', 'cli.ts')];
  const t0 = performance.now();
  const r = spawnSync(process.execPath, [...cmd, ...args, '--root', root, '--as-of', asOf], { encoding: 'utf8', maxBuffer: 1 << 26 });
  const ms = performance.now() - t0;
  if (r.status !== 0) throw new Error(`opsbook ${args.join(' ')} failed (${r.status}): ${r.stderr}`);
  return { ms: Math.round(ms) };
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'opsbook-bench-reports-'));
const one: number[] = [];
const all: number[] = [];
let count = 0;
try {
  for (let i = 0; i < repeat; i++) {
    const a = cli(['report', 'annual', '--format', 'pdf', '--out', path.join(tmp, `annual-${i}.pdf`)]);
    one.push(a.ms);
    process.stderr.write(`  annual pdf #${i + 1}: ${a.ms} ms\n`);
    const dir = path.join(tmp, `all-${i}`);
    // every report, delivered or not: the renderers' cost, not the delivery register's savings
    const b = cli(['report', 'all', '--include-delivered', '--out', dir]);
    all.push(b.ms);
    count = fs.readdirSync(dir).filter((f) => f.endsWith('.pdf')).length;
    process.stderr.write(`  report all (${count} PDF) #${i + 1}: ${b.ms} ms\n`);
  }
} finally {
  fs.rmSync(tmp, { recursive: true, force: true });
}
const ratio = median(all) / median(one);
process.stdout.write(`
| knowledge base | reports (PDF + DOCX + MD) | one annual PDF ms | report all ms | ratio (target ≤ 3×) |
|---|---:|---:|---:|---:|
| ${path.relative(REPO, root) || 'demo KB (this repository)'} | ${count} | ${median(one)} | ${median(all)} | ${ratio.toFixed(2)}× |

${os.cpus().length} × ${os.cpus()[0]?.model ?? 'cpu'}, Node ${process.version}; whole processes (start-up included), interleaved, median of ${repeat}; ${fs.existsSync(DIST) ? 'dist/cli.js' : 'tsx scripts/cli.ts'}.
`);
