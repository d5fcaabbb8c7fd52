import { describe, expect, it } from 'vitest';
import type { Interface } from '../../records/types.js';
import { contextFor, makeKb, ticket } from '../fixtures/make-kb.js';
import { interfacesRunning } from './interfaces-running.js';

const iface = (over: Partial<Interface> = {}): Interface => ({ id: 'IF-aims-his-adt', system: 'aims', peer: 'his', protocol: 'HL7 v2.5', direction: 'inbound', status: 'active', ...over });

describe('I-1 interfacesRunning', () => {
  it('met: register present, interface tickets closed', () => {
    const kb = makeKb({ interfaces: [iface()], tickets: [ticket({ category: 'interface', interface: 'IF-aims-his-adt', resolved_at: '2026-03-02T12:00:00+08:00', outcome: 'resolved' })] });
    expect(interfacesRunning(contextFor(kb, '2026-06-01')).status).toBe('met');
  });
  it('breached: an interface ticket closed as unresolvable', () => {
    const kb = makeKb({ interfaces: [iface()], tickets: [ticket({ category: 'interface', interface: 'IF-aims-his-adt', resolved_at: '2026-03-02T12:00:00+08:00', outcome: 'unresolvable' })] });
    const r = interfacesRunning(contextFor(kb, '2026-06-01'));
    expect(r.status).toBe('breached');
    expect(r.findings.map((f) => f.message)).toEqual(['接口 IF-aims-his-adt 的工单以无法解决（outcome: unresolvable）关闭']);
  });
  it('manual without a register; pending with a degraded interface', () => {
    expect(interfacesRunning(contextFor(makeKb(), '2026-06-01')).status).toBe('manual');
    expect(interfacesRunning(contextFor(makeKb({ interfaces: [iface({ status: 'degraded' })] }), '2026-06-01')).status).toBe('pending');
  });
});
