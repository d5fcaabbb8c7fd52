/**
 * Where every report the knowledge base owes stands against the register:
 * **due** (never handed over), **delivered** (handed over, its inputs
 * unchanged since) or **suspect** (handed over, but the records it rests on
 * have changed since: the hospital holds a report that no longer matches
 * them, so it is rendered again for re-delivery).
 */
import type { KnowledgeBase } from '../records/types.js';
import { dueReports } from '../reports/catalog.js';
import { listPeriods, inPeriod, type ResolvedPeriod } from '../sla/resolve-period.js';
import { REPORT_KIND_LABEL } from '../shared/labels.js';
import { UserError } from '../shared/errors.js';
import { currentDigest, type DigestContext } from './report-digest.js';
import { allDeliveries, deliveriesOf, reportKey, type DeliveryKind, type RegisteredDelivery } from './register.js';

export type DeliveryState = 'due' | 'delivered' | 'suspect';

/** One report and its hand-over. */
export interface ReportDelivery {
  kind: DeliveryKind;
  /** Record or service-period id. */
  id: string;
  /** Chinese title of the kind. */
  title: string;
  /** Service period the report belongs to (annual: its own; tickets: reported_at; inspections: finished_at), or null. */
  period: string | null;
  state: DeliveryState;
  /** Why a report is suspect: its inputs changed, or the KB no longer owes it (e.g. the ticket was re-classified). */
  reason?: 'inputs-changed' | 'not-owed';
  /** The last hand-over by as-of. */
  delivery?: { id: string; path: string; deliveredAt: string; acknowledgedBy: string; digest: string };
  /** The digest the report would print now (delivered and suspect reports). */
  digest?: string;
  /** Number of hand-overs by as-of. */
  deliveries: number;
}

export interface DeliveryStatusOptions {
  /** Only reports of these service periods (default: all). */
  periods?: readonly string[];
  /** Called every few reports while digests are computed (done, total). */
  onProgress?: (done: number, total: number) => void;
}

/** The period a report belongs to. */
function periodOf(periods: readonly ResolvedPeriod[], kind: DeliveryKind, id: string, byId: ReadonlyMap<string, { reported_at?: string; finished_at?: string }>): string | null {
  if (kind === 'annual') return id;
  const rec = byId.get(id);
  const at = kind === 'maintenance' || kind === 'written-reply' ? rec?.reported_at : rec?.finished_at;
  return periods.find((p) => inPeriod(p, at))?.id ?? null;
}

/**
 * Judges every owed report (and every delivered one the KB no longer owes).
 * @param ctx knowledge base, as-of, provenance, analyses for annual reports
 * @returns reports in the catalogue's order (annual first), then hand-overs of reports no longer owed
 */
export async function deliveryStatus(ctx: DigestContext, opts: DeliveryStatusOptions = {}): Promise<ReportDelivery[]> {
  const { kb, asOf } = ctx;
  const periods = kb.contract ? listPeriods(kb.contract) : [];
  if (opts.periods) {
    for (const id of opts.periods) if (!periods.some((p) => p.id === id)) throw new UserError(`Unexpected --period \`${id}\`, expected one of ${periods.map((p) => `\`${p.id}\``).join(', ')}`);
  }
  const byId = new Map<string, { reported_at?: string; finished_at?: string }>([...kb.tickets, ...kb.inspections].map((r) => [r.id, r]));
  const wanted = (kind: DeliveryKind, id: string) => {
    const period = periodOf(periods, kind, id, byId);
    return { period, keep: !opts.periods || (period !== null && opts.periods.includes(period)) };
  };

  const owed = new Set<string>();
  const out: ReportDelivery[] = [];
  for (const d of dueReports(kb, asOf)) {
    owed.add(reportKey(d.kind, d.id));
    const { period, keep } = wanted(d.kind, d.id);
    if (!keep) continue;
    const made = deliveriesOf(kb, d.kind, d.id, asOf);
    const last = made[made.length - 1];
    out.push({ kind: d.kind, id: d.id, title: d.title, period, state: 'due', deliveries: made.length, ...(last ? { delivery: summary(last) } : {}) });
  }
  // hand-overs of reports the KB no longer owes (re-classified ticket, deleted inspection …); a report owed
  // only after as-of (resolved later that day) is not one of them
  const orphans = new Map<string, RegisteredDelivery>();
  let owedEver: Set<string> | undefined;
  for (const d of allDeliveries(kb)) {
    const key = reportKey(d.record.kind, d.record.report_id);
    if (d.at > asOf || owed.has(key)) continue;
    owedEver ??= new Set(dueReports(kb, Number.MAX_SAFE_INTEGER).map((x) => reportKey(x.kind, x.id)));
    if (owedEver.has(key)) continue;
    const prev = orphans.get(key);
    if (!prev || d.at >= prev.at) orphans.set(key, d);
  }
  for (const d of orphans.values()) {
    const { period, keep } = wanted(d.record.kind, d.record.report_id);
    if (!keep) continue;
    out.push({ kind: d.record.kind, id: d.record.report_id, title: REPORT_KIND_LABEL[d.record.kind], period, state: 'suspect', reason: 'not-owed', delivery: summary(d), deliveries: 1 });
  }

  const toCheck = out.filter((r) => r.delivery && r.reason === undefined);
  let done = 0;
  for (const r of toCheck) {
    r.digest = await currentDigest(ctx, r.kind, r.id);
    r.state = r.digest === r.delivery!.digest ? 'delivered' : 'suspect';
    if (r.state === 'suspect') r.reason = 'inputs-changed';
    if (++done % 500 === 0) opts.onProgress?.(done, toCheck.length);
  }
  opts.onProgress?.(toCheck.length, toCheck.length);
  return out;
}

function summary(d: RegisteredDelivery): NonNullable<ReportDelivery['delivery']> {
  return { id: d.record.id, path: d.path, deliveredAt: d.record.delivered_at, acknowledgedBy: d.record.acknowledged_by, digest: d.record.input_digest };
}

/** Counts per state. */
export function countStates(reports: readonly ReportDelivery[]): Record<DeliveryState, number> {
  const c: Record<DeliveryState, number> = { due: 0, delivered: 0, suspect: 0 };
  for (const r of reports) c[r.state]++;
  return c;
}

/** The reports to render: due and suspect ones that the KB still owes. */
export function reportsToRender(reports: readonly ReportDelivery[]): ReportDelivery[] {
  return reports.filter((r) => r.state === 'due' || (r.state === 'suspect' && r.reason === 'inputs-changed'));
}
