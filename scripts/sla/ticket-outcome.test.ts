import { describe, expect, it } from 'vitest';
import { closureCounts, closureSummary, ticketClosure } from './ticket-outcome.js';

describe('ticket outcome buckets', () => {
  it('puts every ticket in exactly one bucket, so the parts add up', () => {
    const tickets = [
      { resolved_at: '2026-01-01T10:00:00+08:00', outcome: 'resolved' as const },
      { resolved_at: '2026-01-01T10:00:00+08:00', outcome: 'workaround' as const },
      { resolved_at: '2026-01-01T10:00:00+08:00', outcome: 'unresolvable' as const },
      { resolved_at: '2026-01-01T10:00:00+08:00', outcome: 'duplicate' as const },
      { resolved_at: '2026-01-01T10:00:00+08:00' },
      {},
    ];
    const c = closureCounts(tickets);
    expect(c).toMatchObject({ resolved: 2, workaround: 1, unresolvable: 1, duplicate: 1, open: 1, total: 6, closed: 5 });
    expect(c.resolved + c.workaround + c.unresolvable + c.duplicate + c.open).toBe(c.total);
    expect(closureSummary(c)).toBe('已解决 2 件、临时解决 1 件、无法解决 1 件、重复 1 件、处理中 1 件');
    expect(ticketClosure({ outcome: 'unresolvable' })).toBe('open');
    expect(closureSummary(closureCounts([]))).toBe('无');
  });
});
