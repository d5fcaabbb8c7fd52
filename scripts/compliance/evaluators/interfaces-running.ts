/**
 * I-1 — interfaces kept running: the interface register exists; interface
 * tickets of the period are closed (open → pending, unresolvable →
 * breached); a register entry marked 运行不畅 (status degraded) is pending
 * remediation (its solution is judged under I-2).
 */
import { combineStatus, countSummary } from '../item-status.js';
import type { ClauseStatus, ComplianceContext, ClauseResult, Finding } from '../types.js';

export function interfacesRunning(ctx: ComplianceContext): ClauseResult {
  const register = ctx.kb.interfaces;
  const tickets = ctx.tickets.filter((j) => j.ticket.category === 'interface');
  if (register.length === 0) {
    return { status: 'manual', evidence: tickets.map((j) => j.ticket.id), findings: [{ record: ctx.contract.id, message: '尚无接口登记记录（records/interfaces/），无法确认接口运行情况' }], summary: '接口登记为空，需人工确认' };
  }
  const items: ClauseStatus[] = [];
  const findings: Finding[] = [];
  for (const { ticket: t } of tickets) {
    if (!t.resolved_at) items.push('pending');
    else if (t.outcome === 'unresolvable') {
      items.push('breached');
      findings.push({ record: t.id, message: `接口${t.interface ? ` ${t.interface} ` : ''}的工单以无法解决（outcome: unresolvable）关闭` });
    } else items.push('met');
  }
  for (const i of register.filter((x) => x.status === 'degraded')) {
    items.push('pending');
    findings.push({ record: i.id, message: '接口状态为运行不畅（status: degraded），尚待恢复稳定运行（解决方案见条款 I-2）' });
  }
  if (items.length === 0) items.push('met');
  return {
    status: combineStatus(items),
    evidence: [...register.map((i) => i.id), ...tickets.map((j) => j.ticket.id)],
    findings,
    summary: `接口登记 ${register.length} 个（运行中 ${register.filter((i) => i.status === 'active').length}），接口工单 ${tickets.length} 张（${countSummary(items)}）`,
  };
}
