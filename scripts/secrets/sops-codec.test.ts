import { parse } from 'yaml';
import { beforeAll, describe, expect, it } from 'vitest';
import { decryptText, encryptText } from './sops-codec.js';
import { SopsError } from './sops-error.js';
import { encStrings, newKey, SAMPLE, type TestKey } from './test-helpers.js';

let k1: TestKey;
let k2: TestKey;
beforeAll(async () => {
  k1 = await newKey();
  k2 = await newKey();
});

const enc = (text: string, extra: Partial<Parameters<typeof encryptText>[1]> = {}) =>
  encryptText(text, { file: 'x.sops.yaml', format: 'yaml', recipients: [k1.recipient], ...extra });
const dec = (text: string, ids = [k1.identity]) => decryptText(text, { file: 'x.sops.yaml', format: 'yaml', identities: ids });

async function failure(p: Promise<unknown>): Promise<SopsError> {
  try {
    await p;
  } catch (err) {
    if (err instanceof SopsError) return err;
    throw err;
  }
  throw new Error('expected a SopsError');
}

describe('round trip', () => {
  it('encrypts every leaf and comment, keeps keys and order, and decrypts to the same data', async () => {
    const out = await enc(SAMPLE);
    expect(out).not.toContain('Zq8-demo-pass-4711');
    expect(out).not.toContain('head of user');
    expect(out).toContain('url: https://example.org'); // _unencrypted subtree stays clear
    expect(out).toContain('empty: ""');
    expect(out).toMatch(/nothing: null/);
    expect(out).toMatch(/count: ENC\[AES256_GCM,[^\]]*type:int\]/);
    expect(out).toMatch(/whole: ENC\[AES256_GCM,[^\]]*type:float\]/);
    expect(out).toMatch(/when: ENC\[AES256_GCM,[^\]]*type:time\]/);
    expect(out).toMatch(/enabled: ENC\[AES256_GCM,[^\]]*type:bool\]/);
    expect(out).toMatch(/^#ENC\[AES256_GCM,[^\]]*type:comment\]$/m);
    expect(Object.keys(parse(out) as object)).toEqual([...Object.keys(parse(SAMPLE) as object), 'sops']);
    const r = await dec(out);
    expect(parse(r.plaintext)).toEqual({ ...(parse(SAMPLE) as object), when: '2024-01-02T00:00:00Z', octal: 493 });
    expect(r.plaintext).toContain('# head of user');
    expect(r.plaintext).toContain('# between items');
    expect(r.plaintext).toContain('whole: 2.0');
    expect(r.plaintext).toContain('quoted: "42"');
  });

  it('re-encrypting the decrypted text gives the same MAC (typing is stable)', async () => {
    const first = await dec(await enc(SAMPLE));
    const second = await dec(await enc(first.plaintext));
    expect(second.mac).toBe(first.mac);
    expect(second.plaintext).toBe(first.plaintext);
  });

  it('handles multi-document YAML (metadata appended to every document)', async () => {
    const out = await enc('a: secret-a\n---\nb: secret-b\n');
    expect(out.match(/^sops:/gm)).toHaveLength(2);
    expect((await dec(out)).plaintext).toBe('a: secret-a\n---\nb: secret-b\n');
  });

  it('handles JSON with sops typing (numbers are floats)', async () => {
    const out = await encryptText('{"user": "u1", "n": 25, "ok": true, "list": [1, "x"]}', { file: 'x.json', format: 'json', recipients: [k1.recipient] });
    expect(out).toMatch(/"n": "ENC\[AES256_GCM,[^\]]*type:float\]"/);
    expect(JSON.parse(out).sops.age[0].recipient).toBe(k1.recipient);
    const r = await decryptText(out, { file: 'x.json', format: 'json', identities: [k1.identity] });
    expect(JSON.parse(r.plaintext)).toEqual({ user: 'u1', n: 25, ok: true, list: [1, 'x'] });
  });

  it('honours unencrypted_regex on every key of the path', async () => {
    const out = await enc('servers:\n  - hostname: h1\n    ip: 10.20.1.1\n', { rule: { kind: 'unencrypted_regex', value: '^(hostname)$' } });
    expect(out).toContain('hostname: h1');
    expect(out).not.toContain('10.20.1.1');
    expect(out).toContain('unencrypted_regex: ^(hostname)$');
    await expect(dec(out)).resolves.toBeTruthy();
  });

  it('refuses what sops refuses', async () => {
    expect((await failure(enc(''))).message).toMatch(/completely empty/);
    expect((await failure(enc('- a\n- b\n'))).message).toMatch(/expected a mapping/);
    expect((await failure(enc('1: x\n'))).message).toMatch(/x.sops.yaml:1:1 .*int key/);
    expect((await failure(enc('a: 1\na: 2\n'))).message).toMatch(/x.sops.yaml:2:1 .*unique/);
    expect((await failure(enc(await enc('a: 1\n')))).message).toMatch(/already encrypted/);
  });
});

