/**
 * Each bypass of issue #12 as a test, on a temporary knowledge base with a
 * real `.sops.yaml` and a really encrypted hand-over file:
 * a plaintext file with a copied `sops:` block, a NUL byte in a ticket,
 * `ENC[…]` around plaintext in an ordinary record, unscanned versioned docs,
 * symbolic links (also to outside the root), FIFOs, crafted and invalid
 * regexes in hand-over metadata, `.sops.yaml` and the allow-list; and many
 * malformed inputs that must never end in an internal error.
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { encryptText } from '../secrets/index.js';
import { newKey, type TestKey } from '../secrets/test-helpers.js';
import { runCliAsync } from '../testing/run-cli.js';
import { scanKnowledgeBase } from './scan-knowledge-base.js';
import { scanText } from './scan-text.js';
import { makeResidentId } from './test-support.js';

const HANDOVER = 'records/handover/aims.sops.yaml';
const RULE = '^(system|updated_at|rotated_at|name|engine|username|role|application|hostname|os)$';
const PLAIN = 'system: aims\nupdated_at: "2026-03-02"\nservers:\n  - hostname: demo-app-01\n    ip: 10.20.9.21\n    password: Xk4-first-Pw9\n';
const id = makeResidentId('110101', '19900307', '123');

let root: string;
let k1: TestKey;
let k2: TestKey;
let encrypted: string;

const write = (rel: string, text: string | Buffer) => {
  mkdirSync(path.dirname(path.join(root, rel)), { recursive: true });
  writeFileSync(path.join(root, rel), text);
};
const scanOne = async (rel: string) => (await scanKnowledgeBase(root, { secretlint: false })).filter((f) => f.path === rel);

beforeAll(async () => {
  k1 = await newKey();
  k2 = await newKey();
  root = mkdtempSync(path.join(os.tmpdir(), 'opsbook-guard-bypass-'));
  write('.sops.yaml', `creation_rules:\n  - path_regex: records/handover/.*\\.sops\\.yaml$\n    age: ${k1.recipient},${k2.recipient}\n    unencrypted_regex: ${RULE}\n`);
  encrypted = await encryptText(PLAIN, { file: HANDOVER, format: 'yaml', recipients: [k1.recipient, k2.recipient], rule: { kind: 'unencrypted_regex', value: RULE } });
  write(HANDOVER, encrypted);
  write('records/tickets/2026/T-1.yaml', 'id: T-1\ntitle: 正常工单\n');
});
afterAll(() => rmSync(root, { recursive: true, force: true }));

describe('hand-over files are judged by .sops.yaml, never by their own metadata', () => {
  it('accepts the properly encrypted file', async () => {
    expect(await scanOne(HANDOVER)).toEqual([]);
  });

  it('bypass 1: a plaintext file with a copied sops block whose unencrypted_regex is `.` is refused at every clear value', async () => {
    const block = encrypted.slice(encrypted.indexOf('sops:')).replace(/unencrypted_regex: .*/, 'unencrypted_regex: .');
    write('records/handover/icis.sops.yaml', `${PLAIN}${block}`);
    const f = await scanOne('records/handover/icis.sops.yaml');
    expect(f.some((x) => /differs from \.sops\.yaml creation_rules\[0\]/.test(x.message))).toBe(true);
    const clear = f.filter((x) => /in clear text/.test(x.message)).map((x) => x.line);
    expect(clear).toEqual([5, 6]); // ip and password, by the repository's rule
    expect(JSON.stringify(f)).not.toContain('Xk4-first-Pw9');
    rmSync(path.join(root, 'records/handover/icis.sops.yaml'));
  });

  it('recipients must equal the rule: a stanza for another key, or a missing one, is a finding', async () => {
    const other = await newKey();
    write('records/handover/x.sops.yaml', encrypted.replace(k2.recipient, other.recipient));
    const f = await scanOne('records/handover/x.sops.yaml');
    const all = f.map((x) => x.message).join('\n');
    expect(all).toContain(`is for ${other.recipient}, which .sops.yaml creation_rules[0] does not name`);
    expect(all).toContain(`not encrypted for ${k2.recipient}`);
    rmSync(path.join(root, 'records/handover/x.sops.yaml'));
  });

  it('a clear comment inserted in a hand-over file is a finding at its line', async () => {
    const text = encrypted.replace('servers:', '# sa 密码已改为 Qz7-new-Pw1\nservers:');
    write('records/handover/x.sops.yaml', text);
    const f = await scanOne('records/handover/x.sops.yaml');
    const line = text.split('\n').findIndex((l) => l.startsWith('# sa')) + 1;
    expect(f.filter((x) => x.line === line).map((x) => x.rule).sort()).toEqual(['plaintext-password', 'unencrypted-handover']);
    rmSync(path.join(root, 'records/handover/x.sops.yaml'));
  });

  it('a crafted regex in the metadata costs nothing (never compiled) and is a mismatch', async () => {
    const text = encrypted.replace(/unencrypted_regex: .*/, `unencrypted_regex: ^(a+)+$`).replace('system:', `${'a'.repeat(40)}!: x\nsystem:`);
    write('records/handover/x.sops.yaml', text);
    const f = await scanOne('records/handover/x.sops.yaml');
    expect(f.some((x) => /differs from/.test(x.message))).toBe(true);
    rmSync(path.join(root, 'records/handover/x.sops.yaml'));
  });

  it('a file matching a path_regex outside records/handover/ must be encrypted too; ENC[…] elsewhere is plain text', async () => {
    write('.sops.yaml', `creation_rules:\n  - path_regex: (records/handover|docs/secrets)/.*\\.sops\\.yaml$\n    age: ${k1.recipient},${k2.recipient}\n    unencrypted_regex: ${RULE}\n`);
    write('docs/secrets/db.sops.yaml', 'password: Xk4-first-Pw9\n');
    expect((await scanOne('docs/secrets/db.sops.yaml')).map((x) => x.rule)).toContain('unencrypted-handover');
    rmSync(path.join(root, 'docs/secrets'), { recursive: true });
    write('.sops.yaml', `creation_rules:\n  - path_regex: records/handover/.*\\.sops\\.yaml$\n    age: ${k1.recipient},${k2.recipient}\n    unencrypted_regex: ${RULE}\n`);
  });

  it('an invalid or crafted regex in .sops.yaml is one located finding, never an internal error', async () => {
    const good = readFileSync(path.join(root, '.sops.yaml'), 'utf8');
    write('.sops.yaml', good.replace(/unencrypted_regex: .*/, 'unencrypted_regex: "(unclosed"'));
    const f = await scanKnowledgeBase(root, { secretlint: false });
    expect(f[0]).toMatchObject({ path: '.sops.yaml', line: 4, rule: 'unencrypted-handover' });
    expect(f[0]!.message).toMatch(/creation_rules\[0\]\.unencrypted_regex: not a valid RE2/);
    write('.sops.yaml', good.replace(/path_regex: .*/, 'path_regex: "(?<=x)y"'));
    expect((await scanKnowledgeBase(root, { secretlint: false }))[0]!.message).toMatch(/path_regex: not a valid RE2/);
    write('.sops.yaml', good);
  });
});

