import { describe, expect, it } from 'vitest';
import { CONTRACT, ticket } from '../compliance/fixtures/make-kb.js';
import { parseDateTime } from '../shared/time.js';
import { ticketClocks } from './ticket-clocks.js';
import { ticketAsOf } from './ticket-as-of.js';

const policy = CONTRACT.sla;
const at = (t: string) => parseDateTime(t);
const LATER = at('2026-12-31T00:00:00+08:00');
const A = (over: Parameters<typeof ticket>[0] = {}) =>
  ticket({ severity: 'A', category: 'fault', channel: 'phone', reported_at: '2026-03-02T10:00:00+08:00', notified: [{ to: 'senior_manager', at: '2026-03-02T10:03:00+08:00' }], ...over });

describe('response clock (L-1) boundaries', () => {
  it('exactly 5 minutes is met', () => {
    const c = ticketClocks(A({ responded_at: '2026-03-02T10:05:00+08:00' }), policy, LATER);
    expect(c.response.status).toBe('met');
    expect(c.response.minutes).toBe(5);
  });
  it('5 minutes 1 second is breached', () => {
    const c = ticketClocks(A({ responded_at: '2026-03-02T10:05:01+08:00' }), policy, LATER);
    expect(c.response.status).toBe('breached');
  });
  it('the same instant in another offset is judged the same', () => {
    expect(ticketClocks(A({ responded_at: '2026-03-02T02:05:00Z' }), policy, LATER).response.status).toBe('met');
  });
  it('without a response: pending until the deadline, breached once as-of passes it', () => {
    const t = A();
    expect(ticketClocks(t, policy, at('2026-03-02T10:04:00+08:00')).response.status).toBe('pending');
    expect(ticketClocks(t, policy, at('2026-03-02T10:05:00+08:00')).response.status).toBe('pending');
    expect(ticketClocks(t, policy, at('2026-03-02T10:05:01+08:00')).response.status).toBe('breached');
  });
  it('B and C targets are 1 h and 2 h', () => {
    const b = ticket({ severity: 'B', responded_at: '2026-03-02T11:00:00+08:00' });
    const c = ticket({ severity: 'C', responded_at: '2026-03-02T12:00:01+08:00' });
    expect(ticketClocks(b, policy, LATER).response.status).toBe('met');
    expect(ticketClocks(c, policy, LATER).response.status).toBe('breached');
  });
  it('a response recorded after as-of leaves the clock running', () => {
    const t = ticketAsOf(A({ responded_at: '2026-03-02T10:04:00+08:00' }), at('2026-03-02T10:03:00+08:00'));
    expect(ticketClocks(t, policy, at('2026-03-02T10:03:00+08:00')).response.status).toBe('pending');
  });
});

describe('fault rule (R-1) is separate from the level', () => {
  it('a C fault answered after 31 min meets C (2 h) but breaches the 30-minute rule', () => {
    const c = ticketClocks(ticket({ category: 'defect', responded_at: '2026-03-02T10:31:00+08:00' }), policy, LATER);
    expect(c.response.status).toBe('met');
    expect(c.faultResponse.status).toBe('breached');
  });
  it('exactly 30 min is met; consultations are n/a', () => {
    expect(ticketClocks(ticket({ category: 'fault', responded_at: '2026-03-02T10:30:00+08:00' }), policy, LATER).faultResponse.status).toBe('met');
    expect(ticketClocks(ticket({ responded_at: '2026-03-02T10:31:00+08:00' }), policy, LATER).faultResponse.status).toBe('n/a');
  });
});

describe('on-site clock', () => {
  it('n/a without an onsite block', () => {
    expect(ticketClocks(A(), policy, LATER).onsite.status).toBe('n/a');
  });
  it('level A: 12 h from the request (L-2), inclusive', () => {
    const ok = ticketClocks(A({ onsite: { requested_at: '2026-03-02T12:00:00+08:00', arrived_at: '2026-03-03T00:00:00+08:00' } }), policy, LATER);
    expect([ok.onsiteRule, ok.onsite.status]).toEqual(['L-2', 'met']);
    const late = ticketClocks(A({ onsite: { requested_at: '2026-03-02T12:00:00+08:00', arrived_at: '2026-03-03T00:00:01+08:00' } }), policy, LATER);
    expect(late.onsite.status).toBe('breached');
    expect(late.complexOnsite.status).toBe('met');
  });
  it('level B: 24 h (R-2); requested but not arrived is pending, then breached', () => {
    const t = ticket({ severity: 'B', onsite: { requested_at: '2026-03-02T12:00:00+08:00' } });
    expect(ticketClocks(t, policy, at('2026-03-03T12:00:00+08:00')).onsite).toMatchObject({ status: 'pending' });
    expect(ticketClocks(t, policy, at('2026-03-03T12:00:01+08:00')).onsite).toMatchObject({ status: 'breached' });
    expect(ticketClocks(t, policy, LATER).onsiteRule).toBe('R-2');
  });
  it('onsite_clock: reported starts the clock at reported_at', () => {
    const t = A({ onsite: { requested_at: '2026-03-02T20:00:00+08:00', arrived_at: '2026-03-02T23:00:00+08:00' } });
    expect(ticketClocks(t, { ...policy, onsite_clock: 'reported' }, LATER).onsite.status).toBe('breached');
    expect(ticketClocks(t, policy, LATER).onsite.status).toBe('met');
  });
});

