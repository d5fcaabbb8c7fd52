/**
 * The other domains the generated pages draw on (SLA, compliance, hand-over
 * outline), behind one small interface so the pages do not depend on those
 * modules' internals and tests can pass their own.
 */
import path from 'node:path';
import type { KnowledgeBase } from '../records/index.js';
import type { ComplianceResult } from './pages/compliance.js';
import type { HandoverSummary } from './pages/handover.js';
import type { SlaResult } from './pages/sla-dashboard.js';

export interface Engines {
  /** SLA result of a period (SPEC §7 `sla --json`), or undefined when no SLA engine exists. */
  sla?: (kb: KnowledgeBase, periodId: string, asOf: number) => Promise<SlaResult>;
  /** Compliance matrix of a period (SPEC §7 `compliance --json`). */
  compliance?: (kb: KnowledgeBase, root: string, periodId: string, asOf: number) => Promise<ComplianceResult>;
  /** Chinese titles of the clauses, by id. */
  clauseTitles?: Record<string, string>;
  /** Outline of an encrypted hand-over manifest, read without a key. */
  handoverOutline: (absPath: string, relPath: string) => Promise<HandoverSummary>;
}

/** Imports a module of this tool if it exists (a domain not written yet is not an error). */
async function optionalImport<T>(spec: string): Promise<T | null> {
  try {
    return (await import(spec)) as T;
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    if (code === 'ERR_MODULE_NOT_FOUND' && String((err as Error).message).includes(path.basename(path.dirname(spec)))) return null;
    throw err;
  }
}

/** Loads the engines available in this tool. */
export async function loadEngines(): Promise<Engines> {
  const secrets = await import('../secrets/handover-outline.js');
  const engines: Engines = {
    handoverOutline: async (abs, rel) => {
      const o = await secrets.readHandoverOutline(abs);
      return {
        path: rel,
        system: o.system,
        updatedAt: o.updatedAt,
        lastmodified: o.lastmodified,
        recipients: o.recipients.length,
        allEncrypted: o.allEncrypted,
        databases: o.databases.map((d) => ({ name: d.name, engine: d.engine, accounts: d.accounts.map((a) => ({ role: a.role, rotatedAt: a.rotatedAt })) })),
        adminAccounts: o.adminAccounts.map((a) => ({ application: a.application, role: a.role, rotatedAt: a.rotatedAt })),
        servers: o.servers.map((s) => ({ role: s.role, os: s.os, rotatedAt: s.rotatedAt })),
      };
    },
  };
  const sla = await optionalImport<typeof import('../sla/index.js')>('../sla/index.js');
  if (sla) engines.sla = async (kb, periodId, asOf) => sla.computeSla(kb, { periodId, asOf });
  const compliance = await optionalImport<typeof import('../compliance/index.js')>('../compliance/index.js');
  if (compliance) {
    engines.compliance = (kb, root, periodId, asOf) => compliance.evaluateCompliance(kb, { periodId, asOf, root });
    engines.clauseTitles = Object.fromEntries(compliance.CATALOGUE.map((c) => [c.id, c.title]));
  }
  return engines;
}
