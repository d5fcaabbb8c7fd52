import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { loadKnowledgeBase, type KnowledgeBase } from '../records/index.js';
import { readHandoverOutline, type HandoverOutline } from '../secrets/index.js';
import { rotationOf } from '../compliance/evaluators/handover.js';
import { credentialEntry, credentialLabel, hiddenNames, redactCredentials } from './disclosure.js';

const ROOT = path.resolve(import.meta.dirname, '..', '..');
let kb: KnowledgeBase;
let outlines: HandoverOutline[];
let paths: string[];

beforeAll(async () => {
  kb = await loadKnowledgeBase(ROOT);
  outlines = await Promise.all(kb.handoverFiles.map((f) => readHandoverOutline(path.join(ROOT, f))));
  paths = kb.people.flatMap((p) => p.credential_access ?? []);
});

describe('the site names credentials as HO-1 matches them', () => {
  it('finds the same entry as compliance rotationOf for every credential path of the demo people and a few more', () => {
    expect(paths.length).toBeGreaterThan(3);
    const more = ['admin_accounts.手麻系统管理控制台', 'admin_accounts.icis-admin', 'servers.aims-db-01', 'servers.nope', 'databases.AIMSDB', 'databases.NODB.accounts.x'];
    for (const c of [...paths, ...more]) expect(credentialEntry(outlines, c)?.rotatedAt, c).toBe(rotationOf(outlines, c) ?? undefined);
  });

  it('labels a credential by what it is for, never by its user name', () => {
    expect(credentialLabel(outlines, 'databases.AIMSDB.accounts.aims_app')).toBe('AIMSDB 数据库账号（应用连接账号）');
    expect(credentialLabel(outlines, 'admin_accounts.aims-admin')).toMatch(/^手麻系统管理控制台 管理员账号/);
    expect(credentialLabel(outlines, 'servers.aims-db-01')).toBe('服务器 aims-db-01（数据库服务器）');
    expect(credentialLabel(outlines, 'databases.AIMSDB.accounts.ghost')).toBe('AIMSDB 数据库的一个未登记账号');
  });
});

describe('redactCredentials', () => {
  it('replaces credential paths and any user name left standing; host names stay', () => {
    const names = hiddenNames(outlines, paths);
    expect(names).toEqual(expect.arrayContaining(['aims_app', 'aims-admin', 'icis_app']));
    const text = '知悉的凭据 databases.AIMSDB.accounts.aims_app 须轮换；admin_accounts.aims-admin 同；账号 icis_backup 在 icis-db-01 上；aims_application 不是账号名。';
    const out = redactCredentials(text, outlines, paths);
    const admin = credentialLabel(outlines, 'admin_accounts.aims-admin');
    expect(out).toBe(`知悉的凭据 AIMSDB 数据库账号（应用连接账号） 须轮换；${admin} 同；账号 （账号名不在本站显示） 在 icis-db-01 上；aims_application 不是账号名。`);
    for (const n of names) expect(out).not.toMatch(new RegExp(`(?<![\\w.-])${n}(?![\\w-])`));
  });
});
