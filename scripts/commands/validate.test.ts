import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { REPO_ROOT, runCli } from '../testing/run-cli.js';

const OK_KB = path.join(REPO_ROOT, 'scripts', 'records', 'fixtures', 'ok-kb');

const made: string[] = [];
afterAll(() => {
  for (const d of made) fs.rmSync(d, { recursive: true, force: true });
});

function badKb(): string {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'opsbook-cli-'));
  made.push(root);
  fs.cpSync(OK_KB, root, { recursive: true });
  fs.writeFileSync(path.join(root, 'records/tickets/2026/T-20260401-01.yaml'), 'id: T-20260401-01\nsystem: aims\ntitle: x\nseverity: "C"\ncategory: fault\nchannel: fax\nreported_at: 2026-04-01T09:00:00\n');
  return root;
}

describe('opsbook validate (CLI)', () => {
  it('exits 0 on a valid knowledge base', () => {
    const r = runCli(['validate', '--root', OK_KB, '--no-scan']);
    expect(r.stderr).toMatch(/✔ 7 record file\(s\) valid/);
    expect(r.code).toBe(0);
  });

  it('exits 1 and prints path:line:col  message for each problem, without a stack trace', () => {
    const root = badKb();
    const r = runCli(['validate', '--root', root, '--no-scan']);
    expect(r.code).toBe(1);
    expect(r.stdout).toContain('records/tickets/2026/T-20260401-01.yaml:6:10  Unexpected value `fax` for `channel` (提交方式), expected one of `phone`, `web`, `email`  schema');
    expect(r.stdout).toContain('records/tickets/2026/T-20260401-01.yaml:7:14  Unexpected time `2026-04-01T09:00:00` without a UTC offset');
    expect(r.stdout + r.stderr).not.toMatch(/\n\s+at .*\.ts:\d+/);
  });

  it('caps the problems of a file at 20 and counts the rest in the summary', () => {
    const root = badKb();
    const keys = Array.from({ length: 100 }, (_, i) => `k${i}: v\n`).join('');
    fs.appendFileSync(path.join(root, 'records/tickets/2026/T-20260401-01.yaml'), keys);
    const r = runCli(['validate', '--root', root, '--no-scan']);
    expect(r.code).toBe(1);
    const lines = r.stdout.trim().split('\n');
    expect(lines).toHaveLength(21);
    expect(lines[20]).toMatch(/:\d+:1  Unexpected 82 more problem\(s\) in this file \(82 error\(s\)\), not shown; expected at most 20 per file.*more-problems$/);
    expect(r.stderr).toMatch(/✖ 102 error\(s\) in 1 file\(s\) of 8 \(82 not shown\)/);
  });

  it('--json prints exactly one JSON document on stdout', () => {
    const r = runCli(['validate', '--root', badKb(), '--json', '--no-scan']);
    expect(r.code).toBe(1);
    const doc = JSON.parse(r.stdout) as { valid: boolean; errors: number; diagnostics: { path: string; line: number }[] };
    expect(doc.valid).toBe(false);
    expect(doc.errors).toBe(2);
  });

  it('exits 2 on a usage error and on a missing knowledge base', () => {
    expect(runCli(['validate', '--bogus']).code).toBe(2);
    const r = runCli(['validate', '--root', path.join(os.tmpdir(), 'no-such-kb-here'), '--no-scan']);
    expect(r.code).toBe(2);
    expect(r.stderr.trim().split('\n')).toHaveLength(1);
    expect(r.stderr).toMatch(/no records\/ folder here/);
  });

  it('gives the same answer in any time zone', () => {
    const root = badKb();
    const la = runCli(['validate', '--root', root, '--json', '--no-scan'], { env: { TZ: 'America/Los_Angeles' } });
    const sh = runCli(['validate', '--root', root, '--json', '--no-scan'], { env: { TZ: 'Asia/Shanghai' } });
    expect(la.stdout).toBe(sh.stdout);
  });

  it('prints --help and --version', () => {
    expect(runCli(['--help']).stdout).toMatch(/validate/);
    expect(runCli(['validate', '--help']).stdout).toMatch(/--changed <ref>/);
    expect(runCli(['--version']).stdout.trim()).toMatch(/^\d+\.\d+\.\d+$/);
  });
});
