/**
 * Pathological inputs (run by run.ts, or alone: `tsx scripts/bench/patho.ts [node args of the CLI]`):
 * one hostile record file of growing size per case, checked in this process
 * (checkRecordFile, after a warm-up) to show that time grows linearly with
 * the input, then the whole CLI with and without the largest file to show
 * what one such file adds to `validate`. Prints a Markdown section.
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { checkRecordFile } from '../records/check-record-file.js';
import { MAX_RECORD_BYTES } from '../records/parse-yaml-file.js';

const HERE = path.dirname(fileURLToPath(import.meta.url));
const REPO = path.resolve(HERE, '..', '..');
const OK_KB = path.join(REPO, 'scripts', 'records', 'fixtures', 'ok-kb');
const cli = process.argv.length > 2 ? process.argv.slice(2) : ['--import', pathToFileURL(path.join(REPO, 'node_modules', 'tsx', 'dist', 'loader.mjs')).href, path.join(REPO, 'scripts', 'cli.ts')];

const REL = 'records/tickets/2026/T-20260401-01.yaml';
const HEAD = 'id: T-20260401-01\nsystem: aims\ntitle: 测试\nseverity: "C"\ncategory: consultation\nchannel: web\nreported_at: 2026-04-01T09:00:00+08:00\n';

/** Repeats `unit(i)` until the text reaches `bytes`. */
function fill(bytes: number, head: string, unit: (i: number) => string, tail = ''): string {
  const parts = [head];
  let size = Buffer.byteLength(head) + Buffer.byteLength(tail);
  for (let i = 0; ; i++) {
    const u = unit(i);
    const b = Buffer.byteLength(u);
    if (size + b > bytes) break;
    parts.push(u);
    size += b;
  }
  parts.push(tail);
  return parts.join('');
}

const CASES: { name: string; what: string; text: (bytes: number) => string }[] = [
  { name: 'comment header', what: 'lines of `#` comments above a valid ticket (the old empty-file test backtracked exponentially)', text: (b) => fill(b, '', () => '# 工单说明：合成数据\n', HEAD) },
  { name: 'unknown keys', what: '`kN: v` lines after a valid ticket (yaml\'s duplicate-key check compared every pair)', text: (b) => fill(b, HEAD, (i) => `k${i}: v\n`) },
  { name: 'invalid list items', what: 'integers in `tags` (each one a schema error, all located)', text: (b) => fill(b, `${HEAD}tags:\n`, (i) => `  - ${i}\n`) },
  { name: 'nested unknown keys', what: '`kN: v` keys inside one `notified` item (errors of a nested mapping)', text: (b) => fill(b, `${HEAD}notified:\n  - to: product_team\n    at: 2026-04-01T09:10:00+08:00\n`, (i) => `    k${i}: v\n`) },
  { name: 'warnings', what: '`severity_changes` items with an unquoted `from: 1` (a warning each; the record stays valid)', text: (b) => fill(b, `${HEAD}severity_changes:\n`, () => '  - { at: 2026-04-01T10:00:00+08:00, from: 1, to: A }\n') },
  { name: 'valid list items', what: 'strings in `tags` (the fast path)', text: (b) => fill(b, `${HEAD}tags:\n`, (i) => `  - t${i}\n`) },
  { name: 'long line', what: 'one `description` line of Chinese text', text: (b) => fill(b, `${HEAD}description: `, () => '合成数据', '\n') },
  { name: 'deep nesting', what: 'open brackets in `tags` (refused past 128 levels before the parser sees them)', text: (b) => { const n = Math.floor((b - Buffer.byteLength(HEAD) - 8) / 2); return `${HEAD}tags: ${'['.repeat(n)}${']'.repeat(n)}\n`; } },
  { name: 'control characters', what: 'NUL bytes inside `description`', text: (b) => fill(b, `${HEAD}description: `, () => 'x\u0000', '\n') },
];
const SIZES = [16 * 1024, 128 * 1024, MAX_RECORD_BYTES - 4096];

function timeCheck(text: string): { ms: number; problems: number } {
  const bytes = Buffer.from(text, 'utf8');
  checkRecordFile(REL, 'ticket', bytes); // warm-up
  const runs: number[] = [];
  let problems = 0;
  for (let i = 0; i < 3; i++) {
    const t0 = performance.now();
    problems = checkRecordFile(REL, 'ticket', bytes).diagnostics.length;
    runs.push(performance.now() - t0);
  }
  return { ms: runs.sort((a, b) => a - b)[1]!, problems };
}

const RUSAGE = path.join(HERE, 'rusage.cjs');

