/**
 * Tamper matrix: 30 mutations of an encrypted hand-over file, each with its
 * expected outcome — refused (decryption fails with a located message),
 * warned (decrypts, with a located warning on what cannot be trusted), or
 * harmless (decrypts to the same secrets; the reason says why). The matrix is
 * printed. Then the recipient relabelling attack end to end on the file
 * operations: relabelled stanzas are reported, key operations refuse them or
 * wrap only for `.sops.yaml`'s recipients.
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parse } from 'yaml';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { unwrapDataKey, wrapDataKey } from './age-keys.js';
import { inspectSopsText } from './inspect-sops-text.js';
import { decryptText, encryptText, type DecryptResult } from './sops-codec.js';
import { addRecipients, decryptFile, fileContext, removeRecipients, rotateFile } from './secrets-file.js';
import { SopsError } from './sops-error.js';
import { encStrings, newKey, type TestKey } from './test-helpers.js';

const RULE = '^(system|updated_at|rotated_at|name|engine|username|role|application|hostname|os)$';
const PLAIN = `# 移交清单（合成数据）
system: aims
updated_at: "2026-03-02"
databases:
  - name: DEMODB
    engine: SQL Server 2019
    # 主库
    host: 10.20.9.11
    port: 1433
    accounts:
      - username: demo_app
        password: Xk4-first-Pw9
        rotated_at: "2026-01-15"
servers:
  - hostname: demo-app-01
    ip: 10.20.9.21
`;

let k1: TestKey;
let k2: TestKey;
let k3: TestKey; // the attacker
let file: string;
let reference: unknown;

interface Case {
  name: string;
  mutate: (t: string) => string | Promise<string>;
  outcome: 'refused' | 'warned' | 'harmless';
  /** refused: the error; warned: a warning. */
  match?: RegExp;
  reason: string;
  /** Identities used (default k1). */
  ids?: () => string[];
}

const encOf = (t: string, key: string) => new RegExp(`^(\\s*(?:- )?${key}: )(ENC\\[[^\\]]*\\])`, 'm').exec(t)!;
const replaceEnc = (t: string, key: string, f: (enc: string) => string) => {
  const m = encOf(t, key);
  return t.slice(0, m.index) + m[1] + f(m[2]!) + t.slice(m.index + m[0].length);
};
const part = (enc: string, name: string, f: (v: string) => string) => enc.replace(new RegExp(`${name}:([^,\\]]*)`), (_, v: string) => `${name}:${f(v)}`);
const flipB64 = (v: string) => (v[0] === 'A' ? 'B' : 'A') + v.slice(1);
const stanzaEnc = (t: string, i: number) => [...t.matchAll(/-----BEGIN AGE ENCRYPTED FILE-----[\s\S]*?-----END AGE ENCRYPTED FILE-----/g)][i]![0];

