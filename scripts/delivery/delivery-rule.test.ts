/**
 * The `delivery-register` rule and the loaded knowledge base's view of hand-overs:
 * register entries name owed reports of the right kind, after the event, and agree
 * with a record's own hand-over field; a register entry shows in that field when
 * the record is silent (so compliance, deadlines and pages see one hand-over).
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { evaluateCompliance } from '../compliance/index.js';
import { loadKnowledgeBase } from '../records/index.js';
import { parseInstant } from '../shared/time.js';
import { REPO_ROOT } from '../testing/run-cli.js';

const FIXTURE = path.join(REPO_ROOT, 'scripts/reports/fixtures/ok-kb');
const DIGEST = `sha256:${'a'.repeat(64)}`;
let dir: string | undefined;
afterEach(() => {
  if (dir) fs.rmSync(dir, { recursive: true, force: true });
  dir = undefined;
});

/** The reports fixture plus a hospital person and the given delivery records (id → body). */
async function kbWith(deliveries: Record<string, string>, edit?: (root: string) => void) {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'opsbook-dlv-rule-'));
  fs.cpSync(FIXTURE, dir, { recursive: true });
  edit?.(dir);
  fs.writeFileSync(path.join(dir, 'records/people/P-it-a.yaml'), 'id: P-it-a\nname: 测试信息科乙\norganisation: hospital\nrole: it\n');
  for (const [id, body] of Object.entries(deliveries)) {
    fs.mkdirSync(path.join(dir, 'records/deliveries/2026'), { recursive: true });
    fs.writeFileSync(path.join(dir, `records/deliveries/2026/${id}.yaml`), `id: ${id}\n${body}input_digest: ${DIGEST}\n`);
  }
  const kb = await loadKnowledgeBase(dir);
  const about = (id: string) => kb.diagnostics.filter((d) => d.path.endsWith(`/${id}.yaml`)).map((d) => `${d.severity} ${d.rule}: ${d.message}`);
  return { kb, about };
}

describe('delivery-register rule', () => {
  it('accepts a register entry that agrees with the inspection’s own hand-over (a title there is only a warning)', async () => {
    const { about } = await kbWith({ 'DLV-inspection-INS-2026-01': 'kind: inspection\nreport_id: INS-2026-01\ndelivered_at: 2026-03-10\nacknowledged_by: P-it-a\n' });
    expect(about('DLV-inspection-INS-2026-01')).toEqual([expect.stringMatching(/^warning delivery-register: Unexpected acknowledged_by `P-it-a`.*records report acknowledged_by `信息科科长`/)]);
  });

  it('rejects a second declaration of the same hand-over that disagrees, naming where the other one is', async () => {
    const { about } = await kbWith({ 'DLV-inspection-INS-2026-01': 'kind: inspection\nreport_id: INS-2026-01\ndelivered_at: 2026-03-12\nacknowledged_by: P-it-a\n' });
    expect(about('DLV-inspection-INS-2026-01')).toEqual([
      expect.stringMatching(/^error delivery-register: Unexpected delivered_at `2026-03-12`: INS-2026-01 records report delivered_at `2026-03-10` \(records\/inspections\/2026\/INS-2026-01\.yaml:\d+:\d+\), expected the same hand-over/),
    ]);
  });

  it('rejects unknown reports, the wrong kind, unknown periods, unknown signers and hand-overs before the event', async () => {
    const { about } = await kbWith({
      'DLV-maintenance-T-20990101-01': 'kind: maintenance\nreport_id: T-20990101-01\ndelivered_at: 2026-03-10\nacknowledged_by: P-it-a\n',
      'DLV-inspection-DBI-2026-01': 'kind: inspection\nreport_id: DBI-2026-01\ndelivered_at: 2026-05-20\nacknowledged_by: P-it-a\n',
      'DLV-annual-Y9': 'kind: annual\nreport_id: Y9\ndelivered_at: 2026-12-05\nacknowledged_by: P-it-a\n',
      'DLV-maintenance-T-20260210-01': 'kind: maintenance\nreport_id: T-20260210-01\ndelivered_at: 2026-02-09\nacknowledged_by: P-nobody\n',
    });
    expect(about('DLV-maintenance-T-20990101-01')).toEqual([expect.stringMatching(/Unexpected report_id `T-20990101-01` \(not found\), expected the id of the ticket/)]);
    expect(about('DLV-inspection-DBI-2026-01')).toEqual([expect.stringMatching(/Unexpected kind `inspection` for database inspection `DBI-2026-01`, expected `database-inspection`/)]);
    expect(about('DLV-annual-Y9')).toEqual([expect.stringMatching(/Unexpected service period `Y9`, expected one of the contract's periods `Y1`/)]);
    expect(about('DLV-maintenance-T-20260210-01').sort()).toEqual([
      expect.stringMatching(/^error delivery-register: Unexpected delivered_at `2026-02-09` before the ticket's resolved_at/),
      expect.stringMatching(/^error references-resolve: Unexpected reference `P-nobody`/),
    ]);
  });

  it('shows a register hand-over in the record’s own field, so compliance judges it (R-2 written reply)', async () => {
    const asOf = parseInstant('2026-11-26T12:00:00+08:00');
    const TICKET = 'records/tickets/2026/T-20260501-01.yaml';
    // the written reply recorded only in the register, not in the ticket
    const noReply = (root: string) => {
      const f = path.join(root, TICKET);
      fs.writeFileSync(f, fs.readFileSync(f, 'utf8').replace(/^written_reply:\n(?: {2}.*\n)+/m, ''));
    };
    const r2 = async (kb: Awaited<ReturnType<typeof kbWith>>['kb']) => (await evaluateCompliance(kb, { periodId: 'Y1', asOf, evidence: { manuals: [], guard: [], handover: [] } })).clauses.find((c) => c.id === 'R-2')!;
    const before = await kbWith({}, noReply);
    expect((await r2(before.kb)).findings.some((f) => f.record === 'T-20260501-01')).toBe(true);
    fs.rmSync(dir!, { recursive: true, force: true });
    const { kb, about } = await kbWith({ 'DLV-written-reply-T-20260501-01': 'kind: written-reply\nreport_id: T-20260501-01\ndelivered_at: 2026-05-08\nacknowledged_by: P-it-a\n' }, noReply);
    expect(about('DLV-written-reply-T-20260501-01')).toEqual([]);
    expect(kb.tickets.find((t) => t.id === 'T-20260501-01')?.written_reply).toEqual({ delivered_at: '2026-05-08' });
    expect((await r2(kb)).findings.some((f) => f.record === 'T-20260501-01')).toBe(false);
    // the file itself is untouched
    expect(fs.readFileSync(path.join(dir!, TICKET), 'utf8')).not.toContain('written_reply');
  });
});
