/**
 * The delivery register of a synthetic knowledge base: what a vendor that
 * keeps one would have registered by the last day — the 产品维护报告 of each
 * resolved fault within two days, written replies on their date, inspection
 * reports on their hand-over dates, the annual reports of ended periods — so
 * that a synthetic KB of 100,000 tickets owes only what is genuinely due, as
 * a real one would. The digests come from the report builders themselves
 * (scripts/delivery), over an in-memory knowledge base of the generated
 * records; three reports are edited after delivery (suspect), as happens.
 */
import { stringify } from 'yaml';
import { KINDS, type RecordKind } from '../records/index.js';
import type { Contract, KnowledgeBase, LoadedRecord, RecordTypes, Ticket } from '../records/types.js';
import { fixedProvenance } from '../reports/provenance.js';
import { isMaintenanceDue } from '../reports/ticket-reports.js';
import { addDays, compareDates, formatDate, parseDate, parseInstant } from '../shared/time.js';
import { cstDay, type DeliveryKind } from '../delivery/register.js';
import { currentDigest } from '../delivery/report-digest.js';
import { createRandom } from './random.js';

/** A generated record: its data and the exact text written. */
export interface SynthRecord {
  kind: RecordKind;
  path: string;
  data: Record<string, unknown>;
  content: string;
}

/** A hand-over the generator decided on (inspections, annual reports). */
export interface SynthHandover {
  kind: DeliveryKind;
  id: string;
  /** `YYYY-MM-DD`. */
  at: string;
}

/** Reports edited after their delivery (the register shows them as suspect). */
export const SYNTH_SUSPECT = 3;

/** A knowledge base held in memory, as the loader would give it for these records (all valid by construction). */
function memoryKb(records: readonly SynthRecord[]): KnowledgeBase {
  const loaded: LoadedRecord[] = records.map((r) => ({ kind: r.kind, id: String(r.data.id), path: r.path, data: r.data as never, locate: () => ({ line: 1, column: 1 }) }));
  loaded.sort((a, b) => (a.path < b.path ? -1 : 1));
  const of = <K extends RecordKind>(k: K) => loaded.filter((r) => r.kind === k).map((r) => r.data as RecordTypes[K]);
  return {
    root: '/synthetic-kb', config: {}, records: loaded, diagnostics: [], fileCount: loaded.length,
    byId: new Map(loaded.map((r) => [r.id, r])),
    contract: of('contract')[0] as Contract, tickets: of('ticket'), inspections: of('inspection'), changes: [], releases: [], trainings: [],
    recommendations: [], interfaces: of('interface'), dbOperations: [], people: of('person'), dataDictionaries: [], disposals: [], calendars: [], handoverFiles: [],
  };
}

/**
 * Builds the register's files; edits the contents of the few tickets changed after delivery.
 * @param records the generated records (ticket contents may be changed in place)
 * @param handovers inspection and annual-report hand-overs decided by the generator
 */
export async function synthDeliveries(records: SynthRecord[], handovers: readonly SynthHandover[], opts: { seed: string | number; lastDay: string }): Promise<{ path: string; content: string }[]> {
  const r = createRandom(`${String(opts.seed)}/deliveries`);
  const last = parseDate(opts.lastDay);
  const kb = memoryKb(records);
  const asOf = parseInstant(opts.lastDay, { end: true }) - 1;
  const ctx = { kb, asOf, provenance: fixedProvenance(null, new Map(records.map((x) => [x.path, Buffer.from(x.content, 'utf8')]))) };
  const planned: SynthHandover[] = [...handovers];
  for (const t of kb.tickets as Ticket[]) {
    if (isMaintenanceDue(t)) planned.push({ kind: 'maintenance', id: t.id, at: formatDate(addDays(parseDate(cstDay(t.resolved_at!)), r.int(0, 2))) });
    if (t.written_reply) planned.push({ kind: 'written-reply', id: t.id, at: cstDay(t.written_reply.delivered_at) });
  }
  const files: { path: string; content: string }[] = [];
  const delivered: string[] = [];
  for (const h of planned) {
    if (compareDates(parseDate(h.at), last) > 0) continue; // not yet handed over
    const id = `DLV-${h.kind}-${h.id}`;
    const data = { id, kind: h.kind, report_id: h.id, delivered_at: h.at, acknowledged_by: 'P-it-1', input_digest: await currentDigest(ctx, h.kind, h.id), format: 'docx' };
    files.push({ path: `records/${KINDS.delivery.folder}/${h.at.slice(0, 4)}/${id}.yaml`, content: stringify(data, { lineWidth: 0 }) });
    if (h.kind === 'maintenance') delivered.push(h.id);
  }
  // a few tickets edited after their report was handed over
  // (of the last two months, so that no earlier period's delivered annual report becomes suspect with them)
  const byId = new Map(records.filter((x) => x.kind === 'ticket').map((x) => [String(x.data.id), x]));
  const lately = delivered.filter((id) => parseInstant(String(byId.get(id)!.data.reported_at)) > asOf - 60 * 86_400_000);
  for (let i = 0; i < Math.min(SYNTH_SUSPECT, lately.length); i++) {
    const t = byId.get(lately[r.int(0, lately.length - 1)]!)!;
    if (!t.content.includes('tags:')) t.content += 'tags: [交付后修改]\n';
  }
  return files.sort((a, b) => (a.path < b.path ? -1 : 1));
}
