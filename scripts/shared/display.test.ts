import { describe, expect, it } from 'vitest';
import { showClock, showDate, showInstant, showMinutes, showPercent, showRatio, showTime } from './display.js';

describe('display', () => {
  it('shows times in China Standard Time whatever the offset written', () => {
    expect(showTime('2026-03-14T02:13:00+08:00')).toBe('2026-03-14 02:13');
    expect(showTime('2026-03-13T18:13:00Z')).toBe('2026-03-14 02:13');
    expect(showTime('2026-03-14')).toBe('2026-03-14');
    expect(showTime(undefined)).toBe('—');
    expect(showInstant(Date.UTC(2026, 2, 13, 18, 13))).toBe('2026-03-14 02:13');
    expect(showDate('2026-03-13T18:13:00Z')).toBe('2026-03-14');
    expect(showDate('2026-03-14')).toBe('2026-03-14');
  });

  it.each([
    [0, '0 分钟'], [59.4, '59 分钟'], [60, '1 小时'], [125, '2 小时 5 分钟'], [2879, '47 小时 59 分钟'],
    [2880, '2 天'], [4684, '3 天 6 小时'], [4310, '3 天'], [null, '—'], [Number.NaN, '—'],
  ])('shows %s minutes as %s', (min, text) => expect(showMinutes(min)).toBe(text));

  it('shows shares with one decimal, the same from a ratio or a count', () => {
    expect(showPercent(1, 8)).toBe('12.5%');
    expect(showPercent(99, 106)).toBe('93.4%');
    expect(showRatio(99 / 106)).toBe(showPercent(99, 106));
    expect(showPercent(0, 0)).toBe('—');
    expect(showRatio(null)).toBe('—');
  });
});

describe('showClock and showRatio never contradict a verdict', () => {
  it('keeps the seconds of a clock (5 min 2 s is not 5 分钟)', () => {
    expect(showClock(302 / 60)).toBe('5 分钟 2 秒');
    expect(showClock(5)).toBe('5 分钟');
    expect(showClock(300.4 / 60)).toBe('5 分钟 0.4 秒');
    expect(showClock(24 * 60 + 1 / 60)).toBe('24 小时 1 秒');
    expect(showClock(2 * 1440 + 61)).toBe('2 天 1 小时 1 分钟');
    expect(showClock(0)).toBe('0 分钟');
    expect(showClock(-90)).toBe('负 1 小时 30 分钟');
    expect(showClock(null)).toBe('—');
  });
  it('a share strictly between 0 and 1 never reads as 0.0% or 100.0%', () => {
    expect(showRatio(9_999 / 10_000)).toBe('99.9%');
    expect(showRatio(1 / 10_000)).toBe('0.1%');
    expect(showRatio(1)).toBe('100.0%');
    expect(showRatio(0)).toBe('0.0%');
  });
});
