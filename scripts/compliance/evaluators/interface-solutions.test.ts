import { describe, expect, it } from 'vitest';
import type { Interface } from '../../records/types.js';
import { contextFor, makeKb, ticket } from '../fixtures/make-kb.js';
import { interfaceSolutions } from './interface-solutions.js';

const degraded: Interface = { id: 'IF-aims-lis', system: 'aims', peer: 'lis', protocol: 'Web Service', direction: 'inbound', status: 'degraded' };
const closed = { category: 'interface' as const, interface: 'IF-aims-lis', resolved_at: '2026-03-02T12:00:00+08:00', outcome: 'resolved' as const };

describe('I-2 interfaceSolutions', () => {
  it('met: the degraded interface has a closed ticket with a solution', () => {
    const kb = makeKb({ interfaces: [degraded], tickets: [ticket({ ...closed, solution: '调整消息重发策略' })] });
    expect(interfaceSolutions(contextFor(kb, '2026-06-01')).status).toBe('met');
  });
  it('breached: closed interface ticket without a solution; degraded interface without any ticket', () => {
    const kb = makeKb({ interfaces: [degraded], tickets: [ticket({ ...closed, id: 'T-20260302-85' })] });
    const r = interfaceSolutions(contextFor(kb, '2026-06-01'));
    expect(r.status).toBe('breached');
    expect(r.findings).toEqual([
      { record: 'T-20260302-85', message: '接口工单已关闭，但未填写解决办法（solution）' },
      { record: 'IF-aims-lis', message: '接口状态为运行不畅（status: degraded），但没有任何接口工单给出解决办法（solution）' },
    ]);
  });
});

describe('I-2 degraded interface across periods', () => {
  it('a solution offered in Y1 still counts when judging Y2', () => {
    const kb = makeKb({ interfaces: [degraded], tickets: [ticket({ ...closed, solution: '更换网关' })] });
    expect(interfaceSolutions(contextFor(kb, '2027-01-20', undefined, 'Y2')).status).toBe('met');
  });
});
