import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { scanText } from '../scan-text.js';
import { fakeEnc, fakeSopsBlock, makeResidentId } from '../test-support.js';

const here = path.dirname(fileURLToPath(import.meta.url));
const repoRoot = path.resolve(here, '../../..');
const vectors = path.resolve(repoRoot, '../shared/sops-vectors');

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

/** The unencrypted-handover findings of a text placed under records/handover/. */
async function handover(text: string, file = 'records/handover/aims.sops.yaml') {
  return (await scanText(file, text, { secretlint: false })).filter((f) => f.rule === 'unencrypted-handover');
}

describe('unencrypted-handover', () => {
  it('accepts a well-formed encrypted file (clear `_unencrypted` keys, "" and null allowed)', async () => {
    expect(await handover(encrypted())).toEqual([]);
  });

  it('accepts the repository hand-over manifests; a tampered copy of each fails at the clear value', async () => {
    for (const name of ['aims', 'icis']) {
      const file = `records/handover/${name}.sops.yaml`;
      const text = readFileSync(path.join(repoRoot, file), 'utf8');
      expect(await scanText(file, text), file).toEqual([]);
      const tampered = text.replace(/password: ENC\[[^\]]*\]/, 'password: Zq8-demo-pass-4711');
      const i = tampered.indexOf('Zq8-demo');
      const line = tampered.slice(0, i).split('\n').length;
      const column = i - tampered.lastIndexOf('\n', i - 1);
      const f = await handover(tampered, file);
      expect(f).toEqual([expect.objectContaining({ line, column, excerpt: 'Zq******' })]);
      expect(f[0]!.message).toMatch(/password/);
      expect(JSON.stringify(f)).not.toContain('Zq8-demo');
      // the decrypted shape (no sops block) fails at the top
      const plain = text.replace(/^sops:\n[\s\S]*$/m, '');
      expect(await handover(plain, file)).toEqual([expect.objectContaining({ line: 1, column: 1, message: expect.stringMatching(/no `sops` metadata block/) })]);
    }
  });

  it.skipIf(!existsSync(vectors))('accepts the real sops-made age vectors (YAML and JSON)', async () => {
    for (const f of ['example.age.enc.yaml', 'example.age.enc.json', 'extra-sops-age-repo/secret.enc.yaml']) {
      expect(await handover(readFileSync(path.join(vectors, f), 'utf8'), `records/handover/${path.basename(f)}`), f).toEqual([]);
    }
  });

  it('flags a clear file under records/handover/ at its first problem', async () => {
    const f = await handover('system: aims\ndatabases: []\n');
    expect(f).toEqual([expect.objectContaining({ rule: 'unencrypted-handover', line: 1, column: 1, excerpt: '' })]);
    expect(f[0]!.message).toMatch(/no `sops` metadata block/);
  });

  it('flags a partly clear file at each clear value, masked', async () => {
    const text = encrypted().replace(/host: ENC\[[^\]]*\]/, 'host: 10.20.30.40').replace(/password: ENC\[[^\]]*\]/, 'password: "Sa#2026x"');
    const f = await handover(text, 'records/handover/icis.sops.yaml');
    expect(f).toEqual([
      expect.objectContaining({ rule: 'unencrypted-handover', line: 4, column: 13, excerpt: '10******' }),
      expect.objectContaining({ rule: 'unencrypted-handover', line: 8, column: 21, excerpt: 'Sa******' }),
    ]);
    expect(f[0]!.message).toContain('databases.host');
    expect(f[1]!.message).toContain('databases.accounts.password');
    expect(JSON.stringify(f)).not.toMatch(/10\.20|Sa#2026/);
  });

  it('flags a clear non-string value (a port left as a number)', async () => {
    const f = await handover(encrypted().replace(/port: ENC\[[^\]]*\]/, 'port: 1433'));
    expect(f).toEqual([expect.objectContaining({ line: 5, column: 13, message: expect.stringContaining('databases.port') })]);
  });

  it('flags a look-alike ENC value (bad IV length, unknown type)', async () => {
    expect(await handover(encrypted().replace(/host: ENC\[[^\]]*\]/, 'host: ENC[AES256_GCM,data:abcd,iv:short=,tag:x==,type:str]'))).toHaveLength(1);
    expect(await handover(encrypted().replace(/type:int\]/, 'type:blob]'))).toHaveLength(1);
  });

  it('flags a sops block without a MAC or without recipients', async () => {
    const noMac = await handover(encrypted().replace(/ {4}mac: .*\n/, ''));
    expect(noMac).toEqual([expect.objectContaining({ message: expect.stringMatching(/sops\.mac/) })]);
    const noAge = await handover(encrypted().replace(/ {4}age:\n[\s\S]*?-----END AGE ENCRYPTED FILE-----\n/, ''));
    expect(noAge).toEqual([expect.objectContaining({ message: expect.stringMatching(/No keys found|no age recipients/) })]);
  });

  it('honours unencrypted_regex and encrypted_regex', async () => {
    const base = `host: 10.0.0.5\npassword: ${fakeEnc()}\n`;
    expect(await handover(base + fakeSopsBlock('    encrypted_regex: ^(password|user)$\n'))).toEqual([]);
    expect(await handover(base + fakeSopsBlock('    unencrypted_regex: ^host$\n'))).toEqual([]);
    expect(await handover(base + fakeSopsBlock('    unencrypted_regex: ^port$\n'))).toEqual([expect.objectContaining({ line: 1, column: 7, excerpt: '10******' })]);
    expect(await handover(base + fakeSopsBlock('    unencrypted_regex: ^host$\n    encrypted_regex: ^password$\n'))).toHaveLength(1);
  });

  it('reports a YAML syntax error as a located finding instead of throwing', async () => {
    expect(await handover('a: [1,\n')).toEqual([expect.objectContaining({ line: 2, column: 1, message: expect.stringMatching(/Unexpected YAML/) })]);
  });

  it('ignores the same clear text outside records/handover/', async () => {
    expect(await scanText('records/contract.yaml', 'system: aims\n', { secretlint: false })).toEqual([]);
  });

  it('does not mistake base64 ciphertext for ID or phone numbers in a SOPS file, but reads ENC[…] anywhere else', async () => {
    const digits = `/13900001234/${makeResidentId('110101', '19900307', '123')}/`;
    const value = `ENC[AES256_GCM,data:${digits},iv:${'A'.repeat(43)}=,tag:${'B'.repeat(22)}==,type:str]`;
    const sopsFile = (await scanText('records/handover/x.sops.yaml', `a: ${value}\n${fakeSopsBlock()}`, { secretlint: false })).filter((f) => f.rule !== 'unencrypted-handover');
    expect(sopsFile).toEqual([]);
    // ENC[…] means nothing in an ordinary record or page: its contents are read like any text
    expect((await scanText('docs/x.md', `a: ${value}\n`, { secretlint: false })).map((f) => f.rule)).toEqual(['mobile-number', 'resident-id']);
    expect((await scanText('records/tickets/2026/T-1.yaml', `password: ENC[AES256_GCM,data:x]\n`, { secretlint: false })).map((f) => f.rule)).toEqual(['plaintext-password']);
  });
});
