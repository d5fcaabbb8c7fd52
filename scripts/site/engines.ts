/**
 * The other domains the generated pages draw on (SLA, compliance, hand-over
 * outline), behind one small interface so the pages do not depend on those
 * modules' internals and tests can pass their own.
 */
import type { KnowledgeBase } from '../records/index.js';
import type { MatrixView } from './pages/compliance.js';
import type { HandoverOutline } from '../secrets/index.js';
import type { StaleCredentialView } from './pages/handover.js';
import type { DashboardSla } from './pages/sla-dashboard.js';
import type { DeliveryRow } from './pages/deliveries.js';
import type { ReportDelivery } from '../delivery/index.js';

export interface Engines {
  /** SLA result of a period (SPEC §7 `sla --json`); a test may leave it out to see the pages without SLA data. */
  sla?: (kb: KnowledgeBase, periodId: string, asOf: number) => Promise<DashboardSla>;
  /** Compliance matrix of a period (SPEC §7 `compliance --json`). */
  compliance?: (kb: KnowledgeBase, root: string, periodId: string, asOf: number) => Promise<MatrixView>;
  /** Chinese titles of the clauses, by id. */
  clauseTitles?: Record<string, string>;
  /** Outline of an encrypted hand-over manifest, read without a key (secrets' `readHandoverOutline`). */
  handoverOutline: (absPath: string) => Promise<HandoverOutline>;
  /** HO-1's rotation rule (compliance's `staleCredentials`); without it the hand-over page says the check did not run. */
  staleCredentials?: (outlines: readonly HandoverOutline[], people: KnowledgeBase['people'], asOfDate: string) => StaleCredentialView[];
  /** Every owed report against the delivery register (scripts/delivery); absent = no delivery page data. */
  deliveries?: (kb: KnowledgeBase, asOf: number) => Promise<DeliveryRow[]>;
}

/** Loads the real engines (the SLA, compliance and secrets domains). */
export async function loadEngines(): Promise<Engines> {
  const secrets = await import('../secrets/handover-outline.js');
  const rotation = await import('../compliance/evaluators/handover.js');
  const engines: Engines = { handoverOutline: (abs) => secrets.readHandoverOutline(abs), staleCredentials: rotation.staleCredentials };
  const sla = await import('../sla/index.js');
  const compliance = await import('../compliance/index.js');
  engines.sla = async (kb, periodId, asOf) => sla.computeSla(kb, { periodId, asOf });
  engines.compliance = (kb, root, periodId, asOf) => compliance.evaluateCompliance(kb, { periodId, asOf, root });
  engines.clauseTitles = Object.fromEntries(compliance.CATALOGUE.map((c) => [c.id, c.title]));
  const delivery = await import('../delivery/index.js');
  engines.deliveries = async (kb, asOf) => deliveryRows(kb, await delivery.deliveryStatus({ kb, asOf, provenance: delivery.lazyProvenance(kb) }), delivery.suspectReports);
  return engines;
}

/** The delivery page's rows from the delivery status (scripts/delivery): signer names from the people records, suspect messages. */
function deliveryRows(kb: KnowledgeBase, status: readonly ReportDelivery[], suspects: typeof import('../delivery/index.js').suspectReports): DeliveryRow[] {
  const messages = new Map(suspects(status).map((s) => [`${s.kind}\0${s.id}`, s.message]));
  const names = new Map(kb.people.map((p) => [p.id, p.name]));
  return status.map((r) => ({
    title: r.title, id: r.id, period: r.period, state: r.state, deliveries: r.deliveries,
    deliveredAt: r.delivery?.deliveredAt, signer: r.delivery ? names.get(r.delivery.acknowledgedBy) ?? r.delivery.acknowledgedBy : undefined,
    message: messages.get(`${r.kind}\0${r.id}`),
  }));
}

/** Results a caller has already computed on one load of the KB (the build's pipeline, scripts/pipeline). */
export interface ComputedResults {
  kb: KnowledgeBase;
  asOf: number;
  /** SLA and compliance of the periods computed (e.g. every period started by as-of). */
  periods: readonly { id: string; sla: DashboardSla; compliance: MatrixView }[];
  /** The delivery status of every owed report, unfiltered by period (as the site's page lists them); absent = not computed. */
  deliveries?: readonly ReportDelivery[];
}

/**
 * Engines that answer from results already computed (the same KB object and
 * as-of), so the site step of `opsbook build` does not compute SLA,
 * compliance or the delivery digests a second time; anything not computed
 * (another period, another as-of) falls back to `base`.
 */
export async function reuseResults(base: Engines, done: ComputedResults): Promise<Engines> {
  const same = (kb: KnowledgeBase, asOf: number) => kb === done.kb && asOf === done.asOf;
  const period = (id: string) => done.periods.find((p) => p.id === id);
  const { suspectReports } = await import('../delivery/suspect-reports.js');
  const engines: Engines = { ...base };
  const { sla, compliance, deliveries } = base;
  if (sla) engines.sla = async (kb, id, asOf) => (same(kb, asOf) ? period(id)?.sla : undefined) ?? sla(kb, id, asOf);
  if (compliance) engines.compliance = async (kb, root, id, asOf) => (same(kb, asOf) ? period(id)?.compliance : undefined) ?? compliance(kb, root, id, asOf);
  if (deliveries) engines.deliveries = async (kb, asOf) => (same(kb, asOf) && done.deliveries ? deliveryRows(kb, done.deliveries, suspectReports) : deliveries(kb, asOf));
  return engines;
}
