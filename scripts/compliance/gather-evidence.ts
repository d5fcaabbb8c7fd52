/**
 * Evidence from outside records/: the manuals (site/check-manuals), the
 * privacy and secret guard, and the outlines of the encrypted hand-over
 * manifests (readable without a key). Each part is loaded lazily; a part that
 * fails is `null` and a warning says why (its clauses then fall back to
 * `manual`), so one broken tool never hides the rest of the matrix.
 */
import path from 'node:path';
import type { KnowledgeBase } from '../records/types.js';
import type { ComplianceEvidence, HandoverEvidence } from './types.js';

/**
 * Gathers the evidence.
 * @param kb the loaded knowledge base (its records feed the manual check)
 * @param root KB root (docs/, records/handover/)
 * @param warn collects warnings
 * @param given parts already known (tests, callers that computed them); missing parts are gathered
 */
export async function gatherEvidence(kb: KnowledgeBase, root: string, warn: (m: string) => void, given: Partial<ComplianceEvidence> = {}): Promise<ComplianceEvidence> {
  const fail = (what: string, err: unknown) => {
    warn(`${what} could not be gathered (${(err as Error)?.message ?? String(err)}); the clauses that need it are shown as manual`);
    return null;
  };

  let manuals = given.manuals;
  if (manuals === undefined) {
    try {
      const { checkManuals } = await import('../site/check-manuals.js');
      manuals = await checkManuals(root, {
        releases: kb.releases.map((r) => ({ id: r.id, system: r.system, version: r.version, path: kb.byId.get(r.id)?.path ?? '' })),
        dataDictionaries: kb.dataDictionaries.map((d) => ({ system: d.system, path: kb.byId.get(d.id)?.path ?? '' })),
        systems: Object.keys(kb.contract?.systems ?? {}),
      });
    } catch (err) {
      manuals = fail('Manual check (docs/)', err);
    }
  }

  let guard = given.guard;
  if (guard === undefined) {
    try {
      const { scanKnowledgeBase } = await import('../guard/index.js');
      guard = await scanKnowledgeBase(root);
    } catch (err) {
      guard = fail('Privacy and secret guard', err);
    }
  }

  let handover = given.handover;
  if (handover === undefined) {
    try {
      const { readHandoverOutline } = await import('../secrets/index.js');
      const out: HandoverEvidence[] = [];
      for (const rel of kb.handoverFiles) {
        try {
          out.push(await readHandoverOutline(path.join(root, rel)));
        } catch (err) {
          out.push({ file: rel, error: (err as Error).message });
        }
      }
      handover = out.map((h) => ({ ...h, file: path.isAbsolute(h.file) ? path.relative(root, h.file).split(path.sep).join('/') : h.file }));
    } catch (err) {
      handover = fail('Hand-over manifest outline', err);
    }
  }
  return { manuals, guard, handover };
}
