/**
 * Registering hand-overs (`opsbook deliver`): a delivery record valid by
 * construction — the report must be one the knowledge base owes, the digest
 * is the one the report prints now, the id and path follow the register's
 * naming — and backfilling the register from what the records already show
 * as handed over (adopting the register in a knowledge base with history).
 */
import fs from 'node:fs';
import path from 'node:path';
import { orderLikeSchema, renderRecordYaml } from '../authoring/new-record.js';
import { checkRecordFile, runRules, KINDS, type RecordKind } from '../records/index.js';
import type { Delivery, KnowledgeBase, Person } from '../records/types.js';
import { closeIds, dueReports, idsForKind } from '../reports/catalog.js';
import type { Diagnostic } from '../shared/errors.js';
import { UserError } from '../shared/errors.js';
import { REPORT_KIND_LABEL } from '../shared/labels.js';
import { checkDateOrDateTime, formatCst } from '../shared/time.js';
import { cstDay, deliveriesOf, DELIVERY_KINDS, type DeliveryKind } from './register.js';
import { currentDigest, type DigestContext } from './report-digest.js';

/** What a person asks to register. */
export interface DeliveryRequest {
  kind: string;
  reportId: string | undefined;
  /** Hospital signer (person id); may be taken from the record's own hand-over field. */
  by?: string;
  /** Date or time (default: the record's own hand-over date, else as-of). */
  at?: string;
  deliveredBy?: string;
  format?: Delivery['format'];
  file?: string;
  note?: string;
}

/** A delivery record ready to write. */
export interface PlannedDelivery {
  id: string;
  /** KB-relative path. */
  path: string;
  data: Delivery;
  text: string;
}

/** The hand-over a record itself states (inspection `report`, period `annual_report`, ticket `written_reply`). */
export function ownHandover(kb: KnowledgeBase, kind: DeliveryKind, id: string): { at: string; signer?: string } | undefined {
  if (kind === 'annual') {
    const a = kb.contract?.service_periods.find((p) => p.id === id)?.annual_report;
    return a ? { at: a.delivered_at, signer: a.acknowledged_by } : undefined;
  }
  if (kind === 'inspection' || kind === 'database-inspection') {
    const r = kb.inspections.find((i) => i.id === id)?.report;
    return r ? { at: r.delivered_at, signer: r.acknowledged_by } : undefined;
  }
  if (kind === 'written-reply') {
    const w = kb.tickets.find((t) => t.id === id)?.written_reply;
    return w ? { at: w.delivered_at } : undefined;
  }
  return undefined;
}

/** The person a free-text signer names (hospital people first), if exactly one does. */
export function personNamed(people: readonly Person[], text: string | undefined): Person | undefined {
  if (!text) return undefined;
  const hits = people.filter((p) => text.includes(p.name) || text.includes(p.id));
  const hospital = hits.filter((p) => p.organisation === 'hospital');
  const pick = hospital.length ? hospital : hits;
  return pick.length === 1 ? pick[0] : undefined;
}

/** The next free delivery id for a report: DLV-<kind>-<id>, then -2, -3 … */
function nextId(kb: KnowledgeBase, kind: DeliveryKind, reportId: string, taken: ReadonlySet<string>): string {
  const base = `DLV-${kind}-${reportId}`;
  const used = (id: string) => kb.byId.has(id) || taken.has(id);
  if (!used(base)) return base;
  for (let n = 2; ; n++) if (!used(`${base}-${n}`)) return `${base}-${n}`;
}

function render(kb: KnowledgeBase, data: Delivery, taken: Set<string>): PlannedDelivery {
  const id = data.id || nextId(kb, data.kind, data.report_id, taken);
  taken.add(id);
  const rel = `records/${KINDS.delivery.folder}/${cstDay(data.delivered_at).slice(0, 4)}/${id}.yaml`;
  const ordered = orderLikeSchema('delivery', { ...data, id } as unknown as Record<string, unknown>) as unknown as Delivery;
  const title = REPORT_KIND_LABEL[data.kind];
  const comment = ` ${title} ${data.report_id} 交付登记（opsbook deliver）。\n input_digest 即报告表头所印“输入记录摘要”；其依据的记录此后若有修改，报告为疑似过期，须重新出具并交付。`;
  return { id, path: rel, data: ordered, text: renderRecordYaml(ordered as unknown as Record<string, unknown>, comment) };
}

/**
 * Plans one delivery record.
 * @throws UserError for an unknown kind, a report the KB does not owe, a bad time or a missing signer
 */