describe('integrity', () => {
  let file: string;
  beforeAll(async () => {
    file = await enc('app:\n  password: first-secret\nother:\n  password: second-secret\nlist:\n  - one\n  - two\n# note\n');
  });

  it('refuses a value swapped between two keys (different key paths)', async () => {
    const [a, b] = [/app:\n {2}password: (\S+)/.exec(file)![1]!, /other:\n {2}password: (\S+)/.exec(file)![1]!];
    const swapped = file.replace(a, 'A-PLACEHOLDER').replace(b, a).replace('A-PLACEHOLDER', b);
    const e = await failure(dec(swapped));
    expect(e.message).toMatch(/^x\.sops\.yaml:2:13 {2}Value at app\.password fails authentication/);
    expect(e.exitCode).toBe(1);
  });

  it('refuses list items swapped (same key path: caught by the MAC)', async () => {
    const [one, two] = encStrings(file.split('list:')[1]!.split('sops:')[0]!);
    const swapped = file.replace(one!, '@@SWAP@@').replace(two!, one!).replace('@@SWAP@@', two!);
    expect((await failure(dec(swapped))).message).toMatch(/MAC mismatch/);
  });

  it('refuses an edited ciphertext byte', async () => {
    const m = /password: ENC\[AES256_GCM,data:(.)/.exec(file)!;
    const edited = file.replace(m[0], `password: ENC[AES256_GCM,data:${m[1] === 'A' ? 'B' : 'A'}`);
    expect((await failure(dec(edited))).message).toMatch(/app\.password fails authentication/);
  });

  it('refuses a removed or edited MAC, and an edited lastmodified', async () => {
    expect((await failure(dec(file.replace(/ {2}mac: .*\n/, '')))).message).toMatch(/MAC is missing/);
    const mac = /mac: (ENC\[[^\]]*\])/.exec(file)![1]!;
    const other = encStrings(file)[0]!;
    expect((await failure(dec(file.replace(mac, other)))).message).toMatch(/MAC fails authentication/);
    expect((await failure(dec(file.replace(/lastmodified: "(\d{4})/, 'lastmodified: "1999')))).message).toMatch(/MAC fails authentication/);
  });

  it('refuses an edited encrypted comment and a plaintext value', async () => {
    const comment = /^#(ENC\[[^\]]*\])$/m.exec(file)![1]!;
    const tampered = comment.replace(/data:(.)/, (_m, c: string) => `data:${c === 'A' ? 'B' : 'A'}`);
    expect((await failure(dec(file.replace(comment, tampered)))).message).toMatch(/comment .*fails authentication/);
    expect((await failure(dec(file.replace(/(app:\n {2}password: )\S+/, '$1plain')))).message).toMatch(/app\.password is not encrypted/);
  });

  it('reports a wrong key clearly (exit 2), naming the recipients', async () => {
    const e = await failure(dec(file, [k2.identity]));
    expect(e.message).toContain(`Wrong key: none of the 1 age identity`);
    expect(e.message).toContain(k1.recipient);
    expect(e.exitCode).toBe(2);
    expect((await failure(dec(file, []))).message).toMatch(/No age identity: set SOPS_AGE_KEY_FILE/);
  });
});

describe('data key reuse', () => {
  it('keeps the ciphertext of unchanged values when re-encrypting with the stash', async () => {
    const original = await enc('a: one\nb: two\nc: [x, y]\n# c1\n', { recipients: [k1.recipient, k2.recipient] });
    const r = await dec(original);
    const edited = r.plaintext.replace('b: two', 'b: changed');
    const again = await enc(edited, { dataKey: r.dataKey, stash: r.stash, wrapped: r.metadata.age, recipients: [k1.recipient, k2.recipient] });
    const before = encStrings(original);
    const after = encStrings(again);
    const mac = (t: string) => /mac: (ENC\[[^\]]*\])/.exec(t)![1]!;
    const changed = after.filter((s, i) => s !== before[i]);
    expect(changed).toEqual([after[1], mac(again)]); // only b and the MAC
    expect(again).toContain(r.metadata.age[1]!.enc.trim().split('\n')[1]); // wrapped keys kept
    expect(parse((await dec(again, [k2.identity])).plaintext)).toEqual({ a: 'one', b: 'changed', c: ['x', 'y'] });
  });
});
