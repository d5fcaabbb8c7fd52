import { describe, expect, it } from 'vitest';
import { fmtTimeAfter, showTimeExact } from './format.js';
import { ticketsPage } from './pages/tickets.js';
import type { Ticket } from '../records/index.js';

describe('register times (beside the SLA verdicts)', () => {
  it('keep the seconds a record has, in Beijing time, whatever its zone', () => {
    expect(showTimeExact('2026-03-14T02:13:00+08:00')).toBe('2026-03-14 02:13');
    expect(showTimeExact('2026-03-13T18:18:02Z')).toBe('2026-03-14 02:18:02');
    expect(fmtTimeAfter('2026-03-14T02:18:02+08:00', '2026-03-14T02:13:00+08:00')).toBe('02:18:02');
    expect(fmtTimeAfter('2026-03-14T02:18:00+08:00', '2026-03-14T02:13:00+08:00')).toBe('02:18');
    // a report time with seconds: the other times of the row are shown to the second too
    expect(fmtTimeAfter('2026-03-14T02:18:00+08:00', '2026-03-14T02:13:30+08:00')).toBe('02:18:00');
    expect(fmtTimeAfter('2026-03-15T09:00:05+08:00', '2026-03-14T02:13:00+08:00')).toBe('03-15 09:00:05');
    expect(fmtTimeAfter(undefined, '2026-03-14T02:13:00+08:00')).toBe('—');
  });

  it('a ticket answered 5 min 2 s after its report reads so in the register', () => {
    const t = { id: 'T-20260314-01', system: 'aims', title: '体征采集中断', severity: 'A', category: 'fault', channel: 'phone',
      reported_at: '2026-03-14T02:13:00+08:00', responded_at: '2026-03-14T02:18:02+08:00' } as unknown as Ticket;
    const page = ticketsPage([t], new Map([[t.id, { id: t.id, response: 'breached', onsite: 'n/a' }]]));
    expect(page.data.rows[0]).toMatchObject({ reported: '2026-03-14 02:13', responded: '02:18:02', response: 'breached' });
  });
});
