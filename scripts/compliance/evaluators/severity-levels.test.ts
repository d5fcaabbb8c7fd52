import { describe, expect, it } from 'vitest';
import { contextFor, makeKb, ticket } from '../fixtures/make-kb.js';
import { severityLevels } from './severity-levels.js';

const okA = { severity: 'A' as const, responded_at: '2026-03-02T10:05:00+08:00', resolved_at: '2026-03-02T11:00:00+08:00', notified: [{ to: 'senior_manager' as const, at: '2026-03-02T10:03:00+08:00' }] };

describe('L-1 severityLevels', () => {
  it('met: responded within the level, by phone, notified', () => {
    expect(severityLevels(contextFor(makeKb({ tickets: [ticket(okA)] }), '2026-06-01')).status).toBe('met');
  });
  it('breached: a level-A ticket submitted via web', () => {
    const r = severityLevels(contextFor(makeKb({ tickets: [ticket({ ...okA, id: 'T-20260302-31', channel: 'web' })] }), '2026-06-01'));
    expect(r.status).toBe('breached');
    expect(r.findings).toEqual([{ record: 'T-20260302-31', message: 'A级服务请求只能通过电话（phone）提交，实际提交方式（channel）为网络（web）' }]);
  });
  it('breached: a missing notification, named in Chinese and English', () => {
    const r = severityLevels(contextFor(makeKb({ tickets: [ticket({ ...okA, notified: [] })] }), '2026-06-01'));
    expect(r.findings[0]!.message).toBe('A级服务请求须通知高级经理（senior_manager），通知记录（notified）中未见相应通知');
  });
  it('breached: a C response after 2 h 1 s; pending while running', () => {
    const late = severityLevels(contextFor(makeKb({ tickets: [ticket({ responded_at: '2026-03-02T12:00:01+08:00' })] }), '2026-06-01'));
    expect(late.status).toBe('breached');
    expect(late.findings[0]!.message).toBe('响应时间（responded_at）2026-03-02 12:00:01 比报告时间（reported_at）2026-03-02 10:00 晚 2 小时 1 秒，超过 C级 2 小时的响应时限（截止 2026-03-02 12:00）');
    expect(severityLevels(contextFor(makeKb({ tickets: [ticket()] }), '2026-03-02T11:00:00+08:00')).status).toBe('pending');
  });
});
