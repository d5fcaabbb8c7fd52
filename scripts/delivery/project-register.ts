/**
 * One hand-over, one declaration. The register (records/deliveries/) is the
 * record of delivery; the older fields that also say a report was handed
 * over — an inspection's `report`, a service period's `annual_report`, a
 * ticket's `written_reply.delivered_at` — are still read (knowledge bases
 * written before the register, SPEC §2), and the `delivery-register` rule
 * rejects a register entry that disagrees with them.
 *
 * Everything that judges or shows a hand-over (compliance RPT-1, RPT-2,
 * D-1 and R-2, the PR summary's deadlines, the annual report, the site)
 * reads those fields, so the loaded knowledge base presents the register's
 * first hand-over of each report in them where the record itself is silent.
 * Records are replaced, never mutated; the files are untouched, so input
 * digests (bytes) do not change.
 */
import type { Contract, Inspection, KnowledgeBase, LoadedRecord, Person, Ticket } from '../records/types.js';
import { deliveryIndex, type RegisteredDelivery } from './register.js';

/** How a hand-over's signer reads in the older fields: the person's name, else the id. */
export function signerText(people: ReadonlyMap<string, Person>, id: string): string {
  return people.get(id)?.name ?? id;
}

/**
 * The knowledge base with the register's hand-overs shown in the records'
 * own hand-over fields where those are absent.
 * @param kb a loaded knowledge base (not modified)
 * @returns `kb` itself when nothing needed filling, else a copy
 */
export function applyDeliveryRegister(kb: KnowledgeBase): KnowledgeBase {
  const index = deliveryIndex(kb);
  if (index.size === 0) return kb;
  const people = new Map(kb.people.map((p) => [p.id, p]));
  const first = (kind: string, id: string): RegisteredDelivery | undefined => index.get(`${kind}\0${id}`)?.[0];
  const swap = new Map<object, object>();

  for (const ins of kb.inspections) {
    if (ins.report) continue;
    const d = first(ins.type === 'database' ? 'database-inspection' : 'inspection', ins.id);
    if (d) swap.set(ins, { ...ins, report: { delivered_at: d.record.delivered_at, acknowledged_by: signerText(people, d.record.acknowledged_by) } } satisfies Inspection);
  }
  for (const t of kb.tickets) {
    if (t.written_reply) continue;
    const d = first('written-reply', t.id);
    if (d) swap.set(t, { ...t, written_reply: { delivered_at: d.record.delivered_at } } satisfies Ticket);
  }
  let contract = kb.contract;
  if (contract) {
    let changed = false;
    const periods = contract.service_periods.map((p) => {
      const d = p.annual_report ? undefined : first('annual', p.id);
      if (!d) return p;
      changed = true;
      return { ...p, annual_report: { delivered_at: d.record.delivered_at, acknowledged_by: signerText(people, d.record.acknowledged_by) } };
    });
    if (changed) {
      const next: Contract = { ...contract, service_periods: periods };
      swap.set(contract, next);
      contract = next;
    }
  }
  if (swap.size === 0) return kb;

  const byId = new Map(kb.byId);
  const records = kb.records.map((r) => {
    const data = swap.get(r.data as object);
    if (!data) return r;
    const next = { ...r, data } as LoadedRecord;
    if (kb.byId.get(r.id) === r) byId.set(r.id, next);
    return next;
  });
  const of = <T extends object>(xs: T[]): T[] => xs.map((x) => (swap.get(x) as T | undefined) ?? x);
  return { ...kb, records, byId, contract, tickets: of(kb.tickets), inspections: of(kb.inspections) };
}
