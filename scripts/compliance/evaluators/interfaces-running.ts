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
    return { status: 'manual', evidence: tickets.map((j) => j.ticket.id), findings: [{ record: ctx.contract.id, message: 'no 接口登记 interface records (records/interfaces/)' }], summary: '接口登记为空，需人工确认' };
  }
  const items: ClauseStatus[] = [];
  const findings: Finding[] = [];
  for (const { ticket: t } of tickets) {
    if (!t.resolved_at) items.push('pending');
    else if (t.outcome === 'unresolvable') {
      items.push('breached');
      findings.push({ record: t.id, message: `interface ${t.interface ?? ''} ticket closed as unresolvable (无法解决)` });
    } else items.push('met');
  }
  for (const i of register.filter((x) => x.status === 'degraded')) {
    items.push('pending');
    findings.push({ record: i.id, message: `interface ${i.id} is 运行不畅 (status: degraded)` });
  }
  if (items.length === 0) items.push('met');
  return {
    status: combineStatus(items),
    evidence: [...register.map((i) => i.id), ...tickets.map((j) => j.ticket.id)],
    findings,
    summary: `接口登记 ${register.length} 个（运行中 ${register.filter((i) => i.status === 'active').length}），接口工单 ${tickets.length} 张（${countSummary(items)}）`,
  };
}
