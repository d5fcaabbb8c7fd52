import { describe, expect, it } from 'vitest';
import { change, contextFor, makeKb } from '../fixtures/make-kb.js';
import { changesOnTime } from './changes-on-time.js';

describe('M-2 changesOnTime', () => {
  it('met when delivered on the agreed date (inclusive)', () => {
    const kb = makeKb({ changes: [change({ id: 'CHG-1', status: 'delivered', delivered_at: '2026-04-15T23:30:00+08:00' })] });
    expect(changesOnTime(contextFor(kb, '2026-06-01'))).toMatchObject({ status: 'met', evidence: ['CHG-1'] });
  });
  it('breached when delivered a day late, with the dates in the finding', () => {
    const kb = makeKb({ changes: [change({ id: 'CHG-2', status: 'delivered', delivered_at: '2026-04-16T09:00:00+08:00' })] });
    const r = changesOnTime(contextFor(kb, '2026-06-01'));
    expect(r.status).toBe('breached');
    expect(r.findings).toEqual([{ record: 'CHG-2', message: '交付时间（delivered_at）2026-04-16 09:00 晚于截止日期 2026-04-15（双方约定的完成日期 agreed_date）' }]);
  });
  it('pending well before the date, at-risk within 3 working days, breached after', () => {
    const kb = makeKb({ changes: [change({ id: 'CHG-3' })] });
    expect(changesOnTime(contextFor(kb, '2026-04-01')).status).toBe('pending');
    const soon = changesOnTime(contextFor(kb, '2026-04-10'));
    expect(soon.status).toBe('at-risk');
    expect(soon.findings[0]!.message).toBe('尚未交付（delivered_at），截止日期 2026-04-15（双方约定的完成日期 agreed_date），剩余不超过 3 个工作日');
    const late = changesOnTime(contextFor(kb, '2026-04-16'));
    expect(late.status).toBe('breached');
    expect(late.findings[0]!.message).toBe('尚未交付（delivered_at），已超过截止日期 2026-04-15（双方约定的完成日期 agreed_date）');
  });
  it('policy changes and cancelled ones are not M-2; none → n/a', () => {
    const kb = makeKb({ changes: [change({ id: 'CHG-4', source: 'policy', regulation: '某规范' }), change({ id: 'CHG-5', status: 'cancelled' })] });
    expect(changesOnTime(contextFor(kb, '2026-06-01')).status).toBe('n/a');
  });
});
