/**
 * Fuzzing the record reader with mutated records (issue #13): byte flips,
 * truncation, duplicated lines and keys, deep nesting, huge scalars, tags,
 * anchors and aliases, control characters, mixed line endings. Whatever the
 * input: no exception, every broken file reported with path:line:column,
 * and (through the real CLI) no exit code outside 0/1/2. Runs are bounded
 * by the test timeouts (a hang guard, not a timing assertion).
 * FUZZ_RUNS raises the number of in-process runs.
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { REPO_ROOT } from '../testing/run-cli.js';
import { checkRecordFile } from './check-record-file.js';
import { loadKnowledgeBase } from './load-knowledge-base.js';

const RUNS = Number(process.env.FUZZ_RUNS ?? 400);
const OK_KB = path.join(import.meta.dirname, 'fixtures', 'ok-kb');
const SEEDS = ['records/tickets/2026/T-20260314-01.yaml', 'records/tickets/2026/T-20260320-01.yaml', 'records/inspections/2026/INS-2026-01.yaml', 'records/contract.yaml']
  .map((rel) => ({ rel, kind: rel.includes('/tickets/') ? 'ticket' as const : rel.includes('/inspections/') ? 'inspection' as const : 'contract' as const, bytes: fs.readFileSync(path.join(OK_KB, rel)) }));

type Mutation = (b: Buffer) => Buffer;
const at = (b: Buffer, n: number) => (b.length ? n % (b.length + 1) : 0);
const splice = (b: Buffer, i: number, del: number, ins: Buffer | string) => Buffer.concat([b.subarray(0, i), Buffer.from(ins), b.subarray(i + del)]);
const lineStarts = (b: Buffer) => [0, ...[...b.entries()].filter(([, c]) => c === 0x0a).map(([i]) => i + 1)];

const mutation: fc.Arbitrary<Mutation> = fc.oneof(
  fc.tuple(fc.nat(), fc.integer({ min: 1, max: 255 })).map(([n, x]) => (b: Buffer) => { const c = Buffer.from(b); if (c.length) c[n % c.length]! ^= x; return c; }),
  fc.nat().map((n) => (b: Buffer) => b.subarray(0, at(b, n))),
  fc.nat().map((n) => (b: Buffer) => { const s = lineStarts(b); const i = s[n % s.length]!; const e = b.indexOf(0x0a, i); const line = b.subarray(i, e < 0 ? b.length : e + 1); return splice(b, i, 0, line); }),
  fc.tuple(fc.nat(), fc.integer({ min: 40, max: 20_000 })).map(([n, d]) => (b: Buffer) => splice(b, at(b, n), 0, `${'['.repeat(d)}${']'.repeat(d)}`)),
  fc.tuple(fc.nat(), fc.integer({ min: 1, max: 2000 })).map(([n, d]) => (b: Buffer) => splice(b, b.length, 0, `\n${Array.from({ length: Math.min(d, 300) }, (_, i) => `${' '.repeat(i)}k${i}:`).join('\n')} x\n`)),
  fc.tuple(fc.constantFrom('description', 'title', 'tags', 'zz'), fc.integer({ min: 1_000, max: 400_000 })).map(([k, len]) => (b: Buffer) => splice(b, b.length, 0, `\n${k}: ${'长'.repeat(len)}\n`)),
  fc.tuple(fc.nat(), fc.constantFrom('!custom ', '!!float ', '!!binary ', '!!str ', '!<tag:x> ', '! ', '&a ', '*a ', '*nope ', '&a [*a] ', '? ', '%YAML 1.1\n---\n', '---\n', '...\n')).map(([n, s]) => (b: Buffer) => splice(b, at(b, n), 0, s)),
  fc.tuple(fc.nat(), fc.constantFrom('\u0000', '\u0007', '\u001b', '\u007f', '\u0085', '\ufeff', '\u2028', '\t', '\r', '"\\0"', '"\\u0007"', '\ud800')).map(([n, s]) => (b: Buffer) => splice(b, at(b, n), 0, s)),
  fc.constantFrom('\r\n', '\r', 'mixed').map((eol) => (b: Buffer) => Buffer.from(b.toString('utf8').split('\n').map((l, i) => l + (eol === 'mixed' ? (i % 2 ? '\r\n' : '\n') : eol)).join(''))),
  fc.tuple(fc.nat(), fc.nat()).map(([n, m]) => (b: Buffer) => { const i = at(b, n); return splice(b, i, Math.min(m % 40, b.length - i), ''); }),
  fc.tuple(fc.nat(), fc.uint8Array({ minLength: 1, maxLength: 16 })).map(([n, bytes]) => (b: Buffer) => splice(b, at(b, n), 0, Buffer.from(bytes))),
  fc.integer({ min: 2, max: 5000 }).map((k) => (b: Buffer) => splice(b, b.length, 0, `\n${Array.from({ length: k }, (_, i) => `x${i % 7}: ${i}`).join('\n')}\n`)),
);

const mutated = fc.tuple(fc.constantFrom(...SEEDS), fc.array(mutation, { minLength: 1, maxLength: 4 }))
  .map(([seed, ms]) => ({ ...seed, bytes: ms.reduce<Buffer>((b, m) => m(b), Buffer.from(seed.bytes)) }));

describe('mutated records', () => {
  it('never throw, and every problem has a real position (property)', { timeout: 600_000 }, () => {
    fc.assert(fc.property(mutated, ({ rel, kind, bytes }) => {
      const r = checkRecordFile(rel, kind, bytes);
      for (const d of r.diagnostics) {
        if (d.path !== rel || !(d.line >= 1) || !(d.column >= 1) || !d.message) throw new Error(`bad diagnostic ${JSON.stringify(d)}`);
      }
      // a file that yields no record is reported with at least one error
      if (!r.record && !r.diagnostics.some((d) => d.severity === 'error')) throw new Error('no record and no error');
      return true;
    }), { numRuns: RUNS });
  });

  it('loaded as part of a knowledge base, rules included, each broken file is reported at most 20+1 times', { timeout: 600_000 }, async () => {
    const root = fs.mkdtempSync(path.join(os.tmpdir(), 'opsbook-fuzz-kb-'));
    fs.cpSync(OK_KB, root, { recursive: true });
    try {
      await fc.assert(fc.asyncProperty(mutated, async ({ rel, bytes }) => {
        const original = fs.readFileSync(path.join(OK_KB, rel));
        fs.writeFileSync(path.join(root, rel), bytes);
        const kb = await loadKnowledgeBase(root);
        fs.writeFileSync(path.join(root, rel), original);
        const mine = kb.diagnostics.filter((d) => d.path === rel);
        expect(mine.length).toBeLessThanOrEqual(21);
        expect(kb.diagnostics.every((d) => d.line >= 1 && d.column >= 1)).toBe(true);
        const loaded = kb.records.some((r) => r.path === rel);
        if (!loaded) expect(mine.some((d) => d.severity === 'error')).toBe(true);
      }), { numRuns: Math.max(20, Math.floor(RUNS / 10)) });
    } finally {
      fs.rmSync(root, { recursive: true, force: true });
    }
  });

  it('through the real CLI: exit 0 or 1, JSON on stdout, every broken file reported with path:line', { timeout: 600_000 }, () => {
    const root = fs.mkdtempSync(path.join(os.tmpdir(), 'opsbook-fuzz-cli-'));
    fs.cpSync(OK_KB, root, { recursive: true });
    const samples = fc.sample(mutated, { numRuns: 24, seed: 13 });
    const written: { rel: string; broken: boolean }[] = [];
    samples.forEach((s, i) => {
      // each mutated ticket under its own name, so one process judges them all
      const rel = s.kind === 'ticket' ? `records/tickets/2026/T-20260401-${String(i + 10)}.yaml` : s.kind === 'inspection' ? `records/inspections/2026/INS-FUZZ-${i}.yaml` : s.rel;
      fs.mkdirSync(path.dirname(path.join(root, rel)), { recursive: true });
      fs.writeFileSync(path.join(root, rel), s.bytes);
      written.push({ rel, broken: !checkRecordFile(rel, s.kind, s.bytes).record });
    });
    // the sources, as the other CLI tests run them (a compiled dist/ may be older than the tree)
    const cli = [path.join(REPO_ROOT, 'node_modules', 'tsx', 'dist', 'cli.mjs'), path.join(REPO_ROOT, 'scripts', 'cli.ts')];
    for (const extra of [['--no-scan'], []]) {
      const r = spawnSync(process.execPath, [...cli, 'validate', '--json', '--root', root, ...extra], { encoding: 'utf8', timeout: 300_000, maxBuffer: 1 << 26, env: { ...process.env, NO_COLOR: '1' } });
      expect(r.status, r.stderr).not.toBeNull();
      expect([0, 1]).toContain(r.status);
      expect(r.stderr).not.toMatch(/internal error|\n\s+at /);
      const doc = JSON.parse(r.stdout) as { diagnostics: { path: string; line: number; column: number; severity: string }[] };
      expect(doc.diagnostics.every((d) => d.line >= 1 && d.column >= 1)).toBe(true);
      for (const w of written.filter((x) => x.broken)) {
        expect(doc.diagnostics.some((d) => d.path === w.rel && d.severity === 'error'), w.rel).toBe(true);
      }
    }
    fs.rmSync(root, { recursive: true, force: true });
  });
});
