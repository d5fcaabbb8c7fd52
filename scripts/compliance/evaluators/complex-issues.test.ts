import { describe, expect, it } from 'vitest';
import { contextFor, makeKb, ticket } from '../fixtures/make-kb.js';
import { complexIssues } from './complex-issues.js';

describe('R-2 complexIssues', () => {
  it('met: on site within 24 h of the request', () => {
    const kb = makeKb({ tickets: [ticket({ severity: 'B', onsite: { requested_at: '2026-03-02T12:00:00+08:00', arrived_at: '2026-03-03T12:00:00+08:00' } })] });
    expect(complexIssues(contextFor(kb, '2026-06-01')).status).toBe('met');
  });
  it('breached: on site after 24 h', () => {
    const kb = makeKb({ tickets: [ticket({ severity: 'B', onsite: { requested_at: '2026-03-02T12:00:00+08:00', arrived_at: '2026-03-03T12:00:01+08:00' } })] });
    expect(complexIssues(contextFor(kb, '2026-06-01')).status).toBe('breached');
  });
  it('unresolvable without a written reply: at-risk near the due date, then breached', () => {
    const t = ticket({ id: 'T-20260302-80', category: 'fault', resolved_at: '2026-03-02T12:00:00+08:00', outcome: 'unresolvable' });
    const kb = makeKb({ tickets: [t] });
    // due = 10 working days after 2026-03-02 = 2026-03-16
    expect(complexIssues(contextFor(kb, '2026-03-12')).status).toBe('at-risk');
    const r = complexIssues(contextFor(kb, '2026-03-17'));
    expect(r.status).toBe('breached');
    expect(r.findings[0]).toMatchObject({ record: 'T-20260302-80', message: expect.stringContaining('written_reply') });
    const replied = makeKb({ tickets: [{ ...t, written_reply: { delivered_at: '2026-03-10', summary: '书面说明' } }] });
    expect(complexIssues(contextFor(replied, '2026-03-17')).status).toBe('met');
  });
});
