/**
 * Every day of 2025 and 2026 against the State Council notices, encoded here
 * independently of chinese-days and of records/calendar/2026.yaml:
 * the notices on the 2025 and 2026 holidays (2026: published 2025-11-04).
 */
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { loadKnowledgeBase } from '../records/index.js';
import { addDays, formatDate, parseDate, weekdayOf } from '../shared/time.js';
import { createCalendar, type CalendarYearData, type DayType, type WorkCalendar } from './index.js';

const repo = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

interface Notice {
  holidays: [name: string, from: string, to: string][];
  /** Adjusted working days with the weekday the notice names (6 = 周六, 7 = 周日). */
  workdays: [date: string, weekday: 6 | 7][];
}

const NOTICES: Record<number, Notice> = {
  2025: {
    holidays: [
      ['元旦', '2025-01-01', '2025-01-01'],
      ['春节', '2025-01-28', '2025-02-04'],
      ['清明节', '2025-04-04', '2025-04-06'],
      ['劳动节', '2025-05-01', '2025-05-05'],
      ['端午节', '2025-05-31', '2025-06-02'],
      ['国庆节、中秋节', '2025-10-01', '2025-10-08'],
    ],
    workdays: [['2025-01-26', 7], ['2025-02-08', 6], ['2025-04-27', 7], ['2025-09-28', 7], ['2025-10-11', 6]],
  },
  2026: {
    holidays: [
      ['元旦', '2026-01-01', '2026-01-03'],
      ['春节', '2026-02-15', '2026-02-23'],
      ['清明节', '2026-04-04', '2026-04-06'],
      ['劳动节', '2026-05-01', '2026-05-05'],
      ['端午节', '2026-06-19', '2026-06-21'],
      ['中秋节', '2026-09-25', '2026-09-27'],
      ['国庆节', '2026-10-01', '2026-10-07'],
    ],
    workdays: [['2026-01-04', 7], ['2026-02-14', 6], ['2026-02-28', 6], ['2026-05-09', 6], ['2026-09-20', 7], ['2026-10-10', 6]],
  },
};

/** Expected type and holiday name of every day of a year, from the notice alone. */
function expectedDays(year: number): Map<string, { type: DayType; name?: string }> {
  const notice = NOTICES[year]!;
  const out = new Map<string, { type: DayType; name?: string }>();
  for (let d = parseDate(`${year}-01-01`); d.year === year; d = addDays(d, 1)) {
    out.set(formatDate(d), { type: weekdayOf(d) >= 6 ? 'weekend' : 'workday' });
  }
  for (const [name, from, to] of notice.holidays) {
    for (let d = parseDate(from); formatDate(d) <= to; d = addDays(d, 1)) out.set(formatDate(d), { type: 'holiday', name });
  }
  for (const [date] of notice.workdays) out.set(date, { type: 'adjusted-workday' });
  return out;
}

function compareYear(cal: WorkCalendar, year: number): string[] {
  const diffs: string[] = [];
  for (const [date, want] of expectedDays(year)) {
    const got = cal.dayType(date);
    const nameOk = want.type !== 'holiday' || (want.name ?? '').split('、').includes(got.name ?? '');
    if (got.type !== want.type || !nameOk || !got.known || got.warnings.length > 0) {
      diffs.push(`${date}: got ${got.type} ${got.name ?? ''}, want ${want.type} ${want.name ?? ''}`);
    }
    if (cal.isWorkingDay(date) !== (want.type === 'workday' || want.type === 'adjusted-workday')) diffs.push(`${date}: isWorkingDay`);
  }
  return diffs;
}

/** The committed records/calendar/2026.yaml, read and checked by the shared loader. */
let loaded2026: CalendarYearData | undefined;
beforeAll(async () => {
  const kb = await loadKnowledgeBase(repo, { only: new Set() });
  expect(kb.diagnostics.filter((d) => d.path.startsWith('records/calendar/'))).toEqual([]);
  loaded2026 = kb.calendars.find((c) => c.id === '2026');
});
const record2026 = (): CalendarYearData => {
  expect(loaded2026, 'records/calendar/2026.yaml').toBeDefined();
  return loaded2026!;
};

describe('the notices as encoded in this test', () => {
  it('name adjusted working days on the weekdays the notices say', () => {
    for (const notice of Object.values(NOTICES)) {
      for (const [date, weekday] of notice.workdays) expect(weekdayOf(parseDate(date)), date).toBe(weekday);
    }
  });
  it('give 248 working days in each of 2025 and 2026', () => {
    for (const year of [2025, 2026]) {
      const working = [...expectedDays(year).values()].filter((d) => d.type === 'workday' || d.type === 'adjusted-workday');
      expect(working.length).toBe(248);
    }
  });
});

describe('every day of 2025 and 2026', () => {
  const saved = process.env.TZ;
  afterEach(() => {
    if (saved === undefined) delete process.env.TZ;
    else process.env.TZ = saved;
  });

  it('built-in data (chinese-days) agrees with the notices', () => {
    const cal = createCalendar();
    expect(compareYear(cal, 2025)).toEqual([]);
    expect(compareYear(cal, 2026)).toEqual([]);
  });

  it('records/calendar/2026.yaml alone agrees with the 2026 notice, names included', () => {
    const cal = createCalendar([record2026()], { builtin: false });
    expect(cal.knownYears).toEqual([2026]);
    expect(compareYear(cal, 2026)).toEqual([]);
    const names = new Map(NOTICES[2026]!.holidays.map(([name, from]) => [from, name]));
    for (const h of record2026().holidays) expect(h.name).toBe(names.get(h.from));
  });

  it('records/calendar/2026.yaml agrees with the built-in 2026 data day by day', () => {
    const builtin = createCalendar();
    const fromRecord = createCalendar([record2026()], { builtin: false });
    for (let d = parseDate('2026-01-01'); d.year === 2026; d = addDays(d, 1)) {
      const a = builtin.dayType(d);
      const b = fromRecord.dayType(d);
      expect({ type: b.type, name: b.name }, a.date).toEqual({ type: a.type, name: a.name });
    }
  });

  it('does not depend on the process time zone', () => {
    for (const tz of ['America/Los_Angeles', 'Pacific/Kiritimati', 'Asia/Shanghai', 'UTC']) {
      process.env.TZ = tz;
      const cal = createCalendar([record2026()]);
      expect(compareYear(cal, 2025), tz).toEqual([]);
      expect(compareYear(cal, 2026), tz).toEqual([]);
      expect(cal.addWorkingDays('2026-09-28', 10).date, tz).toBe('2026-10-16');
    }
  });
});
