import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import { inspectSopsText, isSopsEncrypted } from './index.js';
import { encryptText } from './sops-codec.js';
import { newKey, type TestKey } from './test-helpers.js';

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const vectors = path.resolve(repoRoot, '../shared/sops-vectors');
const HANDOVER = ['aims', 'icis'].map((s) => path.join(repoRoot, `records/handover/${s}.sops.yaml`));

const PLAIN = `system: aims
databases:
  - name: AIMSDB
    host: 10.20.30.40
    port: 1433
    accounts:
      - username: aims_app
        password: Sa#2026x
note_unencrypted: 明文备注可以保留
empty: ""
nothing: null
`;

let key: TestKey;
let enc: string;
beforeAll(async () => {
  key = await newKey();
  enc = await encryptText(PLAIN, { file: 'x.sops.yaml', format: 'yaml', recipients: [key.recipient] });
});

/** 1-based line/column of the first occurrence of `needle`. */
function posOf(text: string, needle: string, from = 0): { line: number; column: number } {
  const i = text.indexOf(needle, from);
  if (i < 0) throw new Error(`missing ${needle}`);
  const before = text.slice(0, i).split('\n');
  return { line: before.length, column: before[before.length - 1]!.length + 1 };
}

describe('inspectSopsText', () => {
  it('accepts a file the codec encrypted (clear `_unencrypted` keys, "" and null allowed)', () => {
    expect(inspectSopsText(enc)).toEqual({ encrypted: true, problems: [] });
    expect(isSopsEncrypted(enc)).toBe(true);
  });

  it('accepts the repository hand-over manifests', () => {
    for (const f of HANDOVER) expect(inspectSopsText(readFileSync(f, 'utf8')), f).toEqual({ encrypted: true, problems: [] });
  });

  it.skipIf(!existsSync(vectors))('accepts the sops-made age vectors (YAML and JSON)', () => {
    for (const f of ['example.age.enc.yaml', 'example.age.enc.json', 'extra-sops-age-repo/secret.enc.yaml']) {
      expect(inspectSopsText(readFileSync(path.join(vectors, f), 'utf8')).problems, f).toEqual([]);
    }
  });

  it('reports a plaintext file at 1:1 (no sops block)', () => {
    expect(inspectSopsText(PLAIN)).toEqual({
      encrypted: false,
      problems: [{ kind: 'no-metadata', path: [], line: 1, column: 1, message: 'no `sops` metadata block: the file is not SOPS-encrypted' }],
    });
  });

  it('reports each value left in clear at the value, naming its key path and never the value', () => {
    const text = enc.replace(/password: ENC\[[^\]]*\]/, 'password: Sa#2026x').replace(/port: ENC\[[^\]]*\]/, 'port: 1433');
    const r = inspectSopsText(text);
    expect(r.encrypted).toBe(false);
    expect(r.problems).toEqual([
      { kind: 'plain-value', path: ['databases', 'port'], ...posOf(text, '1433'), message: 'value of `databases.port` is in clear text, expected ENC[AES256_GCM,…]' },
      { kind: 'plain-value', path: ['databases', 'accounts', 'password'], ...posOf(text, 'Sa#2026x'), message: expect.stringContaining('databases.accounts.password') },
    ]);
    expect(JSON.stringify(r)).not.toMatch(/Sa#2026x|1433/);
  });

  it('reports a look-alike ENC value (short IV, unknown type, bad tag)', () => {
    const bad = [
      enc.replace(/host: ENC\[[^\]]*\]/, 'host: ENC[AES256_GCM,data:abcd,iv:c2hvcnQ=,tag:AAAAAAAAAAAAAAAAAAAAAA==,type:str]'),
      enc.replace(/type:int\]/, 'type:blob]'),
      enc.replace(/(host: ENC\[[^\]]*tag:)[^,]*/, '$1x=='),
    ];
    for (const t of bad) expect(inspectSopsText(t).problems.map((p) => p.kind)).toEqual(['malformed-value']);
  });

  it('reports a missing or malformed MAC, a missing lastmodified, and no age recipient', () => {
    const noMac = inspectSopsText(enc.replace(/ {2}mac: .*\n/, ''));
    expect(noMac.problems).toEqual([expect.objectContaining({ kind: 'no-mac', path: ['sops'], ...posOf(enc, 'age:') })]);
    const badMac = enc.replace(/( {2}mac: ENC\[[^\]]*type:)str\]/, '$1int]');
    expect(inspectSopsText(badMac).problems).toEqual([expect.objectContaining({ kind: 'no-mac', path: ['sops', 'mac'], ...posOf(badMac, 'ENC[AES256_GCM,data', badMac.indexOf('  mac:')) })]);
    expect(inspectSopsText(enc.replace(/ {2}lastmodified: .*\n/, '')).problems.map((p) => p.kind)).toEqual(['no-lastmodified']);
    const noAge = enc.replace(/ {2}age:\n[\s\S]*?-----END AGE ENCRYPTED FILE-----\n/, '');
    expect(inspectSopsText(noAge).problems).toEqual([expect.objectContaining({ kind: 'metadata', message: expect.stringMatching(/No keys found/) })]);
    const pgpOnly = noAge.replace(/^sops:\n/m, 'sops:\n  pgp:\n    - fp: 0123456789ABCDEF\n      enc: x\n');
    expect(inspectSopsText(pgpOnly).problems).toEqual([expect.objectContaining({ kind: 'no-recipients', message: '`sops` block lists no age recipients (only pgp)' })]);
    const fakeRecipient = enc.replace(/recipient: age1\w+/, 'recipient: not-a-recipient');
    expect(inspectSopsText(fakeRecipient).problems).toEqual([expect.objectContaining({ kind: 'no-recipients', path: ['sops', 'age'], line: posOf(enc, '- recipient').line })]);
  });

  it('follows the file’s own rule (unencrypted_regex, encrypted_regex; one rule, a valid regex)', async () => {
    const regex = await encryptText('host: 10.0.0.5\npassword: pw-demo-1\n', { file: 'r.yaml', format: 'yaml', recipients: [key.recipient], rule: { kind: 'unencrypted_regex', value: '^host$' } });
    expect(isSopsEncrypted(regex)).toBe(true);
    expect(isSopsEncrypted(regex.replace('unencrypted_regex: ^host$', 'unencrypted_regex: ^port$'))).toBe(false);
    expect(isSopsEncrypted(regex.replace('unencrypted_regex: ^host$', 'encrypted_regex: ^password$'))).toBe(true);
    const two = inspectSopsText(regex.replace('unencrypted_regex: ^host$', 'unencrypted_regex: ^host$\n  encrypted_regex: ^password$'));
    expect(two.problems.map((p) => p.kind)).toEqual(['metadata']);
    const badRe = inspectSopsText(regex.replace('unencrypted_regex: ^host$', 'unencrypted_regex: ^(host$'));
    expect(badRe.problems).toEqual([expect.objectContaining({ kind: 'metadata', path: ['sops', 'unencrypted_regex'] })]);
  });

  it('reads JSON files and locates their clear values', async () => {
    const json = await encryptText('{"user": "app", "password": "pw-demo-3"}', { file: 'j.json', format: 'json', recipients: [key.recipient] });
    expect(inspectSopsText(json).encrypted).toBe(true);
    const clear = json.replace(/"password": "ENC\[[^\]]*\]"/, '"password": "pw-demo-3"');
    expect(inspectSopsText(clear).problems).toEqual([expect.objectContaining({ kind: 'plain-value', path: ['password'], ...posOf(clear, '"pw-demo-3"') })]);
  });

  it('reports unreadable text as a located syntax problem instead of throwing', () => {
    expect(inspectSopsText('a: [1,\n').problems).toEqual([expect.objectContaining({ kind: 'syntax', line: expect.any(Number) })]);
    expect(inspectSopsText('{{{ not yaml').encrypted).toBe(false);
    expect(inspectSopsText('- a\n- b\n').problems).toEqual([expect.objectContaining({ kind: 'syntax', line: 1, column: 1, message: expect.stringMatching(/expected a mapping/) })]);
    expect(inspectSopsText('')).toEqual({ encrypted: false, problems: [expect.objectContaining({ kind: 'no-metadata' })] });
  });

  it('never quotes a value, even one with an odd tag', () => {
    const r = inspectSopsText(enc.replace(/host: ENC\[[^\]]*\]/, 'host: !!int hunter2-secret'));
    expect(r.problems).toEqual([expect.objectContaining({ kind: 'syntax', path: ['databases', 'host'] })]);
    expect(JSON.stringify(r)).not.toContain('hunter2');
  });
});
