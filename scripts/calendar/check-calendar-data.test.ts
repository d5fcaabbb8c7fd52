import { describe, expect, it } from 'vitest';
import { checkCalendarData } from './index.js';

const base = () => ({
  id: '2027',
  year: 2027,
  source: '测试用虚构安排（非官方）',
  holidays: [{ name: '测试假期', from: '2027-01-01', to: '2027-01-03' }],
  workdays: ['2027-01-09'],
});

describe('checkCalendarData', () => {
  it('accepts a consistent record, with or without the file id', () => {
    expect(checkCalendarData(base())).toEqual([]);
    expect(checkCalendarData(base(), '2027')).toEqual([]);
    expect(checkCalendarData({ ...base(), $schema: '../../schemas/calendar.schema.json' })).toEqual([]);
  });

  it.each<[string, (r: ReturnType<typeof base> & Record<string, unknown>) => unknown, (string | number)[], RegExp]>([
    ['not a mapping', () => ['x'], [], /expected a mapping/],
    ['unknown key', (r) => ({ ...r, workday: [] }), ['workday'], /unknown property `workday`/],
    ['missing key', (r) => { const { source: _s, ...rest } = r; return rest; }, [], /Missing required property `source`/],
    ['numeric id', (r) => ({ ...r, id: 2027 }), ['id'], /quoted string/],
    ['id ≠ year', (r) => ({ ...r, id: '2028' }), ['id'], /expected `2027`/],
    ['year out of range', (r) => ({ ...r, year: 1999 }), ['year'], /2000 to 2100/],
    ['empty source', (r) => ({ ...r, source: ' ' }), ['source'], /notice's title/],
    ['impossible date', (r) => ({ ...r, holidays: [{ name: 'x', from: '2027-02-27', to: '2027-02-30' }] }), ['holidays', 0, 'to'], /Unexpected date `2027-02-30`: no such day/],
    ['date outside the year', (r) => ({ ...r, holidays: [{ name: 'x', from: '2026-11-30', to: '2026-11-30' }] }), ['holidays', 0, 'from'], /in 2027 \(or December 2026\)/],
    ['to before from', (r) => ({ ...r, holidays: [{ name: 'x', from: '2027-01-03', to: '2027-01-01' }] }), ['holidays', 0, 'to'], /before `from`/],
    ['too long a break', (r) => ({ ...r, holidays: [{ name: 'x', from: '2027-01-01', to: '2027-10-01' }] }), ['holidays', 0, 'to'], /longer than 15 days/],
    ['overlapping breaks', (r) => ({ ...r, holidays: [...r.holidays, { name: 'y', from: '2027-01-03', to: '2027-01-04' }] }), ['holidays', 1], /overlap with holidays\[0\] on 2027-01-03/],
    ['holiday without name', (r) => ({ ...r, holidays: [{ from: '2027-01-01', to: '2027-01-01' }] }), ['holidays', 0], /Missing required property `name`/],
    ['unknown holiday key', (r) => ({ ...r, holidays: [{ ...r.holidays[0], until: 'x' }] }), ['holidays', 0, 'until'], /unknown property `until`/],
    ['workday on a weekday', (r) => ({ ...r, workdays: ['2027-01-06'] }), ['workdays', 0], /on a weekday/],
    ['workday inside a break', (r) => ({ ...r, holidays: [{ name: 'x', from: '2027-01-08', to: '2027-01-10' }] }), ['workdays', 0], /inside holidays\[0\]/],
    ['duplicate workday', (r) => ({ ...r, workdays: ['2027-01-09', '2027-01-09'] }), ['workdays', 1], /duplicate workday/],
    ['unquoted-looking date of another type', (r) => ({ ...r, workdays: [20270109] }), ['workdays', 0], /expected a quoted date "YYYY-MM-DD"/],
  ])('reports %s', (_label, mutate, wantPath, wantMessage) => {
    const problems = checkCalendarData(mutate(base()));
    expect(problems.length, JSON.stringify(problems)).toBeGreaterThan(0);
    expect(problems[0]!.path).toEqual(wantPath);
    expect(problems[0]!.message).toMatch(wantMessage);
  });

  it('checks the id against the file name', () => {
    expect(checkCalendarData(base(), '2028')[0]?.message).toMatch(/expected the file's base name `2028`/);
  });
});
