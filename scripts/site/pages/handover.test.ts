import { describe, expect, it } from 'vitest';
import type { HandoverOutline } from '../../secrets/index.js';
import { staleCredentials } from '../../compliance/evaluators/handover.js';
import { handoverPage } from './handover.js';

const outline = (): HandoverOutline => ({
  file: 'records/handover/aims.sops.yaml', system: 'aims', updatedAt: '2026-02-01',
  databases: [{ name: 'AIMSDB', engine: 'SQL Server 2019', encryptedFields: ['password'], accounts: [
    { username: 'aims_app', role: '应用连接账号', rotatedAt: '2026-01-15', encryptedFields: ['password'] },
    { username: 'aims_ro', role: '报表只读账号', rotatedAt: '2026-08-01', encryptedFields: ['password'] },
  ] }],
  adminAccounts: [{ application: '手麻系统管理控制台', username: 'aims-admin', role: '系统管理员', rotatedAt: null, encryptedFields: ['password'] }],
  servers: [{ hostname: 'aims-db-01', role: '数据库服务器', os: 'Windows Server 2019', rotatedAt: '2026-01-15', encryptedFields: ['ip', 'password'] }],
  recipients: ['age1a', 'age1b'], lastmodified: '2026-11-26T15:44:35Z', allEncrypted: true, plaintextLeaves: [], rule: 'unencrypted_regex: x',
});
const people = [
  { id: 'P-left', name: '离开者', role: 'engineer', left: '2026-06-30', credential_access: ['databases.AIMSDB.accounts.aims_app', 'databases.AIMSDB.accounts.aims_ro', 'admin_accounts.aims-admin', 'servers.gone-01'] },
  { id: 'P-here', name: '在岗者', role: 'engineer', credential_access: ['servers.aims-db-01'] },
] as unknown as Parameters<typeof staleCredentials>[1];

describe('hand-over page', () => {
  const o = outline();
  const stale = staleCredentials([o], people, '2026-11-26');
  const page = handoverPage([{ path: 'records/handover/aims.sops.yaml', outline: o }], stale);

  it('flags exactly the entries HO-1 finds overdue, with who left and when', () => {
    expect(stale.map((s) => s.credential)).toEqual(['databases.AIMSDB.accounts.aims_app', 'admin_accounts.aims-admin', 'servers.gone-01']);
    expect(page).toContain('## 须立即轮换：3 项');
    expect(page).toContain('| AIMSDB 数据库账号（应用连接账号） | P-left | 2026-06-30 | 2026-01-15 | **离开后未轮换** |');
    expect(page).toContain('**轮换日期不是明文，无法确认**');
    expect(page).toContain('服务器 gone-01 的一个未登记凭据');
    // the entries' own rows
    expect(page).toContain('| 数据库账号 | AIMSDB（SQL Server 2019） | 应用连接账号 | 2026-01-15 | **须立即轮换（P-left 已离开）** |');
    expect(page).toContain('| 数据库账号 | AIMSDB（SQL Server 2019） | 报表只读账号 | 2026-08-01 | — |');
    expect(page).toContain('| 服务器 | aims-db-01（Windows Server 2019） | 数据库服务器 | 2026-01-15 | — |');
  });

  it('shows no user name, and the encryption time in 北京时间', () => {
    for (const name of ['aims_app', 'aims_ro', 'aims-admin']) expect(page).not.toContain(name);
    expect(page).toContain('| 最近加密时间 | 2026-11-26 23:44（北京时间） |');
  });

  it('says when the rotation rule could not run, and when nothing is due', () => {
    expect(handoverPage([{ path: 'x', outline: o }], null)).toContain('轮换检查未能运行');
    expect(handoverPage([{ path: 'x', outline: o }], [])).toContain('离开项目人员知悉的凭据均已在其离开当日或之后轮换');
  });
});
