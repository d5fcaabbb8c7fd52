import { describe, expect, it } from 'vitest';
import { scanText } from '../scan-text.js';
import { fakeEnc } from '../test-support.js';

const scan = (text: string, path = 'records/db-operations/2026/DBO-01.yaml') => scanText(path, text, { secretlint: false });

describe('plaintext-password', () => {
  it.each([
    ['password: Tr0ub4dor', 1, 11, 'Tr******'],
    ['db:\n  admin_password: "Zx9!kq2w"', 2, 20, 'Zx******'],
    ['{"pwd": "Abc12345"}', 1, 10, 'Ab******'],
    ['DB_PASSWORD=Qwe12345', 1, 13, 'Qw******'],
    ['sa 密码：Abc@2026，请及时修改', 1, 7, 'Ab******'],
    ['管理员口令: hunter22', 1, 8, 'hu******'],
    ['初始密码为 P@ssw0rd1。', 1, 7, 'P@******'],
    ['- **密码**：Winter2026', 1, 10, 'Wi******'],
  ])('finds %j', async (text, line, column, excerpt) => {
    const f = await scan(text);
    expect(f).toHaveLength(1);
    expect(f[0]).toMatchObject({ rule: 'plaintext-password', line, column, excerpt });
  });

  it('reads ENC[…] in an ordinary record as text (it is encryption only in files of a creation rule)', async () => {
    expect((await scan(`password: ${fakeEnc()}`)).map((f) => f.rule)).toEqual(['plaintext-password']);
  });

  it('never prints the password', async () => {
    const f = await scan('password: Tr0ub4dor');
    expect(JSON.stringify(f)).not.toContain('Tr0ub4dor');
  });

  it.each([
    '修改密码的步骤见第三节',
    '密码：见加密移交清单',
    '密码：由信息科提供',
    '密码为空时无法登录',
    'password: <密码>',
    'password: "******"',
    'password: ${DB_PASSWORD}',
    'password: "{{ vault_pwd }}"',
    'pwd=%DB_PWD%',
    'password: xxx',
    'password: （脱敏）',
    'password: pa******',
    'password:',
    'password: null',
    'password_min_length: 8',
    'password_policy: strong',
    '密码长度：8 位以上',
    'password_required: true',
  ])('ignores %j', async (text) => {
    expect(await scan(text)).toEqual([]);
  });
});