/** `validate --no-scan` of the KB at `root`: median wall and CPU (user + system, all threads) ms of 3 whole processes. */
function wall(root: string): { wall: number; cpu: number } {
  const runs: { wall: number; cpu: number }[] = [];
  const out = path.join(os.tmpdir(), `opsbook-patho-rusage-${process.pid}.json`);
  for (let i = 0; i < 3; i++) {
    const t0 = performance.now();
    const r = spawnSync(process.execPath, [...cli, 'validate', '--no-scan', '--root', root], { encoding: 'utf8', env: { ...process.env, OPSBOOK_CACHE: '0', NODE_OPTIONS: `${process.env.NODE_OPTIONS ?? ''} --require ${RUSAGE}`.trim(), OPSBOOK_BENCH_RUSAGE: out } });
    const ms = performance.now() - t0;
    if ((r.status !== 0 && r.status !== 1) || !/[✔✖]/.test(r.stderr)) throw new Error(`validate exited ${r.status}: ${r.stderr.slice(-500)}`);
    const u = JSON.parse(fs.readFileSync(out, 'utf8')) as { userUs: number; sysUs: number };
    runs.push({ wall: ms, cpu: (u.userUs + u.sysUs) / 1000 });
  }
  fs.rmSync(out, { force: true });
  const med = (xs: number[]) => xs.sort((a, b) => a - b)[1]!;
  return { wall: med(runs.map((r) => r.wall)), cpu: med(runs.map((r) => r.cpu)) };
}

const rows: string[] = [];
const kbs: string[] = [];
const plain = fs.mkdtempSync(path.join(os.tmpdir(), 'opsbook-patho-'));
fs.cpSync(OK_KB, plain, { recursive: true });
kbs.push(plain);
const base = wall(plain);
for (const c of CASES) {
  const cells: string[] = [];
  let first: { ms: number; kib: number } | undefined;
  let last = { ms: 0, kib: 0, problems: 0 };
  for (const size of SIZES) {
    const text = c.text(size);
    const r = timeCheck(text);
    const kib = Buffer.byteLength(text) / 1024;
    first ??= { ms: r.ms, kib };
    last = { ms: r.ms, kib, problems: r.problems };
    cells.push(`${r.ms.toFixed(1)}`);
  }
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'opsbook-patho-'));
  fs.cpSync(OK_KB, root, { recursive: true });
  fs.writeFileSync(path.join(root, REL), c.text(SIZES[SIZES.length - 1]!));
  kbs.push(root);
  const whole = wall(root);
  const delta = whole.wall - base.wall;
  const deltaCpu = whole.cpu - base.cpu;
  // growth per byte from the smallest to the largest size: 1.0 is linear
  const growth = (last.ms / last.kib) / (first!.ms / first!.kib);
  rows.push(`| ${c.name} | ${cells.join(' | ')} | ${growth.toFixed(2)} | ${last.problems} | ${(delta / 1000).toFixed(2)} | ${(deltaCpu / 1000).toFixed(2)} |`);
  process.stderr.write(`  ${c.name}: ${cells.join(', ')} ms; +${Math.round(delta)} ms wall, +${Math.round(deltaCpu)} ms CPU whole CLI\n`);
}
for (const k of kbs) fs.rmSync(k, { recursive: true, force: true });

process.stdout.write(`
## Pathological inputs

One hostile ticket file per case, at ${SIZES.map((s) => `${Math.round(s / 1024)} KiB`).join(', ')} (records over ${MAX_RECORD_BYTES / 2 ** 20} MiB are refused unread).
**ms** columns: \`checkRecordFile\` in one process after a warm-up (median of 3). **per-byte growth**: time per KiB at the
largest size over time per KiB at the smallest (1.0 = linear; below 1 when fixed costs dominate small files).
**problems**: diagnostics \`checkRecordFile\` returns for the largest file (at most 20, and a line counting the rest).
**+ whole CLI s**: \`validate --no-scan\` on the test KB with the largest file, minus the same KB without it (whole process, median of 3, record cache off; the KB alone takes ${(base.wall / 1000).toFixed(2)} s); **+ CPU s** the same in CPU time (user + system, all threads: steadier than wall time on a shared machine; the KB alone ${(base.cpu / 1000).toFixed(2)} s).

${CASES.map((c) => `- **${c.name}**: ${c.what}`).join('\n')}

| case | ${SIZES.map((s) => `${Math.round(s / 1024)} KiB ms`).join(' | ')} | per-byte growth | problems | + whole CLI s | + CPU s |
|---|${SIZES.map(() => '---:').join('|')}|---:|---:|---:|---:|
${rows.join('\n')}
`);
