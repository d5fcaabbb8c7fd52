import { describe, expect, it } from 'vitest';
import { contextFor, makeKb, ticket } from '../fixtures/make-kb.js';
import { criticalOnsite } from './critical-onsite.js';

const visit = (arrived: string) => ticket({ id: 'T-20260302-40', severity: '1', onsite: { requested_at: '2026-03-02T12:00:00+08:00', arrived_at: arrived } });

describe('L-2 criticalOnsite', () => {
  it('met at exactly 12 h', () => {
    expect(criticalOnsite(contextFor(makeKb({ tickets: [visit('2026-03-03T00:00:00+08:00')] }), '2026-06-01')).status).toBe('met');
  });
  it('breached after 12 h', () => {
    const r = criticalOnsite(contextFor(makeKb({ tickets: [visit('2026-03-03T00:30:00+08:00')] }), '2026-06-01'));
    expect(r.status).toBe('breached');
    expect(r.findings[0]!.message).toBe('到场时间（onsite.arrived_at）2026-03-03 00:30 比提出到场时间（onsite.requested_at）2026-03-02 12:00 晚 12 小时 30 分钟，超过 1级远程无法解决时 12 小时的到场时限（截止 2026-03-03 00:00）');
  });
  it('n/a when no 1/A ticket needed a visit (B visits are R-2)', () => {
    expect(criticalOnsite(contextFor(makeKb({ tickets: [ticket({ severity: 'B', onsite: { requested_at: '2026-03-02T12:00:00+08:00' } })] }), '2026-06-01')).status).toBe('n/a');
  });
});
