/**
 * The adapter over chinese-days' raw tables against chinese-days' own
 * functions, run (in a child process, in this test only) in China's zone,
 * the only zone where those functions are right.
 */
import { execFileSync } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { addDays, formatDate, parseDate } from '../shared/time.js';
import { builtinCalendar, createCalendar } from './index.js';

const repo = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

/** chinese-days' answers for the given days, computed under TZ=Asia/Shanghai. */
function chineseDaysAnswers(days: string[]): { workday: boolean[]; plus10: string[] } {
  const script = `
    const cd = require('chinese-days');
    const days = JSON.parse(require('node:fs').readFileSync(0, 'utf8'));
    process.stdout.write(JSON.stringify({ workday: days.map((d) => cd.isWorkday(d)), plus10: days.map((d) => cd.findWorkday(10, d)) }));`;
  const out = execFileSync(process.execPath, ['-e', script], { cwd: repo, input: JSON.stringify(days), env: { ...process.env, TZ: 'Asia/Shanghai' }, maxBuffer: 16 << 20 });
  return JSON.parse(out.toString()) as { workday: boolean[]; plus10: string[] };
}

describe('built-in data', () => {
  it('covers 2004–2026 and uses the notices\' festival names', () => {
    const b = builtinCalendar();
    expect(b.years[0]).toBe(2004);
    expect(b.years.at(-1)).toBe(2026);
    expect(b.source).toMatch(/^chinese-days \d+\.\d+\.\d+$/);
    expect(new Set(b.holidays.values())).toEqual(new Set([
      '元旦', '春节', '清明节', '劳动节', '端午节', '中秋节', '国庆节', '中国人民抗日战争暨世界反法西斯战争胜利70周年纪念日',
    ]));
  });

  it('agrees with chinese-days (run in Asia/Shanghai) on every day of 2004–2026', { timeout: 30_000 }, () => {
    const days: string[] = [];
    for (let d = parseDate('2004-01-01'); d.year <= 2026 && !(d.year === 2026 && d.month === 12); d = addDays(d, 1)) days.push(formatDate(d));
    const theirs = chineseDaysAnswers(days);
    const cal = createCalendar();
    const diffs = days.filter((s, i) => cal.isWorkingDay(s) !== theirs.workday[i] || cal.addWorkingDays(s, 10).date !== theirs.plus10[i]);
    expect(days.length).toBeGreaterThan(8000);
    expect(diffs).toEqual([]);
  });
});
