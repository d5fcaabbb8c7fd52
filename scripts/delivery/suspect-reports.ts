/**
 * Suspect reports: handed over to the hospital, but the records they rest
 * on have changed since (the digest printed on the delivered copy differs
 * from the one the records give now), or the knowledge base no longer owes
 * them. Listed by `compliance`, the PR summary, the site and `build`.
 */
import type { KnowledgeBase } from '../records/types.js';
import { deliveryStatus, type ReportDelivery } from './delivery-status.js';
import { lazyProvenance, reportInputs, type DigestContext } from './report-digest.js';

/** One suspect report (the JSON shape of `compliance --json`'s `suspectReports`). */
export interface SuspectReport {
  kind: ReportDelivery['kind'];
  id: string;
  title: string;
  period: string | null;
  reason: 'inputs-changed' | 'not-owed';
  /** The delivery record of the copy the hospital holds. */
  delivery: string;
  deliveredAt: string;
  acknowledgedBy: string;
  /** Digest printed on the delivered copy. */
  deliveredDigest: string;
  /** Digest the records give now (absent when the report is no longer owed). */
  currentDigest: string | null;
  /** Chinese one-liner for text output, the site and the PR summary. */
  message: string;
}

/** The suspect entries of a delivery status list, as reported to users. */
export function suspectReports(status: readonly ReportDelivery[]): SuspectReport[] {
  return status.filter((r) => r.state === 'suspect' && r.delivery).map((r) => {
    const d = r.delivery!;
    const message = r.reason === 'not-owed'
      ? `${r.title} ${r.id} 已于 ${d.deliveredAt} 交付（${d.id}），但知识库已不再需要这份报告（记录已更改），请与院方核对并收回或更正`
      : `${r.title} ${r.id} 已于 ${d.deliveredAt} 交付（${d.id}），此后其依据的记录有修改（输入记录摘要 ${d.digest.slice(7, 19)}… → ${r.digest!.slice(7, 19)}…），须重新出具并交付`;
    return {
      kind: r.kind, id: r.id, title: r.title, period: r.period, reason: r.reason ?? 'inputs-changed',
      delivery: d.id, deliveredAt: d.deliveredAt, acknowledgedBy: d.acknowledgedBy,
      deliveredDigest: d.digest, currentDigest: r.digest ?? null, message,
    };
  });
}

export interface FindSuspectsOptions {
  asOf: number;
  /** Only reports of these periods (default: all). */
  periods?: readonly string[];
  /** Given analyses for annual reports (else computed for their inputs). */
  analyses?: DigestContext['analyses'];
  onProgress?: (done: number, total: number) => void;
}

/**
 * Finds the suspect reports of a loaded knowledge base.
 * @returns suspect reports, plus the input paths of each (to tell which change made it suspect)
 */
export async function findSuspectReports(kb: KnowledgeBase, opts: FindSuspectsOptions): Promise<{ suspects: SuspectReport[]; inputs: Map<string, string[]> }> {
  const ctx: DigestContext = { kb, asOf: opts.asOf, provenance: lazyProvenance(kb), analyses: opts.analyses };
  const status = await deliveryStatus(ctx, { periods: opts.periods, onProgress: opts.onProgress });
  const suspects = suspectReports(status);
  const inputs = new Map<string, string[]>();
  for (const s of suspects) {
    if (s.reason === 'inputs-changed') inputs.set(`${s.kind}\0${s.id}`, await reportInputs(ctx, s.kind, s.id));
  }
  return { suspects, inputs };
}

/** Text lines for terminals (compliance, build): a heading and one line per suspect report. */
export function formatSuspectText(suspects: readonly SuspectReport[]): string {
  if (suspects.length === 0) return '';
  return [`疑似过期的已交付报告（${suspects.length} 份，须重新出具并交付）`, ...suspects.map((s) => `  ! ${s.message}`)].join('\n');
}