describe('content the guard used to skip', () => {
  it('bypass 2: one NUL byte in a ticket is a finding and the ID number, 住院号 and patient name in it are still found', async () => {
    write('records/tickets/2026/T-2.yaml', Buffer.from(`id: T-2\n\u0000description: 患者：王某某，住院号 20260012，身份证 ${id}\n`, 'utf8'));
    expect((await scanOne('records/tickets/2026/T-2.yaml')).map((x) => `${x.line} ${x.rule}`)).toEqual(['2 binary-content', '2 patient-name', '2 medical-record-number', '2 resident-id']);
    rmSync(path.join(root, 'records/tickets/2026/T-2.yaml'));
  });

  it('UTF-16 and GB18030 records are decoded and scanned (and are findings)', async () => {
    write('records/tickets/2026/T-3.yaml', Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(`description: 身份证 ${id}\n`, 'utf16le')]));
    expect((await scanOne('records/tickets/2026/T-3.yaml')).map((x) => x.rule)).toEqual(['binary-content', 'resident-id']);
    const gbk = new Uint8Array([0xd7, 0xa1, 0xd4, 0xba, 0xba, 0xc5, 0x20, 0x32, 0x30, 0x32, 0x36, 0x30, 0x30, 0x31, 0x32, 0x0a]); // 住院号 20260012 in GBK
    write('records/tickets/2026/T-4.yaml', Buffer.from(gbk));
    expect((await scanOne('records/tickets/2026/T-4.yaml')).map((x) => x.rule)).toEqual(['binary-content', 'medical-record-number']);
    rmSync(path.join(root, 'records/tickets/2026/T-3.yaml'));
    rmSync(path.join(root, 'records/tickets/2026/T-4.yaml'));
  });

  it('bypass 3: ENC[AES256_GCM,…] around plaintext in an ordinary record is read', async () => {
    write('records/tickets/2026/T-5.yaml', `id: T-5\nnote: ENC[AES256_GCM,data:患者：王某某 住院号 20260012,iv:x,tag:y,type:str]\n`);
    expect((await scanOne('records/tickets/2026/T-5.yaml')).map((x) => x.rule)).toEqual(['patient-name', 'medical-record-number']);
    rmSync(path.join(root, 'records/tickets/2026/T-5.yaml'));
  });

  it('bypass 4: versioned docs, static/ and src/ are scanned', async () => {
    write('aims_versioned_docs/version-5.1/ops.md', `身份证 ${id}\n`);
    write('static/notes/ops.txt', 'password: Hunter2024x\n');
    write('src/components/Demo.tsx', `const phone = "${['139', '0000', '5678'].join('')}";\n`);
    const rules = (await scanKnowledgeBase(root, { secretlint: false })).map((f) => `${f.path} ${f.rule}`);
    expect(rules).toEqual(expect.arrayContaining(['aims_versioned_docs/version-5.1/ops.md resident-id', 'static/notes/ops.txt plaintext-password', 'src/components/Demo.tsx mobile-number']));
    rmSync(path.join(root, 'aims_versioned_docs'), { recursive: true });
    rmSync(path.join(root, 'static'), { recursive: true });
    rmSync(path.join(root, 'src'), { recursive: true });
  });

  it('bypass 4: symlinks in records/ and docs/ are findings and never followed outside the root', async () => {
    const outside = mkdtempSync(path.join(os.tmpdir(), 'opsbook-outside-'));
    writeFileSync(path.join(outside, 'leak.md'), `身份证 ${id}\n`);
    symlinkSync(path.join(outside, 'leak.md'), path.join(root, 'records/tickets/2026/link.yaml'));
    mkdirSync(path.join(root, 'docs'), { recursive: true });
    symlinkSync(outside, path.join(root, 'docs/outside'));
    const f = (await scanKnowledgeBase(root, { secretlint: false })).filter((x) => x.rule === 'symlink' || x.rule === 'resident-id');
    expect(f.map((x) => `${x.path} ${x.rule}`)).toEqual(['docs/outside symlink', 'records/tickets/2026/link.yaml symlink']);
    rmSync(path.join(root, 'records/tickets/2026/link.yaml'));
    rmSync(path.join(root, 'docs/outside'));
    rmSync(outside, { recursive: true });
  });

  it('a FIFO is a finding and is never opened (reading it would block)', async () => {
    execFileSync('mkfifo', [path.join(root, 'records/tickets/2026/pipe.yaml')]);
    const f = await scanOne('records/tickets/2026/pipe.yaml');
    expect(f.map((x) => x.rule)).toEqual(['unscannable-file']);
    rmSync(path.join(root, 'records/tickets/2026/pipe.yaml'));
  });

  it('a text file over the size limit is a finding, not a silent skip', async () => {
    write('docs/big.md', `${'a'.repeat(2000)}\n`);
    const f = (await scanKnowledgeBase(root, { secretlint: false, maxBytes: 1000 })).filter((x) => x.path === 'docs/big.md');
    expect(f.map((x) => x.rule)).toEqual(['unscannable-file']);
    rmSync(path.join(root, 'docs/big.md'));
  });

  it('an allow-list glob RE2 refuses is an allow-list finding, not an internal error', async () => {
    write('.opsbook-allow.yaml', 'allow:\n  - path: "docs/[z-a]*"\n    rule: "*"\n    reason: bad class\n');
    const f = await scanKnowledgeBase(root, { secretlint: false });
    expect(f[0]).toMatchObject({ path: '.opsbook-allow.yaml', rule: 'allow-list' });
    rmSync(path.join(root, '.opsbook-allow.yaml'));
  });
});

