import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import { loadKnowledgeBase } from '../records/index.js';
import { UserError } from '../shared/errors.js';
import { addDays, formatDate, parseDate } from '../shared/time.js';
import { calendarFromRecords, createCalendar, missingYearWarning, type CalendarYearData } from './index.js';

const here = path.dirname(fileURLToPath(import.meta.url));
const cal = createCalendar();
const add = (date: string, n: number) => cal.addWorkingDays(date, n).date;
const WARN_2027 = 'No PRC holiday calendar for 2027: add records/calendar/2027.yaml (see records/calendar/README.md); Monday–Friday counted as working days meanwhile';

describe('addWorkingDays: the N-th working day strictly after the date', () => {
  it.each([
    // Spring Festival 2025: 1/28–2/4 off, 1/26 (Sun) and 2/8 (Sat) working
    ['2025-01-24', 1, '2025-01-26'],
    ['2025-01-24', 2, '2025-01-27'],
    ['2025-01-27', 1, '2025-02-05'],
    ['2025-02-07', 1, '2025-02-08'],
    // Spring Festival 2026: 2/15–2/23 off, 2/14 (Sat) and 2/28 (Sat) working
    ['2026-02-13', 1, '2026-02-14'],
    ['2026-02-13', 2, '2026-02-24'],
    ['2026-02-27', 1, '2026-02-28'],
    ['2026-02-10', 10, '2026-03-02'],
    // Labour Day 2025: 5/1–5/5 off, 4/27 (Sun) working
    ['2025-04-25', 1, '2025-04-27'],
    ['2025-04-25', 2, '2025-04-28'],
    ['2025-04-30', 1, '2025-05-06'],
    // Labour Day 2026: 5/1–5/5 off, 5/9 (Sat) working
    ['2026-04-30', 1, '2026-05-06'],
    ['2026-05-08', 1, '2026-05-09'],
    // National Day + Mid-Autumn 2025: 10/1–10/8 off, 9/28 (Sun) and 10/11 (Sat) working
    ['2025-09-26', 1, '2025-09-28'],
    ['2025-09-30', 1, '2025-10-09'],
    ['2025-10-10', 1, '2025-10-11'],
    // Mid-Autumn 9/25–9/27 and National Day 10/1–10/7 2026, 9/20 (Sun) and 10/10 (Sat) working
    ['2026-09-18', 1, '2026-09-20'],
    ['2026-09-24', 1, '2026-09-28'],
    ['2026-09-30', 1, '2026-10-08'],
    ['2026-09-18', 10, '2026-10-09'],
    // an inspection finished 2026-09-28: report due 10 working days later, across National Day
    ['2026-09-28', 10, '2026-10-16'],
    // starting on a holiday
    ['2026-10-03', 1, '2026-10-08'],
    ['2025-10-01', 10, '2025-10-21'],
    ['2026-02-17', 1, '2026-02-24'],
    // starting on an adjusted working day
    ['2026-10-10', 1, '2026-10-12'],
    ['2025-01-26', 1, '2025-01-27'],
    ['2026-02-14', 1, '2026-02-24'],
    // spanning New Year: 2026-01-01..03 off, 2026-01-04 (Sun) working
    ['2025-12-31', 1, '2026-01-04'],
    ['2025-12-31', 2, '2026-01-05'],
    ['2025-12-26', 10, '2026-01-12'],
    ['2024-12-31', 1, '2025-01-02'],
    // period Y1 ends 2026-11-30: annual summary due 10 working days later
    ['2026-11-30', 10, '2026-12-14'],
    // an ordinary weekend
    ['2026-03-06', 1, '2026-03-09'],
  ])('%s + %i → %s', (date, n, want) => {
    const r = cal.addWorkingDays(date, n);
    expect(r).toEqual({ date: want, warnings: [] });
  });

  it('returns the date itself for n = 0, even on a holiday', () => {
    expect(add('2026-10-01', 0)).toBe('2026-10-01');
    expect(add('2026-03-10', 0)).toBe('2026-03-10');
  });

  it('accepts a CivilDate', () => {
    expect(cal.addWorkingDays({ year: 2026, month: 9, day: 28 }, 10).date).toBe('2026-10-16');
  });

  it('rejects a negative or fractional n and an impossible date', () => {
    expect(() => cal.addWorkingDays('2026-01-05', -1)).toThrow(RangeError);
    expect(() => cal.addWorkingDays('2026-01-05', 1.5)).toThrow(RangeError);
    expect(() => cal.addWorkingDays('2026-02-30', 1)).toThrow(/2026-02-30/);
    expect(() => cal.addWorkingDays({ year: 2026, month: 13, day: 1 }, 1)).toThrow(RangeError);
  });
});

