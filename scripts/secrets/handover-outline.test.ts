import { linkSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { wipeFile, writeFileAtomic } from '../shared/atomic-file.js';
import { HANDOVER_UNENCRYPTED_REGEX, isSopsEncrypted, readHandoverOutline } from './index.js';
import { encryptText } from './sops-codec.js';
import { newKey } from './test-helpers.js';

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const AIMS = path.join(repoRoot, 'records/handover/aims.sops.yaml');
const ICIS = path.join(repoRoot, 'records/handover/icis.sops.yaml');

let tmp: string;
beforeAll(() => {
  tmp = mkdtempSync(path.join(os.tmpdir(), 'opsbook-outline-'));
});
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

describe('readHandoverOutline (no key needed)', () => {
  it('lists databases, accounts, admin accounts and servers of the demo manifest', async () => {
    const o = await readHandoverOutline(AIMS);
    expect(o.system).toBe('aims');
    expect(o.allEncrypted).toBe(true);
    expect(o.plaintextLeaves).toEqual([]);
    expect(o.recipients).toHaveLength(2);
    expect(o.lastmodified).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}Z$/);
    expect(o.databases[0]!.name).toBe('AIMSDB');
    expect(o.databases[0]!.encryptedFields).toEqual(['host', 'port']);
    expect(o.databases[0]!.accounts.map((a) => [a.username, a.rotatedAt, a.encryptedFields.includes('password')])).toEqual([
      ['aims_app', '2026-01-15', true],
      ['aims_readonly', '2025-09-30', true],
    ]);
    expect(o.adminAccounts.map((a) => a.application)).toHaveLength(2);
    expect(o.servers.map((s) => [s.hostname, s.encryptedFields])).toEqual([
      ['aims-app-01', ['ip']],
      ['aims-db-01', ['ip']],
    ]);
    expect(o.rule).toBe(`unencrypted_regex: ${HANDOVER_UNENCRYPTED_REGEX}`);
    const icis = await readHandoverOutline(ICIS);
    expect(icis.servers.find((s) => s.hostname === 'icis-db-01')!.rotatedAt).toBeNull();
  });

  it('flags a password left in clear (e.g. a weakened rule) and plaintext files', async () => {
    const k = await newKey();
    const text = await encryptText('system: aims\nadmin_accounts:\n  - username: x\n    password: clear-pw\n', {
      file: 'w.sops.yaml', format: 'yaml', recipients: [k.recipient], rule: { kind: 'unencrypted_regex', value: '^(system|username|password)$' },
    });
    const f = path.join(tmp, 'weak.sops.yaml');
    writeFileSync(f, text);
    const o = await readHandoverOutline(f);
    expect(o.allEncrypted).toBe(false);
    expect(o.plaintextLeaves).toEqual(['admin_accounts[0].password']);
    writeFileSync(path.join(tmp, 'plain.sops.yaml'), 'system: aims\n');
    await expect(readHandoverOutline(path.join(tmp, 'plain.sops.yaml'))).rejects.toThrow(/plain\.sops\.yaml:1:1 {2}Not a sops file/);
  });
});

describe('isSopsEncrypted', () => {
  it('is true for encrypted files (YAML and sops-made JSON) and false for plaintext or partly decrypted ones', () => {
    const aims = readFileSync(AIMS, 'utf8');
    expect(isSopsEncrypted(aims)).toBe(true);
    expect(isSopsEncrypted('system: aims\npassword: x\n')).toBe(false);
    expect(isSopsEncrypted(aims.replace(/password: ENC\[[^\]]*\]/, 'password: hunter2'))).toBe(false);
    expect(isSopsEncrypted(aims.replace(/ {2}mac: .*\n/, ''))).toBe(false);
    expect(isSopsEncrypted('{{{ not yaml')).toBe(false);
    const vec = path.resolve(repoRoot, '../shared/sops-vectors/example.age.enc.json');
    try {
      expect(isSopsEncrypted(readFileSync(vec, 'utf8'))).toBe(true);
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== 'ENOENT') throw err;
    }
  });
});

describe('file helpers', () => {
  it('wipeFile overwrites the content with zeros before deleting', async () => {
    const f = path.join(tmp, 'secret.txt');
    await writeFileAtomic(f, 'password: hunter2\n', 0o600);
    linkSync(f, `${f}.link`); // a second name keeps the inode readable after deletion
    await wipeFile(f);
    expect(() => readFileSync(f)).toThrow();
    expect(readFileSync(`${f}.link`)).toEqual(Buffer.alloc(18));
  });
});
