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
    expect(r.findings[0]!.message).toContain('agreed_date 2026-04-15');
  });
  it('pending well before the date, at-risk within 3 working days, breached after', () => {
    const kb = makeKb({ changes: [change({ id: 'CHG-3' })] });
    expect(changesOnTime(contextFor(kb, '2026-04-01')).status).toBe('pending');
    expect(changesOnTime(contextFor(kb, '2026-04-10')).status).toBe('at-risk');
    expect(changesOnTime(contextFor(kb, '2026-04-16')).status).toBe('breached');
  });
  it('policy changes and cancelled ones are not M-2; none → n/a', () => {
    const kb = makeKb({ changes: [change({ id: 'CHG-4', source: 'policy', regulation: '某规范' }), change({ id: 'CHG-5', status: 'cancelled' })] });
    expect(changesOnTime(contextFor(kb, '2026-06-01')).status).toBe('n/a');
  });
});
