import { describe, expect, it } from 'vitest';
import { createCalendar } from '../calendar/index.js';
import { CONTRACT, makeKb, ticket } from '../compliance/fixtures/make-kb.js';
import { UserError } from '../shared/errors.js';
import { parseInstant } from '../shared/time.js';
import { judgeTickets } from './compute-sla.js';
import { resolvePeriod } from './resolve-period.js';
import { isAfterHours } from './after-hours.js';

const at = (t: string) => parseInstant(t);

describe('resolvePeriod', () => {
  it('defaults to the period containing as-of, in CST', () => {
    expect(resolvePeriod(CONTRACT, undefined, at('2026-11-30T23:59:59+08:00')).id).toBe('Y1');
    expect(resolvePeriod(CONTRACT, undefined, at('2026-11-30T16:00:00Z')).id).toBe('Y2');
  });
  it('past the last period → the last one; before the first → the first', () => {
    expect(resolvePeriod(CONTRACT, undefined, at('2030-01-01')).id).toBe('Y2');
    expect(resolvePeriod(CONTRACT, undefined, at('2020-01-01')).id).toBe('Y1');
  });
  it('an unknown id is a one-line usage error listing the ids', () => {
    expect(() => resolvePeriod(CONTRACT, 'Y3', 0)).toThrowError(UserError);
    expect(() => resolvePeriod(CONTRACT, 'Y3', 0)).toThrowError('Unexpected --period `Y3`, expected one of `Y1`, `Y2`');
  });
  it('period end is inclusive: ends at next 00:00 +08:00', () => {
    const y1 = resolvePeriod(CONTRACT, 'Y1', 0);
    expect(new Date(y1.endMs).toISOString()).toBe('2026-11-30T16:00:00.000Z');
  });
});

describe('a ticket belongs to the period its reported_at falls in (CST)', () => {
  it('2026-12-01T00:30+08:00 (= 2026-11-30T16:30Z) belongs to Y2; 2026-11-30T23:59+08:00 to Y1', () => {
    const late = ticket({ id: 'T-20261201-01', reported_at: '2026-11-30T16:30:00Z' });
    const early = ticket({ id: 'T-20261130-01', reported_at: '2026-11-30T23:59:00+08:00' });
    const kb = makeKb({ tickets: [late, early] });
    const asOf = at('2027-01-01T00:00:00+08:00');
    const ids = (p: string) => judgeTickets(kb, resolvePeriod(CONTRACT, p, asOf), asOf, createCalendar(), new Set()).map((j) => j.ticket.id);
    expect(ids('Y1')).toEqual(['T-20261130-01']);
    expect(ids('Y2')).toEqual(['T-20261201-01']);
  });
});

describe('after-hours (CST working hours 08:00–17:59 on PRC working days)', () => {
  const cal = createCalendar();
  it.each([
    ['2026-03-02T07:59:59+08:00', true], // Monday before 8
    ['2026-03-02T08:00:00+08:00', false],
    ['2026-03-02T17:59:59+08:00', false],
    ['2026-03-02T18:00:00+08:00', true],
    ['2026-03-07T10:00:00+08:00', true], // Saturday
    ['2026-10-01T10:00:00+08:00', true], // National Day
    ['2026-03-02T02:00:00Z', false], // 10:00 CST
  ])('%s → %s', (t, expected) => {
    expect(isAfterHours(at(t), cal).afterHours).toBe(expected);
  });
  it('a year without holiday data warns', () => {
    expect(isAfterHours(at('2027-03-01T10:00:00+08:00'), cal).warnings.join()).toMatch(/2027/);
  });
});
