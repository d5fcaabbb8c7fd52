import { describe, expect, it } from 'vitest';
import { scanText } from '../scan-text.js';

const scan = (text: string) => scanText('docs/aims/ops.md', text, { secretlint: true });

describe('connection-string', () => {
  it('finds the password of an ADO.NET connection string once (not also as plaintext-password)', async () => {
    const text = 'conn: "Server=10.0.0.5;Database=AIMS;User Id=sa;Password=Sa#2026x;"';
    const f = await scan(text);
    expect(f).toEqual([expect.objectContaining({ rule: 'connection-string', line: 1, column: text.indexOf('Sa#2026x') + 1 })]);
    expect(f[0]!.excerpt).toBe('Password=Sa******');
  });

  it('finds a JDBC URL with user and password parameters', async () => {
    const text = '\nurl=jdbc:sqlserver://10.0.0.6:1433;databaseName=icis;user=app;password=IcisPw77';
    const f = await scan(text);
    expect(f).toEqual([expect.objectContaining({ rule: 'connection-string', line: 2, column: text.split('\n')[1]!.indexOf('IcisPw77') + 1 })]);
  });

  it('finds a JDBC query-string password', async () => {
    const f = await scan('jdbc:mysql://db01:3306/aims?user=app&password=Secr3tPw&useSSL=true');
    expect(f).toEqual([expect.objectContaining({ rule: 'connection-string', column: 47 })]);
  });

  it('finds an Oracle thin URL', async () => {
    const f = await scan('jdbc:oracle:thin:scott/Tiger123@10.0.0.7:1521:orcl');
    expect(f).toEqual([expect.objectContaining({ rule: 'connection-string', column: 24, excerpt: 'jdbc:oracle:thin:scott/Ti******@…' })]);
  });

  it('finds user:password@ in URLs (mysql, postgres, https) and masks the password', async () => {
    const f = await scan('a: mysql://root:S3cretPw@10.0.0.5:3306/aims\nb: https://ops:Zq8vLm2x@example.org/x');
    expect(f.map((x) => [x.rule, x.line, x.column, x.excerpt])).toEqual([
      ['connection-string', 1, 17, 'mysql://root:S3******@10.0.0.5'],
      ['connection-string', 2, 16, 'https://ops:Zq******@example.org'],
    ]);
    expect(JSON.stringify(f)).not.toMatch(/S3cretPw|Zq8vLm2x/);
  });

  it.each([
    'Server=10.0.0.5;Database=AIMS;Integrated Security=true;',
    'Server=10.0.0.5;User Id=sa;Password=${DB_PASSWORD};',
    'mysql://root:${MYSQL_PWD}@db:3306/aims',
    'mysql://root:******@db:3306/aims',
    'https://example.org/path?a=b',
    'jdbc:sqlserver://db;databaseName=icis;integratedSecurity=true',
  ])('ignores %j', async (text) => {
    expect(await scan(text)).toEqual([]);
  });
});
