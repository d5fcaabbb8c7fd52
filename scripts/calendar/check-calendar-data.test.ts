import { describe, expect, it } from 'vitest';
import { checkCalendarData, type CalendarYearData } from './index.js';

const base = (): CalendarYearData => ({
  id: '2027',
  year: 2027,
  source: '测试用虚构安排（非官方）',
  holidays: [{ name: '测试假期', from: '2027-01-01', to: '2027-01-03' }],
  workdays: ['2027-01-09'],
});

describe('checkCalendarData (semantics; the shape is the schema\'s, see calendar-records.test.ts)', () => {
  it('accepts a consistent record', () => {
    expect(checkCalendarData(base())).toEqual([]);
    expect(checkCalendarData({ ...base(), $schema: '../../schemas/calendar.schema.json' })).toEqual([]);
    expect(checkCalendarData({ ...base(), holidays: [{ name: '元旦', from: '2026-12-31', to: '2027-01-02' }], workdays: ['2026-12-26'] })).toEqual([]);
  });

  it.each<[string, (r: CalendarYearData) => CalendarYearData, (string | number)[], RegExp]>([
    ['id ≠ year', (r) => ({ ...r, id: '2028' }), ['id'], /Unexpected id `2028` for year 2027, expected `2027`/],
    ['impossible date (guard for direct callers)', (r) => ({ ...r, holidays: [{ name: 'x', from: '2027-02-27', to: '2027-02-30' }] }), ['holidays', 0, 'to'], /Unexpected date `2027-02-30`, expected a real calendar date/],
    ['date outside the year', (r) => ({ ...r, holidays: [{ name: 'x', from: '2026-11-30', to: '2027-01-01' }] }), ['holidays', 0, 'from'], /in 2027 \(or December 2026\)/],
    ['workday outside the year', (r) => ({ ...r, workdays: ['2028-01-08'] }), ['workdays', 0], /in 2027 \(or December 2026\)/],
    ['to before from', (r) => ({ ...r, holidays: [{ name: 'x', from: '2027-01-03', to: '2027-01-01' }] }), ['holidays', 0, 'to'], /Unexpected `to` `2027-01-01` before `from` `2027-01-03`/],
    ['too long a break', (r) => ({ ...r, holidays: [{ name: 'x', from: '2027-01-01', to: '2027-10-01' }], workdays: [] }), ['holidays', 0, 'to'], /longer than 15 days/],
    ['overlapping breaks', (r) => ({ ...r, holidays: [...r.holidays, { name: 'y', from: '2027-01-03', to: '2027-01-04' }] }), ['holidays', 1], /overlap with holidays\[0\] on 2027-01-03/],
    ['workday on a weekday', (r) => ({ ...r, workdays: ['2027-01-06'] }), ['workdays', 0], /on a weekday/],
    ['workday inside a break', (r) => ({ ...r, holidays: [{ name: 'x', from: '2027-01-08', to: '2027-01-10' }] }), ['workdays', 0], /inside holidays\[0\]/],
    ['duplicate workday', (r) => ({ ...r, workdays: ['2027-01-09', '2027-01-09'] }), ['workdays', 1], /duplicate workday/],
  ])('reports %s', (_label, mutate, wantPath, wantMessage) => {
    const problems = checkCalendarData(mutate(base()));
    expect(problems, JSON.stringify(problems)).toHaveLength(1);
    expect(problems[0]!.path).toEqual(wantPath);
    expect(problems[0]!.message).toMatch(wantMessage);
  });

  it('allows exactly MAX_HOLIDAY_DAYS days', () => {
    expect(checkCalendarData({ ...base(), holidays: [{ name: 'x', from: '2027-01-01', to: '2027-01-15' }], workdays: [] })).toEqual([]);
    expect(checkCalendarData({ ...base(), holidays: [{ name: 'x', from: '2027-01-01', to: '2027-01-16' }], workdays: [] })).toHaveLength(1);
  });

  it('reports every problem, in document order', () => {
    const r = { ...base(), id: '2026', holidays: [{ name: 'x', from: '2027-01-03', to: '2027-01-01' }], workdays: ['2027-01-06', '2027-01-09'] };
    expect(checkCalendarData(r).map((p) => p.path)).toEqual([['id'], ['holidays', 0, 'to'], ['workdays', 0]]);
  });
});
