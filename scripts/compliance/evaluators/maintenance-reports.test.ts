import { describe, expect, it } from 'vitest';
import { contextFor, makeKb, ticket } from '../fixtures/make-kb.js';
import { maintenanceReports } from './maintenance-reports.js';

const closed = { resolved_at: '2026-03-02T12:00:00+08:00', outcome: 'resolved' as const };

describe('S-2 maintenanceReports', () => {
  it('met when every resolved fault has cause, solution and recommendations', () => {
    const kb = makeKb({ tickets: [ticket({ category: 'fault', ...closed, cause: '网络中断', solution: '重启服务', recommendations: '增加监控' })] });
    expect(maintenanceReports(contextFor(kb, '2026-06-01')).status).toBe('met');
  });
  it('breached for a fault without a cause, naming the field', () => {
    const kb = makeKb({ tickets: [ticket({ id: 'T-20260302-50', category: 'fault', ...closed, cause: ' ', solution: '重启服务', recommendations: '增加监控' })] });
    const r = maintenanceReports(contextFor(kb, '2026-06-01'));
    expect(r.status).toBe('breached');
    expect(r.findings).toEqual([{ record: 'T-20260302-50', message: '故障已处理完毕，但产品维护报告缺少原因（cause）' }]);
  });
  it('open faults and consultations are not judged', () => {
    const kb = makeKb({ tickets: [ticket({ category: 'fault' }), ticket({ ...closed })] });
    expect(maintenanceReports(contextFor(kb, '2026-06-01')).status).toBe('n/a');
  });
  it('counts closed faults by the one definition of 已解决, parts adding up to the total', () => {
    const full = { cause: '网络中断', solution: '重启服务', recommendations: '增加监控' };
    const kb = makeKb({ tickets: [
      ticket({ id: 'T-20260302-51', category: 'fault', ...closed, ...full }),
      ticket({ id: 'T-20260302-52', category: 'defect', ...closed, ...full }),
      ticket({ id: 'T-20260302-53', category: 'fault', ...closed, outcome: 'workaround', ...full, cause: undefined }),
      ticket({ id: 'T-20260302-54', category: 'fault', ...closed, outcome: 'unresolvable' }),
    ] });
    const r = maintenanceReports(contextFor(kb, '2026-06-01'));
    expect(r.summary).toBe('处理完毕的故障/缺陷 3 张（已解决 2 张、临时解决 1 张；产品维护报告达标 2、违约 1）');
  });
});