describe('workingDaysBetween', () => {
  it('counts working days d with a < d ≤ b', () => {
    expect(cal.workingDaysBetween('2025-12-31', '2026-12-31')).toEqual({ count: 248, warnings: [] });
    expect(cal.workingDaysBetween('2024-12-31', '2025-12-31').count).toBe(248);
    expect(cal.workingDaysBetween('2026-09-30', '2026-10-08').count).toBe(1);
    expect(cal.workingDaysBetween('2026-10-08', '2026-09-30').count).toBe(-1);
    expect(cal.workingDaysBetween('2026-10-01', '2026-10-07').count).toBe(0);
    expect(Object.is(cal.workingDaysBetween('2026-10-07', '2026-10-01').count, 0)).toBe(true);
    expect(cal.workingDaysBetween('2026-03-10', '2026-03-10').count).toBe(0);
  });

  it('is the inverse of addWorkingDays on every day of 2025 and 2026', () => {
    for (let d = parseDate('2025-01-01'); d.year < 2027; d = addDays(d, 1)) {
      for (const n of [0, 1, 3, 10]) {
        const r = cal.addWorkingDays(d, n);
        if (d.year === 2026 && d.month === 12 && n > 0) continue; // may leave the known years
        expect(cal.workingDaysBetween(d, r.date).count, `${formatDate(d)} + ${n}`).toBe(n);
        if (n > 0) expect(cal.isWorkingDay(r.date)).toBe(true);
      }
    }
  });
});

describe('dayType', () => {
  it('tells workday, weekend, holiday (with name) and adjusted-workday apart', () => {
    expect(cal.dayType('2026-03-10')).toMatchObject({ type: 'workday', working: true, known: true, warnings: [] });
    expect(cal.dayType('2026-03-07')).toMatchObject({ type: 'weekend', working: false });
    expect(cal.dayType('2026-02-17')).toMatchObject({ type: 'holiday', name: '春节', working: false });
    expect(cal.dayType('2026-04-04')).toMatchObject({ type: 'holiday', name: '清明节' });
    expect(cal.dayType('2026-09-20')).toMatchObject({ type: 'adjusted-workday', working: true });
    expect(cal.dayType('2026-09-20').name).toBeUndefined();
  });
});

describe('years without data', () => {
  it('knows 2004–2026 from the built-in data', () => {
    expect(cal.knownYears).toEqual(Array.from({ length: 23 }, (_, i) => 2004 + i));
    expect(cal.hasYear(2026)).toBe(true);
    expect(cal.hasYear(2027)).toBe(false);
  });

  it('warns for 2027 in every answer that touches it, and never silently', () => {
    expect(missingYearWarning(2027)).toBe(WARN_2027);
    expect(cal.addWorkingDays('2026-12-31', 1)).toEqual({ date: '2027-01-01', warnings: [WARN_2027] });
    expect(cal.addWorkingDays('2027-03-01', 10).warnings).toEqual([WARN_2027]);
    expect(cal.dayType('2027-01-01')).toMatchObject({ type: 'workday', known: false, warnings: [WARN_2027] });
    expect(cal.workingDaysBetween('2026-12-01', '2027-01-31').warnings).toEqual([WARN_2027]);
    expect(cal.coverage('2026-06-01', '2027-05-31')).toEqual({ complete: false, missingYears: [2027], warnings: [WARN_2027] });
    expect(cal.coverage('2025-01-01', '2026-12-31')).toEqual({ complete: true, missingYears: [], warnings: [] });
    expect(cal.dayType('2003-06-02').warnings).toEqual([missingYearWarning(2003)]);
  });

  it('does not warn when the result stays inside known years', () => {
    expect(cal.addWorkingDays('2026-12-30', 1).warnings).toEqual([]);
    expect(cal.addWorkingDays('2026-12-30', 0).warnings).toEqual([]);
  });
});

