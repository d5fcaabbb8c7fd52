import { describe, expect, it } from 'vitest';
import { judgeClock } from '../sla/index.js';
import { parseInstant } from '../shared/time.js';
import { clockMessage } from './evaluators/ticket-clock-findings.js';
import { contextFor, makeKb } from './fixtures/make-kb.js';
import { channelText, cstTimeText, dueText, durationText, isoDurationText, lateText, releaseText, systemText, workingDaysAfterText } from './finding-text.js';

describe('cstTimeText', () => {
  it('shows China Standard Time whatever the offset, without zero seconds', () => {
    expect(cstTimeText('2026-01-06T16:20:00+08:00')).toBe('2026-01-06 16:20');
    expect(cstTimeText('2026-01-06T08:20:00Z')).toBe('2026-01-06 16:20');
    expect(cstTimeText('2026-01-06T20:20:00-08:00')).toBe('2026-01-07 12:20');
    expect(cstTimeText('2026-03-02T10:30:01+08:00')).toBe('2026-03-02 10:30:01');
    expect(cstTimeText(parseInstant('2026-03-02T00:00:00+08:00'))).toBe('2026-03-02 00:00');
  });
  it('leaves a bare date as it is', () => {
    expect(cstTimeText('2026-10-19')).toBe('2026-10-19');
  });
});

describe('durationText', () => {
  it('hours, minutes and seconds, leaving out zero parts', () => {
    expect(durationText(50)).toBe('50 分钟');
    expect(durationText(130)).toBe('2 小时 10 分钟');
    expect(durationText(120 + 1 / 60)).toBe('2 小时 1 秒');
    expect(durationText(30 + 1 / 60)).toBe('30 分钟 1 秒');
    expect(durationText(24 * 60)).toBe('24 小时');
    expect(durationText(3 * 1440 + 120)).toBe('3 天 2 小时');
    expect(durationText(0)).toBe('0 分钟');
    expect(durationText(null)).toBe('—');
  });
  it('reads the contract durations', () => {
    expect(isoDurationText('PT30M')).toBe('30 分钟');
    expect(isoDurationText('PT12H')).toBe('12 小时');
    expect(isoDurationText('PT1H30M')).toBe('1 小时 30 分钟');
  });
});

describe('deadline wording', () => {
  const ctx = contextFor(makeKb(), '2026-06-01');
  it('late, breached, at-risk and pending use 截止日期 alike', () => {
    const rule = workingDaysAfterText('巡检结束', '2026-09-29T17:00:00+08:00', 10);
    expect(rule).toBe('巡检结束 2026-09-29 17:00 后 10 个工作日内');
    expect(lateText('巡检报告提交日期（report.delivered_at）', '2026-10-20', '2026-10-19', rule)).toBe('巡检报告提交日期（report.delivered_at）2026-10-20 晚于截止日期 2026-10-19（巡检结束 2026-09-29 17:00 后 10 个工作日内）');
    expect(dueText(ctx, 'breached', '2026-10-19', '季度末')).toBe('已超过截止日期 2026-10-19（季度末）');
    expect(dueText(ctx, 'at-risk', '2026-10-19', '季度末')).toBe('截止日期 2026-10-19（季度末），剩余不超过 3 个工作日');
    expect(dueText(ctx, 'pending', '2026-10-19', '季度末')).toBe('截止日期 2026-10-19（季度末），未到期');
  });
  it('names systems, releases and channels in Chinese with their codes', () => {
    expect(systemText(ctx, 'icis')).toBe('重症监护信息系统（icis）');
    expect(systemText(ctx, 'other')).toBe('other');
    expect(releaseText(ctx, 'aims', '5.3.0')).toBe('手术麻醉临床信息系统（aims）5.3.0 版');
    expect(channelText('email')).toBe('邮件（email）');
  });
});

describe('clockMessage', () => {
  const at = (t: string) => parseInstant(`2026-01-06T${t}:00+08:00`);
  it('the example of the brief: 50 min against 30 min', () => {
    const c = judgeClock(at('15:30'), at('16:20'), at('16:00'), 30, at('18:00'));
    expect(clockMessage('响应时间（responded_at）', '报告时间（reported_at）', c, '30 分钟的故障响应时限'))
      .toBe('响应时间（responded_at）2026-01-06 16:20 比报告时间（reported_at）2026-01-06 15:30 晚 50 分钟，超过 30 分钟的故障响应时限（截止 2026-01-06 16:00）');
  });
  it('no response yet: breached once the deadline passed, else not yet due', () => {
    const late = judgeClock(at('15:30'), undefined, at('16:00'), 30, at('16:01'));
    expect(clockMessage('响应时间（responded_at）', '报告时间（reported_at）', late, '30 分钟的故障响应时限'))
      .toBe('尚无响应时间（responded_at），报告时间（reported_at）为 2026-01-06 15:30，已超过 30 分钟的故障响应时限（截止 2026-01-06 16:00）');
    const running = judgeClock(at('15:30'), undefined, at('16:00'), 30, at('15:45'));
    expect(clockMessage('响应时间（responded_at）', '报告时间（reported_at）', running, '30 分钟的故障响应时限'))
      .toBe('尚无响应时间（responded_at），报告时间（reported_at）为 2026-01-06 15:30，30 分钟的故障响应时限未到期（截止 2026-01-06 16:00）');
  });
  it('a level raised before the response: the deadline runs from the raise', () => {
    const c = judgeClock(at('10:00'), at('10:40'), at('10:35'), 5, at('12:00'));
    expect(clockMessage('响应时间（responded_at）', '报告时间（reported_at）', c, 'A级 5 分钟的响应时限'))
      .toBe('响应时间（responded_at）2026-01-06 10:40 比报告时间（reported_at）2026-01-06 10:00 晚 40 分钟，超过 A级 5 分钟的响应时限（自级别调整时起算，截止 2026-01-06 10:35）');
  });
});
