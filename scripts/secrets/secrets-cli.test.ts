/**
 * `opsbook secrets …` end to end through the real CLI (tsx), with a temp
 * --root holding .sops.yaml and a hand-over manifest.
 */
import { spawnSync } from 'node:child_process';
import { chmodSync, existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse } from 'yaml';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { encStrings, newKey, type TestKey } from './test-helpers.js';

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const TSX = path.join(repoRoot, 'node_modules/.bin/tsx');
const CLI = path.join(repoRoot, 'scripts/cli.ts');
const REL = 'records/handover/demo.sops.yaml';

const PLAIN = `# demo manifest (synthetic)
system: aims
updated_at: "2026-03-02"
databases:
  - name: DEMODB
    engine: SQL Server 2019
    host: 10.20.9.11
    port: 1433
    accounts:
      - username: demo_app
        password: Xk4-first-Pw9
        rotated_at: "2026-01-15"
admin_accounts:
  - application: 控制台
    username: demo-admin
    password: Qm7-admin-Pw2
    rotated_at: "2026-01-15"
servers:
  - hostname: demo-app-01
    ip: 10.20.9.21
    role: 应用服务器
`;

let root: string;
let tmpdir: string;
let k1: TestKey;
let k2: TestKey;

function cli(args: string[], env: Record<string, string> = {}) {
  const r = spawnSync(TSX, [CLI, '--root', root, 'secrets', ...args], {
    cwd: root,
    encoding: 'utf8',
    env: { PATH: process.env.PATH ?? '', HOME: root, TMPDIR: tmpdir, SOPS_AGE_KEY_FILE: path.join(root, 'k1.txt'), ...env },
  });
  // Folders left by other (killed) runs on this machine may be cleaned by any run, with a warning: not this test's concern.
  const stderr = r.stderr.split('\n').filter((l) => !/^warning: removed .*opsbook-secrets-/.test(l)).join('\n');
  return { code: r.status, stdout: r.stdout, stderr };
}

const file = () => readFileSync(path.join(root, REL), 'utf8');

beforeAll(async () => {
  k1 = await newKey();
  k2 = await newKey();
  root = mkdtempSync(path.join(os.tmpdir(), 'opsbook-secrets-cli-'));
  tmpdir = path.join(root, 'tmp');
  mkdirSync(tmpdir);
  mkdirSync(path.join(root, 'records/handover'), { recursive: true });
  writeFileSync(path.join(root, 'k1.txt'), `# test key\n${k1.identity}\n`);
  writeFileSync(path.join(root, 'k2.txt'), `${k2.identity}\n`);
  writeFileSync(path.join(root, '.sops.yaml'), `creation_rules:\n  - path_regex: records/handover/.*\\.sops\\.yaml$\n    age: ${k1.recipient}\n    unencrypted_regex: ^(system|updated_at|rotated_at|name|engine|username|role|application|hostname|os)$\n`);
  writeFileSync(path.join(root, 'plain.yaml'), PLAIN);
});
afterAll(() => rmSync(root, { recursive: true, force: true }));