describe('no internal error for any bad input', { timeout: 120_000 }, () => {
  it('scanText and hand-over inspection survive random bytes and mutated sops files', async () => {
    let seed = 12;
    const rnd = () => ((seed = (seed * 1103515245 + 12345) & 0x7fffffff) / 0x7fffffff);
    const pieces = ['ENC[', 'AES256_GCM,', ']', 'sops:', '\n', '  ', 'age:', '- ', 'recipient: ', 'enc: |', '&a ', '*a', '[', '{', ':', '#', '"', "'", '\u0000', '\ufffd', '住院号', '1', 'unencrypted_regex: (', 'mac: ', '---\n', '!!binary ', '? '];
    for (let i = 0; i < 400; i++) {
      let text: string;
      if (i % 2 === 0) {
        text = Array.from({ length: 1 + Math.floor(rnd() * 60) }, () => pieces[Math.floor(rnd() * pieces.length)]).join('');
      } else {
        const at = Math.floor(rnd() * encrypted.length);
        const len = Math.floor(rnd() * 40);
        text = encrypted.slice(0, at) + pieces[Math.floor(rnd() * pieces.length)] + encrypted.slice(at + len);
      }
      for (const p of [HANDOVER, 'records/tickets/2026/T-9.yaml', 'docs/x.md']) {
        const f = await scanText(p, text, { secretlint: false, context: { sopsFile: p === HANDOVER, expected: { recipients: [k1.recipient], rule: { kind: 'unencrypted_regex', value: RULE }, macOnlyEncrypted: false, source: 't' } } });
        expect(Array.isArray(f)).toBe(true);
      }
    }
  });

  it('validate runs the guard: a hand-over mismatch fails validate (exit 1) with a located line', async () => {
    write('records/handover/x.sops.yaml', `${PLAIN}${encrypted.slice(encrypted.indexOf('sops:')).replace(/unencrypted_regex: .*/, 'unencrypted_regex: .')}`);
    const r = await runCliAsync(['--root', root, 'validate'], root);
    expect(r.code, r.stdout + r.stderr).toBe(1);
    expect(r.stdout, r.stdout).toMatch(/^records\/handover\/x\.sops\.yaml:\d+:\d+ {2}.*differs from \.sops\.yaml creation_rules\[0\]/m);
    expect(r.stderr).not.toMatch(/internal error/);
    rmSync(path.join(root, 'records/handover/x.sops.yaml'));
  });
});
