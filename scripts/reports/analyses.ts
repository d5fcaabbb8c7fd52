/**
 * The annual report's inputs computed by other domains, as they compute them:
 * SLA clocks and statistics (scripts/sla), the compliance matrix
 * (scripts/compliance) and the Git provenance audit (scripts/git). The report
 * shows their figures; it does not recompute them.
 */
import { evaluateCompliance, type ComplianceResult } from '../compliance/index.js';
import { auditKnowledgeBase, type AuditFinding, type MigratedRecords } from '../git/index.js';
import type { KnowledgeBase } from '../records/index.js';
import { computeSla, type SlaResult } from '../sla/index.js';

/** What the annual report gets from the other domains. */
export interface AnnualAnalyses {
  sla: SlaResult;
  compliance: ComplianceResult;
  /** Provenance findings; absent when the KB has no readable Git history. */
  audit?: AuditFinding[];
  /**
   * The `baseline-import` findings in their compact form (compactFindings), when `audit` leaves them out:
   * the pipeline keeps 142k migrated records this way (a few MB instead of 120 MB of findings at 100k).
   */
  migrated?: MigratedRecords | null;
  /** Why the audit could not run (e.g. not a Git repository), Chinese. */
  auditUnavailable?: string;
}

/**
 * Computes the analyses the annual report of one period needs: SLA clocks
 * (computeSla), the compliance matrix (evaluateCompliance) and the Git
 * provenance audit (auditKnowledgeBase; the report keeps the period's records).
 * @param kb loaded knowledge base
 * @param opts period id, as-of (epoch ms) and KB root
 */
export async function loadAnalyses(kb: KnowledgeBase, opts: { periodId: string; asOf: number; root: string }): Promise<AnnualAnalyses> {
  const sla = computeSla(kb, { periodId: opts.periodId, asOf: opts.asOf });
  const compliance = await evaluateCompliance(kb, { periodId: opts.periodId, asOf: opts.asOf, root: opts.root });
  const audit = await auditKnowledgeBase(opts.root);
  return audit.available
    ? { sla, compliance, audit: audit.findings }
    : { sla, compliance, auditUnavailable: '知识库目录不是 Git 仓库（或无法读取 Git 历史），无法核对记录的登记时间与修改情况。' };
}
