import { describe, expect, it } from 'vitest';
import { scanText } from '../scan-text.js';

// Key material is assembled at run time so that no file in the repository is itself a key.
const BEGIN = ['-----BEGIN', 'OPENSSH PRIVATE KEY-----'].join(' ');
const END = ['-----END', 'OPENSSH PRIVATE KEY-----'].join(' ');
const body = 'b3BlbnNzaC1rZXktdjEAAAAABG5vbmUAAAAEbm9uZQAAAAAAAAABAAAAMwAAAAtzc2gtZW\nQyNTUxOQAAACBzeW50aGV0aWNrZXlmb3J0ZXN0aW5nb25seW5vdHJlYWxrZXlhdGFsbAAA';
const pem = `${BEGIN}\n${body}\n${END}`;
const ageKey = `${'AGE-SECRET-KEY-'}1${'QPZRY9X8GF2TVDW0S3JN54KHCE6MUA7L'.repeat(2).slice(0, 58)}`;

describe('private-key', () => {
  it('finds a PEM/OpenSSH private key through secretlint and reports only its header', async () => {
    const f = await scanText('docs/general/ssh.md', `# SSH\n\n\`\`\`\n${pem}\n\`\`\`\n`);
    expect(f).toEqual([expect.objectContaining({ rule: 'private-key', line: 4, column: 1 })]);
    expect(f[0]!.excerpt).toContain('BEGIN OPENSSH PRIVATE KEY');
    expect(f[0]!.excerpt).not.toContain('b3Bl');
  });

  it('finds an age identity, masked', async () => {
    const f = await scanText('keys/vendor.txt', `# created: 2026-11-01\n${ageKey}\n`, { secretlint: false });
    expect(f).toEqual([expect.objectContaining({ rule: 'private-key', line: 2, column: 1, excerpt: `AGE-SECRET-KEY-1QPZ******` })]);
  });

  it('ignores age public keys and key headers in prose', async () => {
    const text = 'recipient: age1qqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqq\n私钥以 AGE-SECRET-KEY- 开头，不得提交。\n';
    expect(await scanText('docs/general/keys.md', text)).toEqual([]);
  });

  it('maps other secretlint findings to secret-token', async () => {
    const token = `ghp_${'A1b2C3d4E5'.repeat(4).slice(0, 36)}`;
    const f = await scanText('docs/general/ci.md', `token: ${token}\n`);
    expect(f).toEqual([expect.objectContaining({ rule: 'secret-token', line: 1, column: 8 })]);
    expect(JSON.stringify(f)).not.toContain(token);
  });
});
