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
  engines.deliveries = async (kb, asOf) => {
    const status = await delivery.deliveryStatus({ kb, asOf, provenance: delivery.lazyProvenance(kb) });
    const messages = new Map(delivery.suspectReports(status).map((s) => [`${s.kind}\0${s.id}`, s.message]));
    const names = new Map(kb.people.map((p) => [p.id, p.name]));
    return status.map((r) => ({
      title: r.title, id: r.id, period: r.period, state: r.state, deliveries: r.deliveries,
      deliveredAt: r.delivery?.deliveredAt, signer: r.delivery ? names.get(r.delivery.acknowledgedBy) ?? r.delivery.acknowledgedBy : undefined,
      message: messages.get(`${r.kind}\0${r.id}`),
    }));
  };
  return engines;
}
