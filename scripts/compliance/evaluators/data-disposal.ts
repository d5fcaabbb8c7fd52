/**
 * SEC-2 — hospital data returned or destroyed at contract end: pending
 * until the last service period has ended; then a disposal record dated on
 * or after the last period's end is met; without one the clause is due
 * `sla.disposal_working_days` working days after the end (the contract names
 * no period; default 10, the finding cites it).
 */
import { dueText, unnamedDeadlineRule } from '../finding-text.js';
import type { ComplianceContext, ClauseResult } from '../types.js';

export function dataDisposal(ctx: ComplianceContext): ClauseResult {
  const last = ctx.periods.reduce((a, b) => (b.endMs > a.endMs ? b : a));
  const disposals = ctx.kb.disposals.filter((d) => d.date >= last.end && d.date <= ctx.asOfDate);
  if (ctx.asOf < last.endMs) {
    return { status: 'pending', evidence: [], findings: [], summary: `合同期至 ${last.end}，期满后返还或销毁院方数据` };
  }
  if (disposals.length) return { status: 'met', evidence: disposals.map((d) => d.id), findings: [], summary: `数据${disposals.map((d) => (d.method === 'return' ? '返还' : '销毁')).join('、')}记录 ${disposals.length} 份` };
  const due = ctx.dueAfter(last.end, ctx.grace.disposal.workingDays);
  const status = ctx.judgeDue(due, undefined);
  return {
    status,
    evidence: [],
    findings: status === 'pending' ? [] : [{
      record: ctx.contract.id,
      message: `合同已于 ${last.end} 期满，尚无数据返还或销毁记录（records/disposals/），${dueText(ctx, status, due, unnamedDeadlineRule('合同期满', last.end, ctx.grace.disposal))}`,
    }],
    summary: `合同已于 ${last.end} 期满，尚无数据返还或销毁记录`,
  };
}
