import { describe, expect, it } from 'vitest';
import { contextFor, makeKb, release, ticket } from '../fixtures/make-kb.js';
import { defectsFixed } from './defects-fixed.js';

describe('M-1 defectsFixed', () => {
  it('met: defects resolved and a release exists', () => {
    const kb = makeKb({ tickets: [ticket({ category: 'defect', resolved_at: '2026-03-03T10:00:00+08:00' })], releases: [release({ id: 'REL-aims-5.2.1' })] });
    expect(defectsFixed(contextFor(kb, '2026-06-01'))).toMatchObject({ status: 'met', evidence: expect.arrayContaining(['REL-aims-5.2.1']) });
  });
  it('pending while the period runs, breached once it ended with the defect open', () => {
    const t = ticket({ id: 'T-20260302-77', category: 'defect' });
    const kb = makeKb({ tickets: [t] });
    const running = defectsFixed(contextFor(kb, '2026-06-01'));
    expect(running.status).toBe('pending');
    expect(running.findings[0]!.message).toBe('缺陷于 2026-03-02 10:00 报告（reported_at），尚未解决（resolved_at），截止日期 2026-11-30（服务期 Y1 结束），未到期');
    const after = defectsFixed(contextFor(kb, '2026-12-05', undefined, 'Y1'));
    expect(after.status).toBe('breached');
    expect(after.findings).toEqual([{ record: 'T-20260302-77', message: '缺陷于 2026-03-02 10:00 报告（reported_at），尚未解决（resolved_at），已超过截止日期 2026-11-30（服务期 Y1 结束）' }]);
  });
  it('manual without defects or releases', () => {
    expect(defectsFixed(contextFor(makeKb(), '2026-06-01')).status).toBe('manual');
  });
});