describe('calendar records', () => {
  const fixture2027 = { records: [] as CalendarYearData[] };
  beforeAll(async () => {
    const kb = await loadKnowledgeBase(path.join(here, 'fixtures/ok-kb-2027'), { only: new Set() });
    expect(kb.diagnostics).toEqual([]);
    fixture2027.records = kb.calendars;
  });

  it('a 2027 record extends the calendar and silences the warning', () => {
    expect(fixture2027.records).toHaveLength(1);
    const ext = calendarFromRecords(fixture2027.records);
    expect(ext.knownYears.at(-1)).toBe(2027);
    expect(ext.addWorkingDays('2026-12-31', 1)).toEqual({ date: '2027-01-07', warnings: [] });
    expect(ext.addWorkingDays('2026-12-31', 3)).toEqual({ date: '2027-01-09', warnings: [] });
    expect(ext.dayType('2027-01-04')).toMatchObject({ type: 'holiday', name: '测试假期', known: true });
    expect(ext.addWorkingDays('2027-12-31', 1).warnings).toEqual([missingYearWarning(2028)]);
    // the built-in years are untouched
    expect(ext.addWorkingDays('2026-09-28', 10).date).toBe('2026-10-16');
  });

  it('a record overrides the built-in data of its year only', () => {
    const changed: CalendarYearData = {
      id: '2026', year: 2026, source: '测试用虚构安排（非官方）',
      holidays: [{ name: '国庆节', from: '2026-10-01', to: '2026-10-07' }],
      workdays: [],
    };
    const c = createCalendar([changed]);
    expect(c.dayType('2026-10-10').type).toBe('weekend');
    expect(c.dayType('2026-02-17').type).toBe('workday');
    expect(c.dayType('2025-10-11').type).toBe('adjusted-workday');
  });

  it('a record may start its New Year break in December of the previous year', () => {
    const rec: CalendarYearData = {
      id: '2027', year: 2027, source: '测试用虚构安排（非官方）',
      holidays: [{ name: '测试假期', from: '2026-12-31', to: '2027-01-02' }],
      workdays: ['2026-12-26'],
    };
    const c = createCalendar([rec]);
    expect(c.dayType('2026-12-31')).toMatchObject({ type: 'holiday', name: '测试假期' });
    expect(c.dayType('2026-12-26').type).toBe('adjusted-workday');
    expect(c.addWorkingDays('2026-12-30', 1)).toEqual({ date: '2027-01-04', warnings: [] });
  });

  it('refuses inconsistent records and two records for one year', () => {
    const bad = { id: '2027', year: 2027, source: 'x', holidays: [], workdays: ['2027-01-06'] };
    expect(() => createCalendar([bad])).toThrow(UserError);
    expect(() => createCalendar([bad])).toThrow(/workdays\[0\]: Unexpected workday `2027-01-06` on a weekday/);
    const ok = fixture2027.records[0]!;
    expect(() => createCalendar([ok, { ...ok }])).toThrow(/second calendar record for 2027/);
  });

  it('builtin: false uses the records alone', () => {
    const c = createCalendar(fixture2027.records, { builtin: false });
    expect(c.knownYears).toEqual([2027]);
    expect(c.dayType('2026-10-01').warnings).toEqual([missingYearWarning(2026)]);
  });
});
