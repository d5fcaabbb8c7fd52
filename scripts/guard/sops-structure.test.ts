import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { checkSopsStructure, isSopsStructurallyEncrypted } from './sops-structure.js';
import { scanText } from './scan-text.js';
import { fakeEnc, fakeSopsBlock, makeResidentId } from './test-support.js';

const here = path.dirname(fileURLToPath(import.meta.url));
const vectors = path.resolve(here, '../../../shared/sops-vectors');

const encrypted = () =>
  [
    `system: ${fakeEnc()}`,
    'databases:',
    `    - name: ${fakeEnc()}`,
    `      host: ${fakeEnc()}`,
    `      port: ${fakeEnc('int', 2)}`,
    '      accounts:',
    `        - user: ${fakeEnc()}`,
    `          password: ${fakeEnc()}`,
    'note_unencrypted: 明文备注可以保留',
    'empty: ""',
    'nothing: null',
    fakeSopsBlock(),
  ].join('\n');

describe('checkSopsStructure', () => {
  it('accepts a well-formed encrypted file (clear `_unencrypted` keys, "" and null allowed)', () => {
    expect(checkSopsStructure(encrypted())).toEqual({ encrypted: true, problems: [] });
  });

  it.skipIf(!existsSync(vectors))('accepts the real sops-made age vectors (YAML and JSON)', () => {
    for (const f of ['example.age.enc.yaml', 'example.age.enc.json', 'extra-sops-age-repo/secret.enc.yaml']) {
      expect(isSopsStructurallyEncrypted(readFileSync(path.join(vectors, f), 'utf8')), f).toBe(true);
    }
  });

  it('rejects a plaintext manifest (no sops block)', () => {
    const r = checkSopsStructure('system: aims\ndatabases: []\n');
    expect(r.encrypted).toBe(false);
    expect(r.problems[0]!.message).toMatch(/no `sops` metadata block/);
  });

  it('rejects one value left in clear, pointing at it', () => {
    const text = encrypted().replace(/password: ENC\[[^\]]*\]/, 'password: Sa#2026x');
    const r = checkSopsStructure(text);
    expect(r.encrypted).toBe(false);
    expect(r.problems).toHaveLength(1);
    expect(r.problems[0]).toMatchObject({ offset: text.indexOf('Sa#2026x'), excerpt: 'Sa******' });
    expect(r.problems[0]!.message).toContain('databases.accounts.password');
  });

  it('rejects a clear non-string value (a port left as a number)', () => {
    const r = checkSopsStructure(encrypted().replace(/port: ENC\[[^\]]*\]/, 'port: 1433'));
    expect(r.problems.map((p) => p.message)).toEqual([expect.stringContaining('databases.port')]);
  });

  it('rejects a look-alike ENC value (bad IV length, unknown type)', () => {
    expect(isSopsStructurallyEncrypted(encrypted().replace(/host: ENC\[[^\]]*\]/, 'host: ENC[AES256_GCM,data:abcd,iv:short=,tag:x==,type:str]'))).toBe(false);
    expect(isSopsStructurallyEncrypted(encrypted().replace(/type:int\]/, 'type:blob]'))).toBe(false);
  });

  it('rejects a sops block without a MAC or without recipients', () => {
    expect(checkSopsStructure(encrypted().replace(/ {4}mac: .*\n/, '')).problems[0]!.message).toMatch(/sops\.mac/);
    const noAge = encrypted().replace(/ {4}age:\n[\s\S]*?-----END AGE ENCRYPTED FILE-----\n/, '');
    expect(checkSopsStructure(noAge).problems.map((p) => p.message)).toContain('`sops` block lists no recipients (age, pgp, kms, …)');
  });

  it('honours unencrypted_regex and encrypted_regex', () => {
    const base = `host: 10.0.0.5\npassword: ${fakeEnc()}\n`;
    expect(isSopsStructurallyEncrypted(base + fakeSopsBlock('    encrypted_regex: ^(password|user)$\n'))).toBe(true);
    expect(isSopsStructurallyEncrypted(base + fakeSopsBlock('    unencrypted_regex: ^host$\n'))).toBe(true);
    expect(isSopsStructurallyEncrypted(base + fakeSopsBlock('    unencrypted_regex: ^port$\n'))).toBe(false);
    expect(isSopsStructurallyEncrypted(base + fakeSopsBlock('    unencrypted_regex: ^host$\n    encrypted_regex: ^password$\n'))).toBe(false);
  });

  it('reports a YAML syntax error instead of throwing', () => {
    expect(checkSopsStructure('a: [1,\n').encrypted).toBe(false);
  });
});

describe('unencrypted-handover', () => {
  it('flags a clear file under records/handover/ at its first problem', async () => {
    const text = 'system: aims\ndatabases: []\n';
    const f = await scanText('records/handover/aims.sops.yaml', text, { secretlint: false });
    expect(f).toEqual([expect.objectContaining({ rule: 'unencrypted-handover', line: 1, column: 1 })]);
  });

  it('flags a partly clear file at the clear value', async () => {
    const text = encrypted().replace(/host: ENC\[[^\]]*\]/, 'host: 10.20.30.40');
    const f = await scanText('records/handover/icis.sops.yaml', text, { secretlint: false });
    expect(f).toEqual([expect.objectContaining({ rule: 'unencrypted-handover', line: 4, column: 13, excerpt: '10******' })]);
  });

  it('accepts an encrypted hand-over, and ignores the same clear text outside records/handover/', async () => {
    expect(await scanText('records/handover/aims.sops.yaml', encrypted(), { secretlint: false })).toEqual([]);
    expect(await scanText('records/contract.yaml', 'system: aims\n', { secretlint: false })).toEqual([]);
  });

  it('does not mistake base64 ciphertext for ID or phone numbers', async () => {
    const digits = `/13900001234/${makeResidentId('110101', '19900307', '123')}/`;
    const text = `a: ENC[AES256_GCM,data:${digits},iv:${'A'.repeat(43)}=,tag:${'B'.repeat(22)}==,type:str]\n`;
    expect(await scanText('docs/x.md', text, { secretlint: false })).toEqual([]);
    // the same characters outside ciphertext are two findings
    expect((await scanText('docs/x.md', `a: ${digits}\n`, { secretlint: false })).map((f) => f.rule)).toEqual(['mobile-number', 'resident-id']);
  });
});
