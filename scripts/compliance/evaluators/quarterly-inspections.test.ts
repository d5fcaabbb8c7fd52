import { describe, expect, it } from 'vitest';
import { contextFor, inspection, makeKb } from '../fixtures/make-kb.js';
import { quarterlyInspections } from './quarterly-inspections.js';

// Y1 quarters: 12-01..02-28, 03-01..05-31, 06-01..08-31, 09-01..11-30
const four = [
  inspection({ id: 'INS-1', started_at: '2026-01-10', finished_at: '2026-01-10' }),
  inspection({ id: 'INS-2', started_at: '2026-04-10', finished_at: '2026-04-10' }),
  inspection({ id: 'INS-3', started_at: '2026-07-10', finished_at: '2026-07-10' }),
  inspection({ id: 'INS-4', started_at: '2026-10-10', finished_at: '2026-10-10' }),
];

describe('S-5 quarterlyInspections', () => {
  it('met with one on-site inspection per quarter', () => {
    expect(quarterlyInspections(contextFor(makeKb({ inspections: four }), '2026-11-30')).status).toBe('met');
  });
  it('an ended quarter without one is breached, naming the quarter', () => {
    const r = quarterlyInspections(contextFor(makeKb({ inspections: four.filter((i) => i.id !== 'INS-3') }), '2026-11-30'));
    expect(r.status).toBe('breached');
    expect(r.findings).toEqual([{ record: 'HT-TEST-01', message: '第 3 季度（2026-06-01 至 2026-08-31）现场巡检（type: onsite）0 次，合同要求每季度 1 次，已超过截止日期 2026-08-31（季度末）' }]);
  });
  it('the running quarter is pending, then at-risk in its last 3 working days; later quarters pending', () => {
    const kb = makeKb({ inspections: four.slice(0, 1) });
    expect(quarterlyInspections(contextFor(kb, '2026-03-10')).status).toBe('pending');
    const soon = quarterlyInspections(contextFor(kb, '2026-05-27'));
    expect(soon.status).toBe('at-risk');
    expect(soon.findings[0]!.message).toBe('第 2 季度（2026-03-01 至 2026-05-31）现场巡检（type: onsite）0 次，合同要求每季度 1 次，截止日期 2026-05-31（季度末），剩余不超过 3 个工作日');
  });
  it('a report without recommendations or permission is breached', () => {
    const bad = { ...four[0]!, recommendations: [], permission: undefined };
    const r = quarterlyInspections(contextFor(makeKb({ inspections: [bad, ...four.slice(1)] }), '2026-11-30'));
    expect(r.status).toBe('breached');
    expect(r.findings[0]).toEqual({ record: 'INS-1', message: '现场巡检记录缺少巡检建议（recommendations）、院方许可（permission）' });
  });
});
