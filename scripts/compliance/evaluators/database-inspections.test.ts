import { describe, expect, it } from 'vitest';
import { contextFor, inspection, makeKb } from '../fixtures/make-kb.js';
import { databaseInspections } from './database-inspections.js';

const dbi = (id: string, day: string, delivered?: string) =>
  inspection({ id, type: 'database', started_at: day, finished_at: day, ...(delivered ? { report: { delivered_at: delivered } } : {}) });

describe('D-1 databaseInspections', () => {
  it('met: one per half, reports on time', () => {
    const kb = makeKb({ inspections: [dbi('DBI-1', '2026-03-02', '2026-03-10'), dbi('DBI-2', '2026-09-01', '2026-09-10')] });
    expect(databaseInspections(contextFor(kb, '2026-11-30')).status).toBe('met');
  });
  it('breached: the first half ended without one', () => {
    const kb = makeKb({ inspections: [dbi('DBI-2', '2026-09-01', '2026-09-10')] });
    const r = databaseInspections(contextFor(kb, '2026-11-30'));
    expect(r.status).toBe('breached');
    expect(r.findings).toEqual([{ record: 'HT-TEST-01', message: '上半年（2025-12-01 至 2026-05-31）数据库服务器巡检（type: database）0 次，合同要求每服务期 2 次、每半年 1 次，已超过截止日期 2026-05-31（半年末）' }]);
  });
  it('breached: report later than 10 working days', () => {
    const kb = makeKb({ inspections: [dbi('DBI-1', '2026-03-02', '2026-03-17'), dbi('DBI-2', '2026-09-01', '2026-09-10')] });
    expect(databaseInspections(contextFor(kb, '2026-11-30')).findings).toEqual([
      { record: 'DBI-1', message: '数据库巡检报告提交日期（report.delivered_at）2026-03-17 晚于截止日期 2026-03-16（巡检结束 2026-03-02 后 10 个工作日内）' },
    ]);
  });
  it('pending in the first half without an inspection yet', () => {
    expect(databaseInspections(contextFor(makeKb(), '2026-01-15')).status).toBe('pending');
  });
});
