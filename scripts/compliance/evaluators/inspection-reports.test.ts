import { describe, expect, it } from 'vitest';
import { contextFor, inspection, makeKb } from '../fixtures/make-kb.js';
import { inspectionReports } from './inspection-reports.js';

// finished 2026-09-29 (Tue); National Day 10-01..10-07, 调休 Sat 10-10 is a working day
// → 10 working days: 09-30, 10-08, 10-09, 10-10, 10-12..10-16, 10-19 → due 2026-10-19
const ins = (report?: string) => inspection({ id: 'INS-Q4', started_at: '2026-09-28', finished_at: '2026-09-29T17:00:00+08:00', ...(report ? { report: { delivered_at: report } } : {}) });

describe('RPT-1 inspectionReports', () => {
  it('met when delivered on the 10th working day (across National Day)', () => {
    expect(inspectionReports(contextFor(makeKb({ inspections: [ins('2026-10-19')] }), '2026-11-01')).status).toBe('met');
  });
  it('breached one day later, with the due date', () => {
    const r = inspectionReports(contextFor(makeKb({ inspections: [ins('2026-10-20')] }), '2026-11-01'));
    expect(r.status).toBe('breached');
    expect(r.findings).toEqual([{ record: 'INS-Q4', message: '巡检报告提交日期（report.delivered_at）2026-10-20 晚于截止日期 2026-10-19（巡检结束 2026-09-29 17:00 后 10 个工作日内）' }]);
  });
  it('not delivered: pending, at-risk, breached', () => {
    const kb = makeKb({ inspections: [ins()] });
    expect(inspectionReports(contextFor(kb, '2026-09-30')).status).toBe('pending');
    expect(inspectionReports(contextFor(kb, '2026-10-15')).status).toBe('at-risk');
    const r = inspectionReports(contextFor(kb, '2026-10-20'));
    expect(r.status).toBe('breached');
    expect(r.findings[0]!.message).toBe('尚未提交巡检报告（report.delivered_at），已超过截止日期 2026-10-19（巡检结束 2026-09-29 17:00 后 10 个工作日内）');
  });
});
