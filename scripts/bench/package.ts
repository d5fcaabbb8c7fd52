/**
 * Benchmark of opsbook as an installed package (issue #16), one run, tasks
 * interleaved, medians of whole-process wall times (start-up included):
 *
 * - start-up: `opsbook --help` / `--version` through the installed bin
 *   (node_modules/.bin/opsbook → dist/cli.js) against `node -e 0`, and
 *   `npx opsbook --help` for what a user types;
 * - `validate`, `sla`, `compliance` on the demo knowledge base: the installed
 *   compiled CLI against the source CLI as `npm run opsbook` runs it (tsx).
 *
 * Usage: tsx scripts/bench/package.ts [--installed KB_DIR] [--repeat N] [--out FILE]
 * Without --installed it packs this repository and installs the tarball into
 * a temporary folder first (npm cache first). Prints a Markdown section;
 * `npm run bench` appends it to RESULTS.md. Nothing here asserts a time.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const HERE = path.dirname(fileURLToPath(import.meta.url));
const REPO = path.resolve(HERE, '..', '..');
const TSX = path.join(REPO, 'node_modules', 'tsx', 'dist', 'cli.mjs');
const AS_OF = '2026-11-30T12:00:00+08:00';

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
const log = (s: string) => process.stderr.write(`${s}\n`);

function wall(cmd: string, args: string[], cwd: string): number {
  const t0 = performance.now();
  const r = spawnSync(cmd, args, { cwd, stdio: ['ignore', 'ignore', 'pipe'], encoding: 'utf8' });
  const ms = performance.now() - t0;
  if (r.status !== 0 && r.status !== 1) throw new Error(`${cmd} ${args.join(' ')} failed (${r.status}): ${r.stderr}`);
  return ms;
}

/** Packs this repository and installs the tarball into a fresh folder; returns the KB folder. */
export function installPackage(): string {
  const work = fs.mkdtempSync(path.join(os.tmpdir(), 'opsbook-bench-pkg-'));
  log(`bench: npm pack → ${work}`);
  const out = execFileSync('npm', ['pack', '--json', '--pack-destination', work], { cwd: REPO, encoding: 'utf8', stdio: ['ignore', 'pipe', 'inherit'] });
  const tgz = path.join(work, (JSON.parse(out.slice(out.indexOf('['))) as { filename: string }[])[0]!.filename);
  const kb = path.join(work, 'kb');
  fs.mkdirSync(kb);
  log('bench: npm install <tarball>');
  execFileSync('npm', ['install', '--prefer-offline', '--no-audit', '--no-fund', tgz], { cwd: kb, stdio: ['ignore', 'ignore', 'inherit'] });
  return kb;
}

/** Runs the benchmark against an installed KB folder; returns a Markdown section. */
export function benchPackage(opts: { installed?: string; repeat?: number } = {}): string {
  const kb = opts.installed ? path.resolve(opts.installed) : installPackage();
  const bin = path.join(kb, 'node_modules', '.bin', 'opsbook');
  if (!fs.existsSync(bin)) throw new Error(`${bin}: not an installed opsbook (run without --installed to pack and install one)`);
  const repeat = opts.repeat ?? 5;
  const loadBefore = os.loadavg().map((x) => x.toFixed(2)).join(', ');
  const startup: Record<string, [string, string[]]> = {
    'node -e 0': [process.execPath, ['-e', '0']],
    'opsbook --help': [bin, ['--help']],
    'opsbook --version': [bin, ['--version']],
    'npx opsbook --help': ['npx', ['--no-install', 'opsbook', '--help']],
  };
  const s: Record<string, number[]> = Object.fromEntries(Object.keys(startup).map((k) => [k, []]));
  for (const [cmd, args] of Object.values(startup)) wall(cmd, args, kb); // warm the file cache
  for (let i = 0; i < repeat * 2; i++) for (const [k, [cmd, args]] of Object.entries(startup)) s[k]!.push(wall(cmd, args, kb));
  const base = median(s['node -e 0']!);
  const startRows = Object.keys(startup).map((k) => `| \`${k}\` | ${Math.round(median(s[k]!))} | ${(median(s[k]!) / base).toFixed(2)}× |`);
  log(`bench: start-up ${startRows.join(' ')}`);

  const commands = [['validate'], ['sla', '--json'], ['compliance', '--json']];
  const cmdRows: string[] = [];
  for (const c of commands) {
    const args = [...c, '--root', REPO, '--as-of', AS_OF];
    const compiled: number[] = [];
    const source: number[] = [];
    for (let i = 0; i < repeat; i++) {
      compiled.push(wall(bin, args, REPO));
      source.push(wall(process.execPath, [TSX, path.join(REPO, 'scripts', 'cli.ts'), ...args], REPO));
    }
    const mc = median(compiled);
    const ms = median(source);
    cmdRows.push(`| \`${c.join(' ')}\` | ${Math.round(ms)} | ${Math.round(mc)} | ${(mc / ms).toFixed(2)}× | ${Math.round((1 - mc / ms) * 100)}% |`);
    log(`bench: ${cmdRows[cmdRows.length - 1]}`);
  }
  const loadAfter = os.loadavg().map((x) => x.toFixed(2)).join(', ');
  return `## Installed package (issue #16)

\`scripts/bench/package.ts\`, ${new Date().toISOString().slice(0, 10)}, Node ${process.version}, ${os.cpus().length} cores: whole-process wall
times (start-up included), medians; start-up ${repeat * 2} rounds and commands ${repeat} rounds, interleaved.
The package was packed from this checkout and installed with \`npm install <tarball>\`.
Load average (1, 5, 15 min, as \`uptime\` shows it): ${loadBefore} before, ${loadAfter} after — a shared machine, so read ratios, not milliseconds.

| start-up | ms | × \`node -e 0\` |
|---|---:|---:|
${startRows.join('\n')}

Demo knowledge base, \`--as-of ${AS_OF}\`: source = \`tsx scripts/cli.ts\` (\`npm run opsbook\`), compiled = the installed bin.

| command | source ms | compiled ms | compiled / source | saved |
|---|---:|---:|---:|---:|
${cmdRows.join('\n')}
`;
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const arg = (name: string) => {
    const i = process.argv.indexOf(`--${name}`);
    return i > 0 ? process.argv[i + 1] : undefined;
  };
  const md = benchPackage({ installed: arg('installed'), repeat: arg('repeat') ? Number(arg('repeat')) : undefined });
  const out = arg('out');
  if (out) fs.writeFileSync(out, md);
  process.stdout.write(md);
}
