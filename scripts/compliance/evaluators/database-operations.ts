/**
 * D-2 — problem-log review, recovery, adjustment and migration support:
 * met when the period has db_operation records; manual when it has none
 * (nothing may have been asked). A failed operation is listed as a finding
 * and leaves the clause to a person (manual).
 */
import { codesOf, DB_OP_LABEL, label } from '../../shared/labels.js';
import type { ComplianceContext, ClauseResult, Finding } from '../types.js';

export function databaseOperations(ctx: ComplianceContext): ClauseResult {
  const ops = ctx.kb.dbOperations.filter((o) => ctx.inPeriod(o.started_at));
  const dbTickets = ctx.tickets.filter((j) => j.ticket.category === 'database').map((j) => j.ticket.id);
  const findings: Finding[] = ops.filter((o) => o.outcome === 'failed').map((o) => ({ record: o.id, message: `${label(DB_OP_LABEL, o.type)}操作结果为失败（outcome: failed），需人工确认后续处理` }));
  const byType = codesOf(DB_OP_LABEL).map((k) => `${DB_OP_LABEL[k]} ${ops.filter((o) => o.type === k).length}`).join('、');
  if (ops.length === 0) return { status: 'manual', evidence: dbTickets, findings, summary: `本服务期无数据库运维操作记录（数据库类工单 ${dbTickets.length} 张），需人工确认` };
  return { status: findings.length ? 'manual' : 'met', evidence: [...ops.map((o) => o.id), ...dbTickets], findings, summary: `数据库运维操作 ${ops.length} 次：${byType}` };
}
