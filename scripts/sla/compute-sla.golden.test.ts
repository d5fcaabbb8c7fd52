/**
 * Hand-computed golden test: an 11-ticket knowledge base written as YAML to a
 * temp dir, loaded by the real loader, judged as of 2026-03-31 (end of day,
 * CST). Every figure below was computed by hand from the table.
 *
 * Policy: 1/A 5 min, B 1 h, C 2 h; faults 30 min; L-2 12 h; notify 1 →
 * product_team+senior_manager, A → senior_manager.
 *
 * | ticket          | sev  | cat/chan         | response min        | L-1      | R-1      | resolution | after-hours          | open |
 * |-----------------|------|------------------|---------------------|----------|----------|------------|----------------------|------|
 * | T-20260302-01   | A    | fault/phone      | 5 (boundary)        | met      | met      | 60         | no (Mon 10:00)       |      |
 * | T-20260302-02   | A    | fault/phone      | 5.5                 | breached | met      | 240        | yes (22:00)          |      | on-site 11 h → met (L-2)
 * | T-20260303-01   | B    | fault/web        | 40                  | met      | breached | 180        | no                   |      |
 * | T-20260304-01   | B    | database/email   | 60 (boundary)       | met      | n/a      | 1440       | no                   |      |
 * | T-20260307-01   | C    | consultation/ph  | 90                  | met      | n/a      | 120        | yes (Saturday)       |      |
 * | T-20260309-01   | C    | defect/web       | 120.0167 (120 m 1 s)| breached | breached | 1440       | no (16:00)           |      |
 * | T-20260310-01   | C    | training/email   | 30                  | met      | n/a      | —          | no (08:00 sharp)     | open |
 * | T-20260320-01   | B    | change/phone     | —                   | breached | n/a      | —          | no                   | open | deadline 11:00 long past
 * | T-20260325-01   | 1    | fault/phone      | 3                   | met      | met      | 240        | no                   |      | notified product_team only → notification breached
 * | T-20260326-01   | C→A  | fault/phone      | 36                  | breached | breached | 60         | no                   |      | raised 10:30 → deadline 10:35
 * | T-20260331-01   | B    | fault/phone      | —                   | pending  | breached | —          | yes (23:00)          | open | L-1 deadline 04-01 00:00 not yet passed; R-1 deadline 23:30 passed
 * | T-20260402-01   | C    | (after as-of: excluded)
 *
 * bySeverity (final level):
 *  "1": count 1, met 1, breached 0 → attainment 1; avg response 3; avg resolution 240; after-hours 0; open 0
 *  Figures are exact (no rounding in the result): 1/3 stays 0.333…, 120 m 1 s is 7201/60.
 *  "A": count 3 (…02-01, …02-02, …26-01), met 1, breached 2 → 1/3; response (5+5.5+36)/3 = 15.5,
 *       median 5.5, p90 (rank 3) 36; resolution (60+240+60)/3 = 120, median 60, p90 240; after-hours 1/3; onsite met 1
 *  "B": count 4, met 2, breached 1, pending 1 → 2/3; response (40+60)/2 = 50, p90 (rank 2) 60;
 *       resolution (180+1440)/2 = 810; after-hours 1/4 = 0.25; open 2
 *  "C": count 3, met 2, breached 1 → 2/3; response (90+120.0167+30)/3 = 80.0056 (14 401 000 ms / 3); median 90;
 *       p90 (rank 3) 120.0167 (7 201 000 ms); resolution (120+1440)/2 = 780; after-hours 1/3; open 1
 *  total: 11 tickets, met 6, breached 4, pending 1 → 0.6; channels phone 7, web 2, email 2
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { stringify } from 'yaml';
import { CONTRACT } from '../compliance/fixtures/make-kb.js';
import { loadKnowledgeBase } from '../records/index.js';
import type { KnowledgeBase, Ticket } from '../records/types.js';
import { parseInstant } from '../shared/time.js';
import { computeSla, type SlaResult } from './compute-sla.js';

const d = (day: string, time: string) => `2026-03-${day}T${time}+08:00`;
const T = (t: Partial<Ticket> & Pick<Ticket, 'id' | 'severity' | 'category' | 'channel' | 'reported_at'>): Ticket => ({ system: 'aims', title: '测试工单', ...t });

const TICKETS: Ticket[] = [
  T({ id: 'T-20260302-01', severity: 'A', category: 'fault', channel: 'phone', reported_at: d('02', '10:00:00'), responded_at: d('02', '10:05:00'), resolved_at: d('02', '11:00:00'), outcome: 'resolved', notified: [{ to: 'senior_manager', at: d('02', '10:04:00') }] }),
  T({ id: 'T-20260302-02', severity: 'A', category: 'fault', channel: 'phone', reported_at: d('02', '22:00:00'), responded_at: d('02', '22:05:30'), resolved_at: d('03', '02:00:00'), outcome: 'resolved', notified: [{ to: 'senior_manager', at: d('02', '22:10:00') }], onsite: { requested_at: d('02', '23:00:00'), arrived_at: d('03', '10:00:00') } }),
  T({ id: 'T-20260303-01', severity: 'B', category: 'fault', channel: 'web', reported_at: d('03', '09:00:00'), responded_at: d('03', '09:40:00'), resolved_at: d('03', '12:00:00'), outcome: 'resolved' }),
  T({ id: 'T-20260304-01', severity: 'B', category: 'database', channel: 'email', reported_at: d('04', '14:00:00'), responded_at: d('04', '15:00:00'), resolved_at: d('05', '14:00:00'), outcome: 'resolved' }),
  T({ id: 'T-20260307-01', severity: 'C', category: 'consultation', channel: 'phone', reported_at: d('07', '10:00:00'), responded_at: d('07', '11:30:00'), resolved_at: d('07', '12:00:00'), outcome: 'resolved' }),
  T({ id: 'T-20260309-01', severity: 'C', category: 'defect', channel: 'web', reported_at: d('09', '16:00:00'), responded_at: d('09', '18:00:01'), resolved_at: d('10', '16:00:00'), outcome: 'resolved' }),
  T({ id: 'T-20260310-01', severity: 'C', category: 'training', channel: 'email', reported_at: d('10', '08:00:00'), responded_at: d('10', '08:30:00') }),
  T({ id: 'T-20260320-01', severity: 'B', category: 'change', channel: 'phone', reported_at: d('20', '10:00:00') }),
  T({ id: 'T-20260325-01', severity: '1', category: 'fault', channel: 'phone', reported_at: d('25', '14:00:00'), responded_at: d('25', '14:03:00'), resolved_at: d('25', '18:00:00'), outcome: 'resolved', notified: [{ to: 'product_team', at: d('25', '14:05:00') }] }),
  T({ id: 'T-20260326-01', severity: 'A', severity_changes: [{ at: d('26', '10:30:00'), from: 'C', to: 'A' }], category: 'fault', channel: 'phone', reported_at: d('26', '10:00:00'), responded_at: d('26', '10:36:00'), resolved_at: d('26', '11:00:00'), outcome: 'resolved', notified: [{ to: 'senior_manager', at: d('26', '10:31:00') }] }),
  T({ id: 'T-20260331-01', severity: 'B', category: 'fault', channel: 'phone', reported_at: d('31', '23:00:00') }),
  T({ id: 'T-20260402-01', severity: 'C', category: 'consultation', channel: 'phone', reported_at: '2026-04-02T10:00:00+08:00', responded_at: '2026-04-02T10:10:00+08:00' }),
];

let dir: string;
let kb: KnowledgeBase;
let r: SlaResult;

beforeAll(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'opsbook-sla-golden-'));
  fs.mkdirSync(path.join(dir, 'records/tickets/2026'), { recursive: true });
  fs.writeFileSync(path.join(dir, 'records/contract.yaml'), stringify(CONTRACT));
  for (const t of TICKETS) fs.writeFileSync(path.join(dir, `records/tickets/2026/${t.id}.yaml`), stringify(t));
  kb = await loadKnowledgeBase(dir);
  r = computeSla(kb, { asOf: parseInstant('2026-03-31', { end: true }) - 1 });
});
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

describe('golden SLA figures (hand-computed, see the table above)', () => {
  it('the fixture is valid', () => {
    expect(kb.diagnostics.filter((x) => x.severity === 'error')).toEqual([]);
    expect(r.period).toEqual({ id: 'Y1', start: '2025-12-01', end: '2026-11-30' });
    expect(r.asOf).toBe('2026-03-31T23:59:59+08:00');
  });

  it('per-ticket statuses', () => {
    const pick = r.tickets.map((t) => [t.id, t.severity, t.responseMinutes, t.response, t.faultResponse, t.onsite, t.resolutionMinutes, t.afterHours, t.open]);
    expect(pick).toEqual([
      ['T-20260302-01', 'A', 5, 'met', 'met', 'n/a', 60, false, false],
      ['T-20260302-02', 'A', 5.5, 'breached', 'met', 'met', 240, true, false],
      ['T-20260303-01', 'B', 40, 'met', 'breached', 'n/a', 180, false, false],
      ['T-20260304-01', 'B', 60, 'met', 'n/a', 'n/a', 1440, false, false],
      ['T-20260307-01', 'C', 90, 'met', 'n/a', 'n/a', 120, true, false],
      ['T-20260309-01', 'C', 7_201_000 / 60_000, 'breached', 'breached', 'n/a', 1440, false, false],
      ['T-20260310-01', 'C', 30, 'met', 'n/a', 'n/a', null, false, true],
      ['T-20260320-01', 'B', null, 'breached', 'n/a', 'n/a', null, false, true],
      ['T-20260325-01', '1', 3, 'met', 'met', 'n/a', 240, false, false],
      ['T-20260326-01', 'A', 36, 'breached', 'breached', 'n/a', 60, false, false],
      ['T-20260331-01', 'B', null, 'pending', 'breached', 'n/a', null, true, true],
    ]);
    expect(r.tickets.find((t) => t.id === 'T-20260326-01')).toMatchObject({ initialSeverity: 'C', responseLevel: 'A', responseDeadline: '2026-03-26T10:35:00+08:00' });
    expect(r.tickets.find((t) => t.id === 'T-20260325-01')!.notifications).toEqual({ status: 'breached', required: ['product_team', 'senior_manager'], missing: ['senior_manager'] });
  });

  it('per-severity figures', () => {
    expect(r.bySeverity['1']).toMatchObject({ count: 1, responseMet: 1, responseBreached: 0, responseAttainment: 1, avgResponseMinutes: 3, avgResolutionMinutes: 240, afterHours: 0, open: 0 });
    expect(r.bySeverity.A).toMatchObject({
      count: 3, responseMet: 1, responseBreached: 2, responsePending: 0, responseAttainment: 1 / 3,
      avgResponseMinutes: 15.5, medianResponseMinutes: 5.5, p90ResponseMinutes: 36,
      avgResolutionMinutes: 120, medianResolutionMinutes: 60, p90ResolutionMinutes: 240, afterHoursShare: 1 / 3, onsiteMet: 1, open: 0,
    });
    expect(r.bySeverity.B).toMatchObject({ count: 4, responseMet: 2, responseBreached: 1, responsePending: 1, responseAttainment: 2 / 3, avgResponseMinutes: 50, p90ResponseMinutes: 60, avgResolutionMinutes: 810, afterHoursShare: 0.25, open: 2 });
    expect(r.bySeverity.C).toMatchObject({ count: 3, responseMet: 2, responseBreached: 1, responseAttainment: 2 / 3, avgResponseMinutes: 14_401_000 / 3 / 60_000, medianResponseMinutes: 90, p90ResponseMinutes: 7_201_000 / 60_000, avgResolutionMinutes: 780, afterHoursShare: 1 / 3, open: 1 });
  });

  it('totals, channels, months', () => {
    expect(r.total).toMatchObject({ count: 11, responseMet: 6, responseBreached: 4, responsePending: 1, responseAttainment: 0.6 });
    expect(Object.fromEntries(Object.entries(r.byChannel).map(([k, v]) => [k, v.count]))).toEqual({ phone: 7, web: 2, email: 2 });
    expect(r.byMonth['2026-03']!.count).toBe(11);
    expect(Object.keys(r.byMonth)).toHaveLength(12);
    expect(r.byHour[22]).toBe(1);
    expect(r.warnings).toEqual([]);
  });

  it('the JSON has the SPEC §7 keys', () => {
    const doc = JSON.parse(JSON.stringify(r)) as Record<string, unknown>;
    expect(Object.keys(doc)).toEqual(expect.arrayContaining(['period', 'asOf', 'tickets', 'bySeverity']));
    expect(Object.keys(r.tickets[0]!)).toEqual(expect.arrayContaining(['id', 'severity', 'category', 'responseMinutes', 'response', 'onsite', 'resolutionMinutes']));
    expect(Object.keys(r.bySeverity.A!)).toEqual(expect.arrayContaining(['count', 'responseMet', 'responseBreached', 'avgResponseMinutes', 'avgResolutionMinutes']));
  });
});
