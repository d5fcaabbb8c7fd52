/**
 * M-1 — defects resolved, releases delivered. Each defect ticket of the
 * period must be closed: an open defect is pending while the period runs and
 * breached once it has ended. No defect and no release → manual (someone
 * attests that the software ran normally).
 */
import { cstTimeText, dueText } from '../finding-text.js';
import { combineStatus, countSummary } from '../item-status.js';
import type { ClauseStatus, ComplianceContext, ClauseResult, Finding } from '../types.js';

export function defectsFixed(ctx: ComplianceContext): ClauseResult {
  const defects = ctx.tickets.filter((j) => j.ticket.category === 'defect');
  const releases = ctx.kb.releases.filter((r) => ctx.inPeriod(r.released_at));
  const ended = ctx.asOf >= ctx.period.endMs;
  const items: ClauseStatus[] = [];
  const findings: Finding[] = [];
  for (const { ticket: t } of defects) {
    if (t.resolved_at) {
      items.push('met');
      continue;
    }
    items.push(ended ? 'breached' : 'pending');
    findings.push({
      record: t.id,
      message: `缺陷于 ${cstTimeText(t.reported_at)} 报告（reported_at），尚未解决（resolved_at），${dueText(ctx, ended ? 'breached' : 'pending', ctx.period.end, `服务期 ${ctx.period.id} 结束`)}`,
    });
  }
  const evidence = [...defects.map((j) => j.ticket.id), ...releases.map((r) => r.id)];
  if (defects.length === 0 && releases.length === 0) {
    return { status: 'manual', evidence, findings, summary: '本服务期无缺陷工单与软件发布，需人工确认软件正常运行' };
  }
  return {
    status: combineStatus(items, 'met'),
    evidence,
    findings,
    summary: `缺陷工单 ${defects.length} 张（${countSummary(items)}），软件发布 ${releases.length} 次`,
  };
}