describe('channel and notifications', () => {
  it('level A via web is a channel breach; B via web is fine', () => {
    expect(ticketClocks(A({ channel: 'web' }), policy, LATER).channelCheck.status).toBe('breached');
    expect(ticketClocks(ticket({ severity: 'B', channel: 'web' }), policy, LATER).channelCheck.status).toBe('met');
  });
  it('level 1 needs product_team and senior_manager: missing one is pending while open, breached once closed', () => {
    const t = ticket({ severity: '1', notified: [{ to: 'product_team', at: '2026-03-02T10:02:00+08:00' }] });
    const open = ticketClocks(t, policy, LATER).notifications;
    expect(open).toMatchObject({ status: 'pending', missing: ['senior_manager'] });
    expect(ticketClocks({ ...t, resolved_at: '2026-03-02T12:00:00+08:00' }, policy, LATER).notifications.status).toBe('breached');
    expect(ticketClocks(ticket(), policy, LATER).notifications.status).toBe('n/a');
  });
});

describe('severity changes (one rule, README)', () => {
  it('C raised to A before the response: deadline = raise + 5 min', () => {
    const t = ticket({
      severity: 'A',
      severity_changes: [{ at: '2026-03-02T10:20:00+08:00', from: 'C', to: 'A' }],
      responded_at: '2026-03-02T10:26:00+08:00',
    });
    const c = ticketClocks(t, policy, LATER);
    expect(c.severity).toMatchObject({ initial: 'C', final: 'A', highest: 'A', responseLevel: 'A' });
    expect(c.response.status).toBe('breached');
    expect(ticketClocks({ ...t, responded_at: '2026-03-02T10:25:00+08:00' }, policy, LATER).response.status).toBe('met');
  });
  it('a raise after the response does not change the response verdict', () => {
    const t = ticket({ severity: 'A', severity_changes: [{ at: '2026-03-02T11:00:00+08:00', from: 'C', to: 'A' }], responded_at: '2026-03-02T10:50:00+08:00' });
    const c = ticketClocks(t, policy, LATER);
    expect(c.response.status).toBe('met');
    expect(c.severity.responseLevel).toBe('C');
  });
  it('a raise late in the original window never extends the deadline', () => {
    // B (deadline 11:00) raised to A at 10:58 → A deadline 11:03, the original 11:00 stays binding
    const t = ticket({ severity: 'A', severity_changes: [{ at: '2026-03-02T10:58:00+08:00', from: 'B', to: 'A' }], responded_at: '2026-03-02T11:02:00+08:00' });
    expect(ticketClocks(t, policy, LATER).response.status).toBe('breached');
  });
  it('lowered A → C: response judged against A; on-site and notifications use the highest level (A); channel the initial', () => {
    const t = ticket({
      severity: 'C', channel: 'web',
      severity_changes: [{ at: '2026-03-02T10:30:00+08:00', from: 'A', to: 'C' }],
      responded_at: '2026-03-02T10:10:00+08:00', resolved_at: '2026-03-02T12:00:00+08:00',
      onsite: { requested_at: '2026-03-02T11:00:00+08:00', arrived_at: '2026-03-02T22:00:00+08:00' },
    });
    const c = ticketClocks(t, policy, LATER);
    expect(c.response.status).toBe('breached');
    expect(c.onsiteRule).toBe('L-2');
    expect(c.notifications).toMatchObject({ status: 'breached', level: 'A' });
    expect(c.channelCheck).toMatchObject({ status: 'breached', level: 'A' });
  });
});

describe('resolution minutes', () => {
  it('= resolved_at − reported_at, null while open', () => {
    expect(ticketClocks(ticket({ resolved_at: '2026-03-02T11:30:30+08:00' }), policy, LATER).resolutionMinutes).toBe(90.5);
    expect(ticketClocks(ticket(), policy, LATER).resolutionMinutes).toBeNull();
  });
});