export async function planDelivery(ctx: DigestContext, req: DeliveryRequest): Promise<PlannedDelivery> {
  const { kb, asOf } = ctx;
  if (!(DELIVERY_KINDS as readonly string[]).includes(req.kind)) {
    throw new UserError(`Unexpected report kind \`${req.kind}\`, expected one of ${DELIVERY_KINDS.join(', ')}`);
  }
  const kind = req.kind as DeliveryKind;
  const owed = idsForKind(kb, kind, asOf);
  if (req.reportId === undefined) {
    throw new UserError(`Unexpected missing id for \`deliver ${kind}\`, expected one of: ${owed.slice(0, 8).join(', ')}${owed.length > 8 ? ` … (${owed.length})` : owed.length ? '' : '(none owed as of --as-of)'}`);
  }
  const id = req.reportId;
  if (!owed.includes(id)) {
    const close = closeIds(id, owed);
    throw new UserError(`Unexpected ${kind} id \`${id}\`: the knowledge base owes no such report as of --as-of, expected one of: ${close.length ? close.join(', ') : '(none owed)'}`);
  }
  const own = ownHandover(kb, kind, id);
  const first = deliveriesOf(kb, kind, id).length === 0;
  // the first hand-over is the one the record's own field describes: take its date and signer unless told otherwise
  const at = req.at ?? (first && own ? own.at : formatCst(asOf));
  if (checkDateOrDateTime(at) !== null) throw new UserError(`Unexpected --at \`${at}\`, expected a date (2026-11-30) or a time with offset (2026-11-30T15:00:00+08:00)`);
  const by = req.by ?? (first ? personNamed(kb.people, own?.signer)?.id : undefined);
  if (!by) {
    const hospital = kb.people.filter((p) => p.organisation === 'hospital').map((p) => `${p.id} (${p.name})`);
    throw new UserError(`Unexpected missing --by, expected the person id of the hospital person who signed for the report${hospital.length ? `: ${hospital.slice(0, 6).join(', ')}` : ''}`);
  }
  const data: Delivery = {
    id: '', kind, report_id: id, delivered_at: at, acknowledged_by: by,
    ...(req.deliveredBy ? { delivered_by: req.deliveredBy } : {}),
    input_digest: await currentDigest(ctx, kind, id),
    ...(req.format ? { format: req.format } : {}),
    ...(req.file ? { file: req.file } : {}),
    ...(req.note ? { note: req.note } : {}),
  };
  const taken = new Set<string>();
  for (const f of fs.existsSync(path.join(kb.root, 'records', KINDS.delivery.folder)) ? listDeliveryFiles(kb.root) : []) taken.add(path.posix.basename(f, '.yaml'));
  return render(kb, data, taken);
}

function listDeliveryFiles(root: string): string[] {
  const out: string[] = [];
  const walk = (dir: string) => {
    for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
      if (e.isDirectory()) walk(path.join(dir, e.name));
      else if (e.name.endsWith('.yaml')) out.push(e.name);
    }
  };
  walk(path.join(root, 'records', KINDS.delivery.folder));
  return out;
}

export interface BackfillOptions {
  /** Signer for hand-overs whose record names none (person id). */
  by: string;
  /** Maintenance reports of faults resolved on or before this date (YYYY-MM-DD, CST) count as handed over. */
  until: string;
}

/**
 * Plans the register entries a knowledge base with history already implies:
 * every owed report without a register entry whose record states its
 * hand-over (inspection `report`, period `annual_report`, ticket
 * `written_reply`) — dated and signed as stated — and the 产品维护报告 of
 * every fault resolved on or before `until`, dated on its resolution day
 * (the contract has the report issued once the fault is handled). Reports
 * with no such evidence stay due.
 */
export async function planBackfill(ctx: DigestContext, opts: BackfillOptions): Promise<PlannedDelivery[]> {
  const { kb, asOf } = ctx;
  const taken = new Set<string>(fs.existsSync(path.join(kb.root, 'records', KINDS.delivery.folder)) ? listDeliveryFiles(kb.root).map((f) => path.posix.basename(f, '.yaml')) : []);
  const tickets = new Map(kb.tickets.map((t) => [t.id, t]));
  const out: PlannedDelivery[] = [];
  for (const d of dueReports(kb, asOf)) {
    if (deliveriesOf(kb, d.kind, d.id).length) continue;
    let at: string | undefined;
    let by = opts.by;
    if (d.kind === 'maintenance') {
      const resolved = tickets.get(d.id)?.resolved_at;
      if (resolved && cstDay(resolved) <= opts.until) at = cstDay(resolved);
    } else {
      const own = ownHandover(kb, d.kind, d.id);
      if (own) {
        at = own.at;
        by = personNamed(kb.people, own.signer)?.id ?? opts.by;
      }
    }
    if (!at) continue;
    out.push(render(kb, { id: '', kind: d.kind, report_id: d.id, delivered_at: at, acknowledged_by: by, input_digest: await currentDigest(ctx, d.kind, d.id) }, taken));
  }
  return out;
}

/**
 * Checks planned records as the loader would (schema, then every cross-record
 * rule against the loaded knowledge base), reporting only about them.
 */
export function checkPlanned(kb: KnowledgeBase, planned: readonly PlannedDelivery[]): Diagnostic[] {
  const out: Diagnostic[] = [];
  const mine = new Set<unknown>();
  const records = [...kb.records];
  for (const p of planned) {
    const c = checkRecordFile(p.path, 'delivery', Buffer.from(p.text, 'utf8'));
    out.push(...c.diagnostics);
    if (c.record) {
      records.push(c.record);
      mine.add(c.record);
    }
  }
  const knownIds = new Map<string, { kind: RecordKind; path: string }>();
  for (const r of records) if (!knownIds.has(r.id)) knownIds.set(r.id, { kind: r.kind, path: r.path });
  out.push(...runRules(records, knownIds, (r) => mine.has(r)));
  return out;
}
