/**
 * Interoperability: files made by sops itself (../shared/sops-vectors) decrypt
 * and MAC-verify here; our files decrypt with the `sops-age` package and our
 * wrapped data key opens with the Debian `age` CLI.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { decryptSops } from 'sops-age';
import { parse } from 'yaml';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseIdentityText } from './age-keys.js';
import { decryptText, encryptText } from './sops-codec.js';
import { newKey, SAMPLE, type TestKey } from './test-helpers.js';

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const VECTORS = path.resolve(repoRoot, '../shared/sops-vectors');
const haveVectors = existsSync(VECTORS);
const AGE_CLI = '/usr/bin/age';

const vectors = [
  // file, format, key file, expected data key, expected MAC prefix (from the vectors README)
  ['example.age.enc.yaml', 'yaml', 'keys.txt', '9ac088cf7029981341457c39dd56dde54600dfbce9b5ede23aa65c418900ab67', '82187187F7F09465600C3C74AAAD50CA'],
  ['example.age.enc.json', 'json', 'keys.txt', '82ee047aa51fbcf65882bdeb1996b6d729d457364a9eba6b41766cc742415fdb', 'BC8999F51CABC9A4FF2FED2333DCFC55'],
  ['extra-sops-age-repo/secret.enc.yaml', 'yaml', 'extra-sops-age-repo/key.txt', '81d247290bee0b25484e76101e727f63fc984896953fe4888864f49db529e73a', '3B83FDE1D6E139C4E0789EBDFFDE65D3'],
] as const;

describe.skipIf(!haveVectors)(`files made by sops 3.7.1 / 3.8.1 (${haveVectors ? VECTORS : 'skipped: ../shared/sops-vectors is absent'})`, () => {
  it.each(vectors)('%s decrypts and MAC-verifies', async (file, format, keyFile, dataKey, macPrefix) => {
    const ids = parseIdentityText(readFileSync(path.join(VECTORS, keyFile), 'utf8'), keyFile);
    const r = await decryptText(readFileSync(path.join(VECTORS, file), 'utf8'), { file, format, identities: ids });
    expect(Buffer.from(r.dataKey).toString('hex')).toBe(dataKey);
    expect(r.mac.startsWith(macPrefix)).toBe(true);
    if (file === 'example.age.enc.yaml') {
      const expected = JSON.parse(readFileSync(path.join(VECTORS, 'example.age.yaml.decrypted.json'), 'utf8')) as unknown;
      expect(parse(r.plaintext)).toEqual(expected);
      expect(r.counts.comments).toBe(4); // AAD app2:db: and this:is:a:nested:
      expect(r.plaintext).toContain('# private key for secret operations in app2');
    }
    if (file === 'example.age.enc.json') {
      const expected = JSON.parse(readFileSync(path.join(VECTORS, 'example.age.json.decrypted.json'), 'utf8')) as unknown;
      expect(JSON.parse(r.plaintext)).toEqual(expected);
    }
  });

  it('each single identity of a two-recipient sops file recovers the same data key', async () => {
    const single = parseIdentityText(readFileSync(path.join(VECTORS, 'keys.single.txt'), 'utf8'), 'keys.single.txt');
    const r = await decryptText(readFileSync(path.join(VECTORS, 'example.age.enc.yaml'), 'utf8'), { file: 'v', format: 'yaml', identities: single });
    expect(Buffer.from(r.dataKey).toString('hex')).toBe(vectors[0][3]);
  });

  it('detects a value edited in a sops-made file', async () => {
    const ids = parseIdentityText(readFileSync(path.join(VECTORS, 'keys.txt'), 'utf8'), 'keys.txt');
    const text = readFileSync(path.join(VECTORS, 'example.age.enc.yaml'), 'utf8').replace('all: going to remain in clear text', 'all: changed in clear text');
    await expect(decryptText(text, { file: 'v.yaml', format: 'yaml', identities: ids })).rejects.toThrow(/MAC mismatch/);
  });
});

describe('our files in other decoders', () => {
  let key: TestKey;
  let tmp: string;
  beforeAll(async () => {
    key = await newKey();
    tmp = mkdtempSync(path.join(os.tmpdir(), 'opsbook-interop-'));
  });
  afterAll(() => rmSync(tmp, { recursive: true, force: true }));

  it('sops-age decrypts a file we encrypted', async () => {
    const text = await encryptText('user: app\npassword: s3cr3t-demo\nport: 1433\nratio: 0.5\nok: true\nlist:\n  - a\n  - b: c\nnested:\n  deep:\n    v: x\n', {
      file: 'f.yaml', format: 'yaml', recipients: [key.recipient],
    });
    const out = await decryptSops(text, { secretKey: key.identity, fileType: 'yaml' });
    expect(out).toEqual({ user: 'app', password: 's3cr3t-demo', port: 1433, ratio: 0.5, ok: true, list: ['a', { b: 'c' }], nested: { deep: { v: 'x' } } });
  });

  it('sops-age decrypts our JSON output', async () => {
    const text = await encryptText('{"a": "x", "n": 2.5}', { file: 'f.json', format: 'json', recipients: [key.recipient] });
    expect(await decryptSops(text, { secretKey: key.identity, fileType: 'json' })).toEqual({ a: 'x', n: 2.5 });
  });

  it.skipIf(!existsSync(AGE_CLI))('the age CLI unwraps our data key (32 bytes, same as ours)', async () => {
    const k2 = await newKey();
    const text = await encryptText(SAMPLE, { file: 'f.yaml', format: 'yaml', recipients: [key.recipient, k2.recipient] });
    const ours = await decryptText(text, { file: 'f.yaml', format: 'yaml', identities: [k2.identity] });
    const meta = (parse(text) as { sops: { age: { recipient: string; enc: string }[] } }).sops;
    for (const [i, k] of [key, k2].entries()) {
      writeFileSync(path.join(tmp, `id${i}.txt`), `${k.identity}\n`, { mode: 0o600 });
      writeFileSync(path.join(tmp, `enc${i}.age`), meta.age[i]!.enc);
      const raw = execFileSync(AGE_CLI, ['-d', '-i', path.join(tmp, `id${i}.txt`), path.join(tmp, `enc${i}.age`)]);
      expect(raw.length).toBe(32);
      expect(Buffer.from(raw).equals(Buffer.from(ours.dataKey))).toBe(true);
    }
  });
});

describe('committed demo manifests', () => {
  it.each(['aims', 'icis'])('%s decrypts with both DEMO-ONLY identities, in sops-age too, and matches the hand-over schema', async (system) => {
    const { decryptFile, fileContext } = await import('./secrets-file.js');
    const ctx = fileContext(repoRoot, path.join(repoRoot, `records/handover/${system}.sops.yaml`));
    const text = readFileSync(ctx.abs, 'utf8');
    for (const keyFile of ['keys/DEMO-ONLY-age-identity.txt', 'keys/DEMO-ONLY-hospital-it-age-identity.txt']) {
      const r = await decryptFile(ctx, { SOPS_AGE_KEY_FILE: path.join(repoRoot, keyFile), HOME: os.tmpdir() });
      const data = parse(r.plaintext) as { system: string };
      expect(data.system).toBe(system);
      const id = parseIdentityText(readFileSync(path.join(repoRoot, keyFile), 'utf8'), keyFile)[0]!;
      expect(await decryptSops(text, { secretKey: id, fileType: 'yaml' })).toEqual(data);
    }
  });
});
