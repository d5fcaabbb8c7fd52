/**
 * `secrets edit` interrupted for real: the CLI is spawned with an $EDITOR
 * script that waits; once the plaintext exists, SIGINT, SIGTERM or SIGHUP is
 * sent to the CLI process. Nothing plaintext may be left (in /dev/shm or the
 * temp folder), the file must be unchanged, and the exit code is 128 + the
 * signal. Then a folder left by a killed process (SIGKILL cannot be caught)
 * is removed, with a warning, by the next run.
 */
import { spawn, spawnSync } from 'node:child_process';
import { chmodSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { encryptText } from './sops-codec.js';
import { plaintextBases } from './plaintext-dir.js';
import { newKey, type TestKey } from './test-helpers.js';

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
// One process (as bin/opsbook.mjs runs dist/cli.js): the tsx CLI wrapper would stand between the signal and the CLI.
const TSX_LOADER = ['--import', 'tsx'];
const CLI = path.join(repoRoot, 'scripts/cli.ts');
const REL = 'secrets/demo.sops.yaml';
const SECRET = 'Xk4-edit-Pw9-unique';

let root: string;
let tmpdir: string;
let key: TestKey;
let before: string;

const env = () => ({ PATH: process.env.PATH ?? '', HOME: root, TMPDIR: tmpdir, SOPS_AGE_KEY_FILE: path.join(root, 'k.txt'), EDITOR: path.join(root, 'wait-editor.sh') });

/** Plaintext folders of process `pid` (or any, when omitted) in every base a run may use. */
function plaintextDirs(pid?: number): string[] {
  const bases = plaintextBases({ TMPDIR: tmpdir });
  const uid = process.getuid?.() ?? -1;
  return bases.flatMap((b) => readdirSync(b).filter((n) => n.startsWith(pid === undefined ? `opsbook-secrets-${uid}-` : `opsbook-secrets-${uid}-${pid}-`)).map((n) => path.join(b, n)));
}

function containsSecret(dir: string): boolean {
  if (!existsSync(dir)) return false;
  return readdirSync(dir, { recursive: true, withFileTypes: true }).some((e) => e.isFile() && readFileSync(path.join(e.parentPath ?? dir, e.name), 'utf8').includes(SECRET));
}

beforeAll(async () => {
  key = await newKey();
  root = mkdtempSync(path.join(os.tmpdir(), 'opsbook-edit-signals-'));
  tmpdir = path.join(root, 'tmp');
  mkdirSync(tmpdir);
  mkdirSync(path.join(root, 'secrets'));
  writeFileSync(path.join(root, 'k.txt'), `${key.identity}\n`);
  writeFileSync(path.join(root, '.sops.yaml'), `creation_rules:\n  - path_regex: secrets/.*\\.sops\\.yaml$\n    age: ${key.recipient}\n`);
  before = await encryptText(`user: app\npassword: ${SECRET}\n`, { file: REL, format: 'yaml', recipients: [key.recipient] });
  writeFileSync(path.join(root, REL), before);
  // The editor announces the file it got, then waits (like a person typing); a swap file as vim writes one.
  writeFileSync(path.join(root, 'wait-editor.sh'), `#!/bin/sh\ncp "$1" "$(dirname "$1")/.swp"\necho "$1" > "${root}/editing"\nsleep 30\n`);
  chmodSync(path.join(root, 'wait-editor.sh'), 0o755);
});
afterAll(() => rmSync(root, { recursive: true, force: true }));

async function interrupted(signal: NodeJS.Signals): Promise<{ code: number | null; stderr: string; dir: string; pid: number }> {
  rmSync(path.join(root, 'editing'), { force: true });
  const child = spawn(process.execPath, [...TSX_LOADER, CLI, '--root', root, 'secrets', 'edit', path.join(root, REL)], { cwd: repoRoot, env: env(), stdio: ['ignore', 'pipe', 'pipe'] });
  let stderr = '';
  child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  const deadline = Date.now() + 60_000;
  while (!existsSync(path.join(root, 'editing'))) {
    if (Date.now() > deadline) throw new Error(`editor never started: ${stderr}`);
    await new Promise((r) => setTimeout(r, 50));
  }
  const edited = readFileSync(path.join(root, 'editing'), 'utf8').trim();
  expect(readFileSync(edited, 'utf8')).toContain(SECRET); // the plaintext really was there
  child.kill(signal);
  const code = await exited;
  return { code, stderr, dir: path.dirname(edited), pid: child.pid! };
}

describe('secrets edit interrupted', { timeout: 120_000 }, () => {
  it.each([
    ['SIGINT', 130],
    ['SIGTERM', 143],
    ['SIGHUP', 129],
  ] as const)('%s: plaintext wiped, file unchanged, exit %i', async (signal, exitCode) => {
    const r = await interrupted(signal);
    expect(r.code).toBe(exitCode);
    expect(r.stderr).toMatch(new RegExp(`^${REL.replace(/[.]/g, '\\.')} {2}Edit interrupted by ${signal}: plaintext wiped, file unchanged$`, 'm'));
    expect(existsSync(r.dir)).toBe(false);
    expect(plaintextDirs(r.pid)).toEqual([]);
    expect(containsSecret(r.dir)).toBe(false);
    expect(readFileSync(path.join(root, REL), 'utf8')).toBe(before);
  });

  it('prefers a tmpfs (/dev/shm) for the plaintext where there is one', async () => {
    if (!existsSync('/dev/shm')) return;
    const r = await interrupted('SIGTERM');
    expect(r.dir.startsWith('/dev/shm/')).toBe(true);
  });

  it('the next run removes a folder left by a killed edit, with a warning', async () => {
    const dead = spawnSync(process.execPath, ['-e', '0']).pid!; // a pid that no longer runs
    // In this test's own temp folder (a CLI of another test, which shares /dev/shm, must not clean it first).
    const base = tmpdir;
    const stale = path.join(base, `opsbook-secrets-${process.getuid?.() ?? 0}-${dead}-abcdef`);
    mkdirSync(stale, { mode: 0o700 });
    writeFileSync(path.join(stale, 'demo.yaml'), `password: ${SECRET}\n`, { mode: 0o600 });
    const r = spawnSync(process.execPath, [...TSX_LOADER, CLI, '--root', root, 'secrets', 'verify', path.join(root, REL)], { cwd: repoRoot, env: env(), encoding: 'utf8' });
    expect(r.status).toBe(0);
    expect(r.stderr).toContain(`warning: removed ${stale}, plaintext left by an interrupted \`secrets edit\``);
    expect(existsSync(stale)).toBe(false);
  });
});
