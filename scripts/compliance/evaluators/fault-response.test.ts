import { describe, expect, it } from 'vitest';
import { contextFor, makeKb, ticket } from '../fixtures/make-kb.js';
import { faultResponse } from './fault-response.js';

describe('R-1 faultResponse', () => {
  it('met at exactly 30 minutes', () => {
    const kb = makeKb({ tickets: [ticket({ category: 'fault', responded_at: '2026-03-02T10:30:00+08:00' })] });
    expect(faultResponse(contextFor(kb, '2026-06-01')).status).toBe('met');
  });
  it('breached at 30 min 1 s, with the times in the finding', () => {
    const kb = makeKb({ tickets: [ticket({ id: 'T-20260302-70', category: 'defect', responded_at: '2026-03-02T10:30:01+08:00' })] });
    const r = faultResponse(contextFor(kb, '2026-06-01'));
    expect(r.status).toBe('breached');
    expect(r.findings).toEqual([{
      record: 'T-20260302-70',
      message: '响应时间（responded_at）2026-03-02 10:30:01 比报告时间（reported_at）2026-03-02 10:00 晚 30 分钟 1 秒，超过 30 分钟的故障响应时限（截止 2026-03-02 10:30）',
    }]);
  });
  it('pending while the 30 minutes run', () => {
    const kb = makeKb({ tickets: [ticket({ category: 'fault' })] });
    expect(faultResponse(contextFor(kb, '2026-03-02T10:20:00+08:00')).status).toBe('pending');
  });
});
