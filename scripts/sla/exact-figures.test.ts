/**
 * Exact figures through the real CLI: a level-1 ticket answered in 5 min 2 s
 * against a 5-minute target. `sla --json` carries the exact minutes
 * (302/60 = 5.0333…) beside "breached"; the text table and the compliance
 * finding show 5:02 / 5 分钟 2 秒, never a rounded "5" beside 超时.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { stringify } from 'yaml';
import { CONTRACT } from '../compliance/fixtures/make-kb.js';
import { runCliAsync } from '../testing/run-cli.js';

let dir: string;
const AS_OF = ['--as-of', '2026-03-31T12:00:00+08:00'];

beforeAll(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'opsbook-sla-exact-'));
  fs.mkdirSync(path.join(dir, 'records/tickets/2026'), { recursive: true });
  fs.writeFileSync(path.join(dir, 'records/contract.yaml'), stringify(CONTRACT));
  const base = { system: 'aims', title: '麻醉记录单无法保存', category: 'fault', channel: 'phone' };
  const tickets = [
    // 5 min 2 s: breached by two seconds
    { ...base, id: 'T-20260302-01', severity: '1', reported_at: '2026-03-02T10:00:00+08:00', responded_at: '2026-03-02T10:05:02+08:00', resolved_at: '2026-03-02T11:00:00+08:00', outcome: 'resolved',
      notified: [{ to: 'product_team', at: '2026-03-02T10:06:00+08:00' }, { to: 'senior_manager', at: '2026-03-02T10:06:00+08:00' }] },
    // exactly 5 min: met (inclusive boundary)
    { ...base, id: 'T-20260303-01', severity: '1', reported_at: '2026-03-03T10:00:00+08:00', responded_at: '2026-03-03T10:05:00+08:00', resolved_at: '2026-03-03T10:30:30+08:00', outcome: 'resolved',
      notified: [{ to: 'product_team', at: '2026-03-03T10:06:00+08:00' }, { to: 'senior_manager', at: '2026-03-03T10:06:00+08:00' }] },
    // a third ticket whose mean with the others is not a round number
    { ...base, id: 'T-20260304-01', severity: '1', reported_at: '2026-03-04T10:00:00+08:00', responded_at: '2026-03-04T10:04:59+08:00', resolved_at: '2026-03-04T10:20:00+08:00', outcome: 'resolved',
      notified: [{ to: 'product_team', at: '2026-03-04T10:06:00+08:00' }, { to: 'senior_manager', at: '2026-03-04T10:06:00+08:00' }] },
  ];
  for (const t of tickets) fs.writeFileSync(path.join(dir, `records/tickets/2026/${t.id}.yaml`), stringify(t));
});
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

describe('exact minutes (CLI)', () => {
  it('sla --json: per-ticket minutes and means are exact to the second, statuses agree with them', async () => {
    const r = await runCliAsync(['sla', '--json', '--root', dir, ...AS_OF], dir);
    expect(r.code).toBe(0);
    const doc = JSON.parse(r.stdout) as { tickets: { id: string; responseMinutes: number; response: string; resolutionMinutes: number }[]; bySeverity: Record<string, { avgResponseMinutes: number; responseAttainment: number; avgResolutionMinutes: number }> };
    const t = Object.fromEntries(doc.tickets.map((x) => [x.id, x]));
    expect(t['T-20260302-01']).toMatchObject({ responseMinutes: 302 / 60, response: 'breached' });
    expect(t['T-20260302-01']!.responseMinutes).toBeGreaterThan(5);
    expect(t['T-20260303-01']).toMatchObject({ responseMinutes: 5, response: 'met', resolutionMinutes: 1830 / 60 });
    expect(t['T-20260304-01']).toMatchObject({ responseMinutes: 299 / 60, response: 'met' });
    // (302 + 300 + 299) s / 3 = 300.333… s; no rounding to 0.1
    expect(doc.bySeverity['1']!.avgResponseMinutes).toBe(901_000 / 3 / 60_000);
    expect(doc.bySeverity['1']!.responseAttainment).toBe(2 / 3);
    // every figure in the document is what the timestamps give: no value rounded to 0.1 that was not already
    for (const x of doc.tickets) expect(x.response === 'breached').toBe(x.responseMinutes > 5);
  }, 60_000);

  it('the text table shows minutes:seconds beside the verdict', async () => {
    const r = await runCliAsync(['sla', '--root', dir, ...AS_OF], dir);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/T-20260302-01 .* 5:02 +5:00 +超时/);
    expect(r.stdout).toMatch(/T-20260303-01 .* 5:00 +5:00 +达标/);
  }, 60_000);

  it('compliance --json: the L-1 finding says 5 分钟 2 秒; without docs/ S-8 is n/a', async () => {
    const r = await runCliAsync(['compliance', '--json', '--root', dir, ...AS_OF], dir);
    expect(r.code).toBe(0);
    const doc = JSON.parse(r.stdout) as { clauses: { id: string; status: string; findings: { record: string; message: string }[] }[] };
    const l1 = doc.clauses.find((c) => c.id === 'L-1')!;
    expect(l1.status).toBe('breached');
    expect(l1.findings.map((f) => f.record)).toEqual(['T-20260302-01']);
    expect(l1.findings[0]!.message).toContain('晚 5 分钟 2 秒，超过');
    // this KB has no docs/: S-8 has no manuals to judge (n/a with the reason), never breached
    const s8 = doc.clauses.find((c) => c.id === 'S-8') as unknown as { status: string; summary: string; findings: unknown[] };
    expect(s8).toMatchObject({ status: 'n/a', findings: [] });
    expect(s8.summary).toContain('本知识库没有 docs/ 目录');
  }, 60_000);
});
