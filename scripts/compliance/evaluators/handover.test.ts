import { describe, expect, it } from 'vitest';
import type { DataDictionary, Person } from '../../records/types.js';
import { contextFor, goodEvidence, makeKb } from '../fixtures/make-kb.js';
import { handover, rotationOf } from './handover.js';

const dd = (system: 'aims' | 'icis'): DataDictionary => ({ id: `DD-${system}`, system, version: '1', tables: [{ name: 't', title: '表', columns: [{ name: 'c', type: 'int', title: '列' }] }] });
const leaver = (left: string): Person => ({ id: 'P-test', name: '测试人员', organisation: 'vendor', role: 'engineer', left, credential_access: ['databases.aims-db.accounts.sa', 'servers.aims-app-01'] });

describe('HO-1 handover', () => {
  it('met with manuals, data dictionaries and complete manifests; rotation after leaving', () => {
    const kb = makeKb({ dataDictionaries: [dd('aims'), dd('icis')], people: [leaver('2026-06-30')] });
    expect(handover(contextFor(kb, '2026-08-01'))).toMatchObject({ status: 'met', findings: [] });
  });
  it('breached: credential not rotated after the person left', () => {
    const kb = makeKb({ dataDictionaries: [dd('aims'), dd('icis')], people: [leaver('2026-07-02')] });
    const r = handover(contextFor(kb, '2026-08-01'));
    expect(r.status).toBe('breached');
    expect(r.findings.map((f) => f.record)).toEqual(['P-test', 'P-test']);
    expect(r.findings[0]!.message).toBe('知悉的凭据（credential_access）databases.aims-db.accounts.sa 的最近轮换日期（rotated_at）2026-07-01 早于离开日期（left）2026-07-02，须立即轮换');
    expect(r.findings[1]!.message).toContain('servers.aims-app-01');
  });
  it('breached: missing O&M section, data dictionary and manifest', () => {
    const ev = goodEvidence();
    ev.manuals![0]!.omManual!.sections.restore = false;
    ev.handover = ev.handover!.slice(0, 1);
    const r = handover(contextFor(makeKb({ dataDictionaries: [dd('aims')] }), '2026-08-01', ev));
    expect(r.findings.map((f) => f.message)).toEqual([
      '手术麻醉临床信息系统（aims）的标准操作维护手册缺少恢复步骤章节',
      '缺少重症监护信息系统（icis）的数据字典记录（records/data-dictionary/）',
      '缺少重症监护信息系统（icis）的加密移交清单（应为 records/handover/icis.sops.yaml）',
    ]);
  });
  it('a KB without docs/: the manual parts are n/a with the reason; the rest is judged', () => {
    const r = handover(contextFor(makeKb({ dataDictionaries: [dd('aims'), dd('icis')] }), '2026-08-01', { ...goodEvidence(), manuals: [] }));
    expect(r).toMatchObject({ status: 'met', findings: [] });
    expect(r.summary).toBe('各系统数据字典与加密移交清单齐全；标准操作维护手册与用户手册不适用：本知识库没有 docs/ 目录，无手册页面可评判');
    const lacking = handover(contextFor(makeKb({ dataDictionaries: [dd('aims')] }), '2026-08-01', { ...goodEvidence(), manuals: [] }));
    expect(lacking.status).toBe('breached');
    expect(lacking.findings.map((f) => f.message)).toEqual(['缺少重症监护信息系统（icis）的数据字典记录（records/data-dictionary/）']);
    expect(lacking.summary).toContain('不适用：本知识库没有 docs/ 目录');
  });
  it('rotationOf resolves database, admin and server paths', () => {
    const o = goodEvidence().handover!.filter((h) => h.error === undefined) as Parameters<typeof rotationOf>[0];
    expect(rotationOf(o, 'databases.aims-db.accounts.sa')).toBe('2026-07-01');
    expect(rotationOf(o, 'admin_accounts.icis-admin')).toBe('2026-07-01');
    expect(rotationOf(o, 'servers.aims-app-01.accounts.administrator')).toBe('2026-07-01');
    expect(rotationOf(o, 'servers.nope')).toBeUndefined();
  });
});
