/**
 * S-6 — policy-driven form changes (`source: policy`, citing the
 * regulation) delivered by their agreed date; without an agreed date a
 * delivered change is met and an undelivered one pending.
 */
import { combineStatus, countSummary } from '../item-status.js';
import type { ComplianceContext, ClauseResult } from '../types.js';
import { judgeChanges } from './changes-on-time.js';

export function policyChanges(ctx: ComplianceContext): ClauseResult {
  const { items, findings, evidence } = judgeChanges(ctx, ctx.kb.changes.filter((c) => c.source === 'policy'));
  return {
    status: combineStatus(items),
    evidence,
    findings,
    summary: evidence.length ? `政策性变更 ${evidence.length} 项（${countSummary(items)}）` : '本服务期无政策性表单变更',
  };
}
