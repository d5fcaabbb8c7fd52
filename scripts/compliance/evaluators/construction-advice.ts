/**
 * S-7 — system construction recommendations (不定期): met when the period
 * has recommendation records (they are listed in the annual report), else
 * manual.
 */
import type { ComplianceContext, ClauseResult } from '../types.js';

export function constructionAdvice(ctx: ComplianceContext): ClauseResult {
  const recs = ctx.kb.recommendations.filter((r) => ctx.inPeriod(r.date));
  return recs.length
    ? { status: 'met', evidence: recs.map((r) => r.id), findings: [], summary: `系统建设建议 ${recs.length} 项` }
    : { status: 'manual', evidence: [], findings: [], summary: '本服务期尚无系统建设建议记录，需人工确认' };
}
