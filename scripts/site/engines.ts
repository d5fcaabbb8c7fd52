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
  return engines;
}