const CASES: Case[] = [
  { name: 'flip a byte of a value', mutate: (t) => replaceEnc(t, 'password', (e) => part(e, 'data', flipB64)), outcome: 'refused', match: /password fails authentication/, reason: 'GCM tag' },
  { name: 'swap two values', mutate: (t) => { const a = encOf(t, 'host')[2]!; const b = encOf(t, 'password')[2]!; return t.replace(a, '@@A').replace(b, a).replace('@@A', b); }, outcome: 'refused', match: /fails authentication: it was edited or moved/, reason: 'AAD is the key path' },
  { name: 'copy a value to another key', mutate: (t) => replaceEnc(t, 'ip', () => encOf(t, 'password')[2]!), outcome: 'refused', match: /servers\.ip fails authentication/, reason: 'AAD is the key path' },
  { name: 'edit the tag', mutate: (t) => replaceEnc(t, 'password', (e) => part(e, 'tag', flipB64)), outcome: 'refused', match: /fails authentication/, reason: 'GCM tag' },
  { name: 'edit the IV', mutate: (t) => replaceEnc(t, 'password', (e) => part(e, 'iv', flipB64)), outcome: 'refused', match: /fails authentication/, reason: 'GCM tag' },
  { name: 'type str → int on a password', mutate: (t) => replaceEnc(t, 'password', (e) => e.replace('type:str', 'type:int')), outcome: 'refused', match: /Value at databases\.accounts\.password/, reason: 'the bytes are not an integer' },
  { name: 'type int → str on a port', mutate: (t) => replaceEnc(t, 'port', (e) => e.replace('type:int', 'type:str')), outcome: 'harmless', reason: 'sops does not authenticate the type tag either; the bytes and the MAC are unchanged, only the YAML type of the printed 1433 changes' },
  { name: 'plaintext instead of a value', mutate: (t) => replaceEnc(t, 'password', () => 'Qz7-planted-Pw1'), outcome: 'refused', match: /is not encrypted/, reason: 'the rule wants ciphertext' },
  { name: 'empty string instead of a value', mutate: (t) => replaceEnc(t, 'password', () => '""'), outcome: 'refused', match: /MAC mismatch/, reason: 'the MAC covers every value' },
  { name: 'delete a key', mutate: (t) => t.replace(/^\s*port: ENC\[[^\]]*\]\n/m, ''), outcome: 'refused', match: /MAC mismatch/, reason: 'MAC' },
  { name: 'add a clear key at an exempt path', mutate: (t) => t.replace('system: aims', 'system: aims\nname: injected'), outcome: 'refused', match: /MAC mismatch/, reason: 'clear values are in the MAC' },
  { name: 'add a key with null', mutate: (t) => t.replace('system: aims', 'system: aims\nextra: null'), outcome: 'harmless', reason: 'null carries no data (sops skips nulls too); every secret is unchanged' },
  { name: 'reorder two entries', mutate: (t) => { const lines = t.split('\n'); const h = lines.findIndex((l) => l.includes('- hostname:')); const ip = h + 1; const a = lines[h]!.replace('- ', '  '); const b = lines[ip]!.replace('    ', '  - '); lines[h] = b; lines[ip] = a; return lines.join('\n'); }, outcome: 'refused', match: /MAC mismatch/, reason: 'the MAC is order-sensitive' },
  { name: 'edit lastmodified', mutate: (t) => t.replace(/lastmodified: "(\d{4})/, (_, y: string) => `lastmodified: "${Number(y) + 1}`), outcome: 'refused', match: /MAC fails authentication/, reason: 'the MAC is bound to lastmodified' },
  { name: 'edit the MAC', mutate: (t) => t.replace(/mac: (ENC\[[^\]]*\])/, (_, e: string) => `mac: ${part(e, 'data', flipB64)}`), outcome: 'refused', match: /MAC fails authentication/, reason: 'GCM tag of the MAC' },
  { name: 'delete the MAC', mutate: (t) => t.replace(/^\s*mac: .*\n/m, ''), outcome: 'refused', match: /MAC is missing/, reason: 'no MAC, no trust' },
  { name: "file's unencrypted_regex set to `.`", mutate: (t) => t.replace(/unencrypted_regex: .*/, 'unencrypted_regex: .'), outcome: 'refused', match: /MAC mismatch/, reason: 'ciphertext read as clear changes the MAC; the guard also reports the rule differs from .sops.yaml' },
  { name: 'mac_only_encrypted added', mutate: (t) => t.replace(/(\n\s*version: )/, '\n  mac_only_encrypted: true$1'), outcome: 'refused', match: /MAC mismatch/, reason: 'the MAC input changes' },
  { name: 'crafted regex ^(a+)+$ and a long key', mutate: (t) => t.replace(/unencrypted_regex: .*/, 'unencrypted_regex: ^(a+)+$').replace('system: aims', `system: aims\n${'a'.repeat(60)}!: x`), outcome: 'refused', match: /not encrypted|MAC/, reason: 'RE2 matches in linear time; the injected clear key then fails' },
  { name: 'invalid regex in the metadata', mutate: (t) => t.replace(/unencrypted_regex: .*/, 'unencrypted_regex: "(?<=a)b"'), outcome: 'refused', match: /:\d+:\d+ {2}Unexpected sops\.unencrypted_regex: not a valid RE2/, reason: 'one located line, no internal error' },
  { name: 'alias bomb', mutate: (t) => t.replace('system: aims', `system: aims\nbomb0: &b0 [x, x, x, x, x, x, x, x, x, x]\n${Array.from({ length: 7 }, (_, i) => `bomb${i + 1}: &b${i + 1} [${Array(10).fill(`*b${i}`).join(', ')}]`).join('\n')}`), outcome: 'refused', match: /alias bomb/, reason: 'expansion budget' },
  { name: 'second sops key', mutate: (t) => `${t}sops: {}\n`, outcome: 'refused', match: /Unexpected|Map keys must be unique/, reason: 'duplicate keys are refused' },
  { name: 'unknown key in the sops block', mutate: (t) => t.replace(/(\n\s*version: )/, '\n  note: hello$1'), outcome: 'harmless', reason: 'ignored, as sops ignores it; nothing it says is used' },
  { name: 'version changed', mutate: (t) => t.replace(/version: .*/, 'version: 9.9.9'), outcome: 'harmless', reason: 'informational only' },
  { name: 'NUL byte in a value', mutate: (t) => replaceEnc(t, 'password', (e) => e.replace('data:', 'data:\u0000')), outcome: 'refused', match: /Unexpected|fails authentication|not encrypted/, reason: 'not valid base64/YAML' },
  { name: 'edit an encrypted comment', mutate: (t) => t.replace(/^(\s*)#(ENC\[[^\]]*\])/m, (_, sp: string, e: string) => `${sp}#${part(e, 'data', flipB64)}`), outcome: 'refused', match: /comment .* fails authentication/, reason: 'GCM tag' },
  { name: 'insert a clear comment', mutate: (t) => t.replace('servers:', '# sa 密码已改为 Qz7-planted-Pw1\nservers:'), outcome: 'warned', match: /:\d+:1 {2}warning: comment in clear text .* not printed/, reason: 'not authenticated: left out of the output, named by line' },
  { name: 'truncate stanza 0 (k2 still intact)', mutate: (t) => t.replace(stanzaEnc(t, 0), stanzaEnc(t, 0).split('\n').slice(0, 2).join('\n')), outcome: 'warned', match: /sops\.age\[0\].*not a valid armored age file/, reason: 'every stanza is tried; k2 opens its own', ids: () => [k1.identity, k2.identity] },
  { name: 'relabel stanza 0 to the attacker', mutate: (t) => t.replace(`recipient: ${k1.recipient}`, `recipient: ${k3.recipient}`), outcome: 'warned', match: /labelled age1.* opened with the identity of age1.*label does not match/, reason: 'decrypt still works; key operations refuse the file (test below)' },
  { name: 'remove stanza 1', mutate: (t) => { const lines = t.split('\n'); const i = lines.findIndex((l) => l.includes(`recipient: ${k2.recipient}`)); const end = lines.findIndex((l, j) => j > i && l.includes('-----END AGE ENCRYPTED FILE-----')); lines.splice(i, end - i + 1); return lines.join('\n'); }, outcome: 'harmless', reason: 'fewer people can read it; the guard reports the recipients differ from .sops.yaml' },
  {
    name: 'stanza wrapping another data key put first',
    mutate: async (t) => {
      const rogue = await wrapDataKey(new Uint8Array(32).fill(7), k1.recipient);
      return t.replace(/\n(\s*)age:\n/, (_, sp: string) => `\n${sp}age:\n${sp}  - recipient: ${k1.recipient}\n${sp}    enc: |\n${rogue.trim().split('\n').map((l) => `${sp}      ${l}`).join('\n')}\n`);
    },
    outcome: 'warned',
    match: /does not authenticate this file/,
    reason: 'the key that opens the MAC wins; the other stanza is reported',
  },
];

beforeAll(async () => {
  [k1, k2, k3] = await Promise.all([newKey(), newKey(), newKey()]);
  file = await encryptText(PLAIN, { file: 'm.sops.yaml', format: 'yaml', recipients: [k1.recipient, k2.recipient], rule: { kind: 'unencrypted_regex', value: RULE } });
  reference = parse(PLAIN);
});

async function attempt(text: string, ids: string[]): Promise<{ result?: DecryptResult; error?: Error }> {
  try {
    return { result: await decryptText(text, { file: 'm.sops.yaml', format: 'yaml', identities: ids }) };
  } catch (error) {
    return { error: error as Error };
  }
}

describe('tamper matrix', { timeout: 120_000 }, () => {
  it(`has at least 20 mutations, each with its expected outcome (${CASES.length})`, async () => {
    expect(CASES.length).toBeGreaterThanOrEqual(20);
    const rows: string[] = [];
    for (const c of CASES) {
      const text = await c.mutate(file);
      expect(text, c.name).not.toBe(file);
      const { result, error } = await attempt(text, c.ids?.() ?? [k1.identity]);
      if (c.outcome === 'refused') {
        expect(error, `${c.name}: expected a refusal`).toBeInstanceOf(SopsError);
        expect(error!.message, c.name).toMatch(c.match!);
        expect(error!.message.split('\n'), c.name).toHaveLength(1);
        rows.push(`refused   ${c.name} — ${error!.message.replace(/^\S+\s+/, '')}`);
      } else {
        expect(error, `${c.name}: ${error?.message}`).toBeUndefined();
        const data = parse(result!.plaintext) as { databases: { accounts: { password: string }[] }[]; servers: { ip: string }[] };
        expect(data.databases[0]!.accounts[0]!.password, c.name).toBe('Xk4-first-Pw9');
        expect(result!.plaintext, c.name).not.toContain('Qz7-planted');
        if (c.outcome === 'warned') {
          expect(result!.warnings.join('\n'), c.name).toMatch(c.match!);
          rows.push(`warned    ${c.name} — ${c.reason}`);
        } else {
          rows.push(`harmless  ${c.name} — ${c.reason}`);
        }
      }
    }
    console.log(`tamper matrix (${CASES.length} mutations)\n${rows.join('\n')}`);
  });

  it('the unmodified file decrypts to the plaintext with no warning', async () => {
    const r = await decryptText(file, { file: 'm.sops.yaml', format: 'yaml', identities: [k1.identity] });
    expect(parse(r.plaintext)).toEqual(reference);
    expect(r.warnings).toEqual([]);
    expect(r.stanzas.map((s) => s.status)).toEqual(['opened', 'not-openable']);
  });

  it('the guard sees the relabelled, truncated and rule-changed files as not matching .sops.yaml', async () => {
    const expected = { recipients: [k1.recipient, k2.recipient], rule: { kind: 'unencrypted_regex' as const, value: RULE }, macOnlyEncrypted: false, source: '.sops.yaml creation_rules[0]' };
    for (const name of ['relabel stanza 0 to the attacker', "file's unencrypted_regex set to `.`", 'remove stanza 1', 'insert a clear comment']) {
      const c = CASES.find((x) => x.name === name)!;
      expect(inspectSopsText(await c.mutate(file), { expected }).encrypted, name).toBe(false);
    }
    expect(inspectSopsText(file, { expected }).encrypted).toBe(true);
  });
});

describe('no internal error for any bad input', { timeout: 120_000 }, () => {
  it('120 random mutations of the file: decrypt either succeeds or refuses with a one-line SopsError', async () => {
    let seed = 7;
    const rnd = () => ((seed = (seed * 1103515245 + 12345) & 0x7fffffff) / 0x7fffffff);
    const pieces = ['ENC[', ']', ',', ':', '\n', '  ', '- ', '#', '"', "'", '&a ', '*a', '{', '[', '\u0000', 'type:int', 'AGE', '-----', '!!str ', '? ', '|', '>', '%', '@', 'é', '住'];
    for (let i = 0; i < 120; i++) {
      const at = Math.floor(rnd() * file.length);
      const cut = Math.floor(rnd() * 30);
      const text = file.slice(0, at) + pieces[Math.floor(rnd() * pieces.length)]! + file.slice(at + cut);
      try {
        await decryptText(text, { file: 'm.sops.yaml', format: 'yaml', identities: [k1.identity, k2.identity] });
      } catch (err) {
        expect(err, String((err as Error).stack)).toBeInstanceOf(SopsError);
        expect((err as Error).message.split('\n')).toHaveLength(1);
      }
    }
  });
});

describe('recipient relabelling through the file operations', () => {
  let root: string;
  const REL = 'secrets/demo.sops.yaml';
  const env = (k: TestKey) => ({ SOPS_AGE_KEY: k.identity, HOME: root });
  beforeAll(() => {
    root = mkdtempSync(path.join(os.tmpdir(), 'opsbook-relabel-'));
    mkdirSync(path.join(root, 'secrets'), { recursive: true });
    writeFileSync(path.join(root, '.sops.yaml'), `creation_rules:\n  - path_regex: secrets/.*\\.sops\\.yaml$\n    age: ${k1.recipient},${k2.recipient}\n    unencrypted_regex: ${RULE}\n`);
  });
  afterAll(() => rmSync(root, { recursive: true, force: true }));

  const relabelled = () => file.replace(`recipient: ${k2.recipient}`, `recipient: ${k3.recipient}`);
  const ctx = () => fileContext(root, path.join(root, REL));

  it('the identity that opened a stanza is checked against its label (per stanza)', async () => {
    writeFileSync(path.join(root, REL), relabelled());
    const r = await decryptFile(ctx(), env(k2));
    expect(r.stanzas.map((s) => s.status)).toEqual(['not-openable', 'label-mismatch']);
    expect(r.stanzas[1]!.message).toContain(`labelled ${k3.recipient} but was opened with the identity of ${k2.recipient}`);
  });

  it('add-recipient, remove-recipient and rotate refuse a file whose labels are proven wrong', async () => {
    writeFileSync(path.join(root, REL), relabelled());
    const k4 = await newKey();
    await expect(addRecipients(ctx(), [k4.recipient], env(k2))).rejects.toThrow(/Refused: sops\.age\[1\] is labelled/);
    await expect(removeRecipients(ctx(), [k1.recipient], env(k2))).rejects.toThrow(/Refused/);
    await expect(rotateFile(ctx(), [], env(k2))).rejects.toThrow(/Refused/);
  });

  it('an operator who cannot prove the label wraps only for .sops.yaml: the attacker opens nothing', async () => {
    // k1's holder cannot open the relabelled stanza, so cannot tell it is false: the wrap must not trust it.
    writeFileSync(path.join(root, REL), relabelled());
    const k4 = await newKey();
    const added = await addRecipients(ctx(), [k4.recipient], env(k1));
    expect(added.recipients).toEqual([k1.recipient, k2.recipient, k4.recipient]);
    expect(added.warnings.join('\n')).toContain('is not in .sops.yaml creation_rules[0]');
    writeFileSync(path.join(root, REL), relabelled());
    const removed = await removeRecipients(ctx(), [k1.recipient], env(k1));
    expect(removed.recipients).toEqual([k2.recipient]);
    for (const text of [added.text, removed.text]) {
      expect(text).not.toContain(k3.recipient);
      const stanzas = (parse(text) as { sops: { age: { enc: string }[] } }).sops.age.map((a) => a.enc);
      expect(stanzas.length).toBeGreaterThan(0);
      for (const s of stanzas) expect(await unwrapDataKey(s, [k3.identity])).toBeNull();
    }
    expect(encStrings(removed.text).length).toBeGreaterThan(0);
  });
});