// Each test spawns the real CLI several times (~2–8 s each on a loaded 2-core machine).
describe('opsbook secrets', { timeout: 180_000 }, () => {
  it('encrypt uses the creation rule of .sops.yaml and keeps audit fields in clear', () => {
    const r = cli(['encrypt', 'plain.yaml', '--out', REL]);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    const text = file();
    expect(text).toContain(`recipient: ${k1.recipient}`);
    expect(text).toContain('username: demo_app');
    expect(text).toContain('hostname: demo-app-01');
    for (const secret of ['Xk4-first-Pw9', 'Qm7-admin-Pw2', '10.20.9.11', '10.20.9.21']) expect(text).not.toContain(secret);
  });

  it('decrypt prints the plaintext to stdout only and refuses --in-place', () => {
    const before = readdirSync(path.join(root, 'records/handover'));
    const r = cli(['decrypt', REL]);
    expect(r.code).toBe(0);
    expect(parse(r.stdout)).toEqual(parse(PLAIN));
    expect(readdirSync(path.join(root, 'records/handover'))).toEqual(before);
    const bad = cli(['decrypt', REL, '--in-place']);
    expect(bad.code).toBe(2);
    expect(bad.stderr.trim().split('\n')).toHaveLength(1);
  });

  it('verify: exit 0 with one line; tampered file: exit 1 with a one-line message naming file, line and key', () => {
    const ok = cli(['verify', REL]);
    expect(ok.code).toBe(0);
    expect(ok.stdout).toMatch(/^records\/handover\/demo\.sops\.yaml: OK/);
    expect(ok.stdout).not.toContain('Xk4-first-Pw9');
    const text = file();
    const [pw1, pw2] = [/ {8}password: (\S+)/.exec(text)![1]!, / {4}password: (\S+)\n {4}rotated_at/.exec(text)![1]!];
    const swapped = text.replace(pw1, '@@').replace(pw2, pw1).replace('@@', pw2);
    writeFileSync(path.join(root, 'records/handover/swapped.sops.yaml'), swapped);
    const bad = cli(['verify', 'records/handover/swapped.sops.yaml']);
    expect(bad.code).toBe(1);
    expect(bad.stderr).toMatch(/^records\/handover\/swapped\.sops\.yaml:\d+:\d+ {2}Value at databases\.accounts\.password fails authentication: it was edited or moved from another key\n$/);
    rmSync(path.join(root, 'records/handover/swapped.sops.yaml'));
  });

  it('wrong key: exit 2 with a one-line message', () => {
    const r = cli(['verify', REL], { SOPS_AGE_KEY_FILE: path.join(root, 'k2.txt') });
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/^records\/handover\/demo\.sops\.yaml:\d+:\d+ {2}Wrong key: .*\n$/);
  });

  it('edit: scripted $EDITOR changes one password; only that value, the MAC and lastmodified change; temp file private and wiped', () => {
    const editor = path.join(root, 'editor.sh');
    writeFileSync(editor, `#!/bin/sh\nstat -c '%a' "$1" > "${root}/mode-file"\nstat -c '%a' "$(dirname "$1")" > "${root}/mode-dir"\necho "$1" > "${root}/edited-path"\nsed -i 's/Qm7-admin-Pw2/Nw3-rotated-Pw5/' "$1"\n`);
    chmodSync(editor, 0o755);
    const before = file();
    const r = cli(['edit', REL], { EDITOR: editor });
    expect(r.code).toBe(0);
    const after = file();
    const [b, a] = [encStrings(before), encStrings(after)];
    expect(a).toHaveLength(b.length);
    const changedIdx = a.map((s, i) => (s === b[i] ? -1 : i)).filter((i) => i >= 0);
    expect(changedIdx).toEqual([a.indexOf(/admin_accounts:[\s\S]*?password: (\S+)/.exec(after)![1]!), a.length - 1]);
    expect(before.split('sops:')[1]!.split('lastmodified')[0]).toBe(after.split('sops:')[1]!.split('lastmodified')[0]); // wrapped key kept
    expect(readFileSync(path.join(root, 'mode-file'), 'utf8').trim()).toBe('600');
    expect(readFileSync(path.join(root, 'mode-dir'), 'utf8').trim()).toBe('700');
    expect(existsSync(readFileSync(path.join(root, 'edited-path'), 'utf8').trim())).toBe(false);
    expect(readdirSync(tmpdir).filter((n) => n.startsWith('opsbook-secrets-'))).toEqual([]);
    expect(parse(cli(['decrypt', REL]).stdout).admin_accounts[0].password).toBe('Nw3-rotated-Pw5');
  });

  it('edit that breaks the hand-over schema is rejected and leaves the file unchanged', () => {
    const editor = path.join(root, 'bad-editor.sh');
    writeFileSync(editor, `#!/bin/sh\nsed -i 's/^servers:/serverz:/' "$1"\n`);
    chmodSync(editor, 0o755);
    const before = file();
    const r = cli(['edit', REL], { EDITOR: editor });
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/^records\/handover\/demo\.sops\.yaml {2}Edit rejected, file unchanged: Hand-over manifest does not match handover\.schema\.json: .*\n$/);
    expect(file()).toBe(before);
    expect(readdirSync(tmpdir).filter((n) => n.startsWith('opsbook-secrets-'))).toEqual([]);
  });

  it('add-recipient re-wraps the data key; remove-recipient rotates it', () => {
    const before = file();
    expect(cli(['add-recipient', REL, '--age', k2.recipient, '--in-place']).code).toBe(0);
    expect(encStrings(file())).toEqual(encStrings(before)); // values untouched
    // k2 is not in .sops.yaml yet: verify says so (exit 1) until the rule names it
    const v = cli(['verify', REL], { SOPS_AGE_KEY_FILE: path.join(root, 'k2.txt') });
    expect(v.code).toBe(1);
    expect(v.stdout).toContain(`not named there ${k2.recipient}`);
    writeFileSync(path.join(root, '.sops.yaml'), readFileSync(path.join(root, '.sops.yaml'), 'utf8').replace(`age: ${k1.recipient}`, `age: ${k1.recipient},${k2.recipient}`));
    expect(cli(['verify', REL], { SOPS_AGE_KEY_FILE: path.join(root, 'k2.txt') }).code).toBe(0);
    const removed = cli(['remove-recipient', REL, '--age', k1.recipient, '--in-place']);
    expect(removed.code).toBe(0);
    expect(removed.stderr).toContain('still names'); // .sops.yaml should drop k1 too
    writeFileSync(path.join(root, '.sops.yaml'), readFileSync(path.join(root, '.sops.yaml'), 'utf8').replace(`age: ${k1.recipient},${k2.recipient}`, `age: ${k2.recipient}`));
    const rotated = file();
    expect(rotated).not.toContain(k1.recipient);
    const common = encStrings(rotated).filter((s) => encStrings(before).includes(s));
    expect(common).toEqual([]); // every value re-encrypted under a new data key
    expect(cli(['verify', REL]).code).toBe(2);
    const ok = cli(['decrypt', REL], { SOPS_AGE_KEY_FILE: path.join(root, 'k2.txt') });
    expect(ok.code).toBe(0);
    expect(parse(ok.stdout).servers[0].ip).toBe('10.20.9.21');
  });

  it('encrypt of an invalid hand-over manifest fails with exit 1', () => {
    writeFileSync(path.join(root, 'bad.yaml'), PLAIN.replace(/servers:[\s\S]*$/, ''));
    const r = cli(['encrypt', 'bad.yaml', '--out', 'records/handover/bad.sops.yaml']);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/handover\.schema\.json: \(top level\): missing required field `servers`/);
    expect(existsSync(path.join(root, 'records/handover/bad.sops.yaml'))).toBe(false);
  });
});
