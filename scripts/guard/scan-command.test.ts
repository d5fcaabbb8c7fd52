/**
 * End to end: `opsbook scan` through the real CLI (tsx) against temporary
 * knowledge bases: exit codes, text lines, and the JSON contract.
 */
import { mkdtemp, mkdir, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { runCliAsync, type CliResult } from '../testing/run-cli.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const here = path.dirname(fileURLToPath(import.meta.url));
const repo = path.resolve(here, '../..');

/** The real CLI in a US time zone (shared harness: scripts/testing/run-cli.ts). */
function opsbook(...args: string[]): Promise<CliResult> {
  return runCliAsync(args, repo, { TZ: 'America/Los_Angeles' });
}

const mobile = ['136', '0000', '4321'].join('');
let tmp: string;
let clean: string;
let leaky: string;
beforeAll(async () => {
  tmp = await mkdtemp(path.join(os.tmpdir(), 'opsbook-scan-cli-'));
  clean = path.join(tmp, 'clean');
  leaky = path.join(tmp, 'leaky');
  await mkdir(path.join(clean, 'records'), { recursive: true });
  await writeFile(path.join(clean, 'records/contract.yaml'), 'id: HT-1\n');
  await mkdir(path.join(leaky, 'docs'), { recursive: true });
  await writeFile(path.join(leaky, 'docs/contact.md'), `# 联系方式\n\n值班手机：${mobile}\n`);
});
afterAll(async () => {
  await rm(tmp, { recursive: true, force: true });
});

describe('opsbook scan', { timeout: 60_000 }, () => {
  it('exits 0 on a clean KB with a summary line', async () => {
    const r = await opsbook('--root', clean, 'scan');
    expect(r).toEqual({ code: 0, stdout: '✔ no privacy or secret findings in 1 file(s)\n', stderr: '' });
  });

  it('exits 1 with one masked line per finding', async () => {
    const r = await opsbook('--root', leaky, 'scan');
    expect(r.code).toBe(1);
    const lines = r.stdout.trimEnd().split('\n');
    expect(lines).toHaveLength(2);
    expect(lines[0]).toMatch(/^docs\/contact\.md:3:6 {2}mobile-number {2}mobile phone number \(手机号码\) \(136\*\*\*\*4321\) — \S/);
    expect(lines[1]).toBe('✖ 1 finding(s) in 1 file(s) of 1 scanned');
    expect(r.stdout).not.toContain(mobile);
  });

  it('--json prints exactly one JSON document with the contract fields', async () => {
    const r = await opsbook('--root', leaky, 'scan', '--json');
    expect(r.code).toBe(1);
    expect(r.stderr).toBe('');
    const doc = JSON.parse(r.stdout) as { findings: Record<string, unknown>[] };
    expect(doc.findings).toEqual([
      expect.objectContaining({ path: 'docs/contact.md', line: 3, column: 6, rule: 'mobile-number', message: expect.any(String) }),
    ]);
    expect(r.stdout).not.toContain(mobile);
    const cleanDoc = JSON.parse((await opsbook('--root', clean, 'scan', '--json')).stdout) as { findings: unknown[] };
    expect(cleanDoc.findings).toEqual([]);
  });

  it('exits 2 when --root is not a knowledge base or the usage is wrong', async () => {
    const r = await opsbook('--root', path.join(tmp, 'nope'), 'scan');
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/without records\/ or docs\//);
    expect(r.stdout).toBe('');
    expect((await opsbook('--root', clean, 'scan', '--bogus')).code).toBe(2);
    expect((await opsbook('--root', clean, 'scan', 'extra')).code).toBe(2);
  });

  it('the repository itself is clean (demo keys allowed with a reason)', async () => {
    const r = await opsbook('--root', repo, 'scan', '--json');
    const doc = JSON.parse(r.stdout) as { findings: unknown[]; allowed: { path: string; reason: string }[] };
    expect(doc.findings).toEqual([]);
    expect(r.code).toBe(0);
    for (const a of doc.allowed) expect(a.reason.length).toBeGreaterThan(10);
  });
});
