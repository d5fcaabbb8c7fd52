import { describe, expect, it } from 'vitest';
import { contextFor, makeKb, ticket } from '../fixtures/make-kb.js';
import { complexIssues } from './complex-issues.js';

describe('R-2 complexIssues', () => {
  it('met: on site within 24 h of the request', () => {
    const kb = makeKb({ tickets: [ticket({ severity: 'B', onsite: { requested_at: '2026-03-02T12:00:00+08:00', arrived_at: '2026-03-03T12:00:00+08:00' } })] });
    expect(complexIssues(contextFor(kb, '2026-06-01')).status).toBe('met');
  });
  it('breached: on site after 24 h', () => {
    const kb = makeKb({ tickets: [ticket({ id: 'T-20260302-81', severity: 'B', onsite: { requested_at: '2026-03-02T12:00:00+08:00', arrived_at: '2026-03-03T12:00:01+08:00' } })] });
    const r = complexIssues(contextFor(kb, '2026-06-01'));
    expect(r.status).toBe('breached');
    expect(r.findings).toEqual([{
      record: 'T-20260302-81',
      message: '到场时间（onsite.arrived_at）2026-03-03 12:00:01 比提出到场时间（onsite.requested_at）2026-03-02 12:00 晚 24 小时 1 秒，超过复杂问题 24 小时的到场时限（截止 2026-03-03 12:00）',
    }]);
  });
  it('unresolvable without a written reply: at-risk near the due date, then breached', () => {
    const t = ticket({ id: 'T-20260302-80', category: 'fault', resolved_at: '2026-03-02T12:00:00+08:00', outcome: 'unresolvable' });
    const kb = makeKb({ tickets: [t] });
    // due = 10 working days after 2026-03-02 = 2026-03-16
    const rule = '（工单关闭 2026-03-02 12:00 后 10 个工作日内，合同未约定期限，按 sla.written_reply_working_days（10 个工作日，默认值）计）';
    const soon = complexIssues(contextFor(kb, '2026-03-12'));
    expect(soon.status).toBe('at-risk');
    expect(soon.findings[0]!.message).toBe(`处理结果为无法解决（outcome: unresolvable），尚未给予书面答复（written_reply），截止日期 2026-03-16${rule}，剩余不超过 3 个工作日`);
    const r = complexIssues(contextFor(kb, '2026-03-17'));
    expect(r.status).toBe('breached');
    expect(r.findings).toEqual([{ record: 'T-20260302-80', message: `处理结果为无法解决（outcome: unresolvable），尚未给予书面答复（written_reply），已超过截止日期 2026-03-16${rule}` }]);
    const replied = makeKb({ tickets: [{ ...t, written_reply: { delivered_at: '2026-03-10', summary: '书面说明' } }] });
    expect(complexIssues(contextFor(replied, '2026-03-17')).status).toBe('met');
    const late = makeKb({ tickets: [{ ...t, written_reply: { delivered_at: '2026-03-17', summary: '书面说明' } }] });
    expect(complexIssues(contextFor(late, '2026-03-20')).findings[0]!.message).toBe(`书面答复日期（written_reply.delivered_at）2026-03-17 晚于截止日期 2026-03-16${rule}`);
  });
  it('the written-reply period is the contract policy key sla.written_reply_working_days, cited with its value', () => {
    const t = ticket({ id: 'T-20260302-79', category: 'fault', resolved_at: '2026-03-02T12:00:00+08:00', outcome: 'unresolvable' });
    const kb = makeKb({ tickets: [t] });
    kb.contract = { ...kb.contract!, sla: { ...kb.contract!.sla, written_reply_working_days: 3 } };
    // 3 working days after Mon 2026-03-02 = Thu 2026-03-05
    const r = complexIssues(contextFor(kb, '2026-03-06'));
    expect(r.status).toBe('breached');
    expect(r.findings[0]!.message).toBe('处理结果为无法解决（outcome: unresolvable），尚未给予书面答复（written_reply），已超过截止日期 2026-03-05（工单关闭 2026-03-02 12:00 后 3 个工作日内，合同未约定期限，按 sla.written_reply_working_days（3 个工作日）计）');
    expect(complexIssues(contextFor(kb, '2026-03-04')).status).toBe('at-risk');
  });
});
