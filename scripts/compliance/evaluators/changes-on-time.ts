/**
 * M-2 — requested changes (UI, fields, display, reports, templates)
 * delivered by the agreed date. A change belongs to the period by its
 * 约定完成日期 agreed_date (else its 交付时间 delivered_at); changes not yet
 * agreed are listed as evidence only; cancelled ones are left out.
 */
import type { Change } from '../../records/types.js';
import { parseInstant } from '../../shared/time.js';
import { happenedBy } from '../../sla/index.js';
import { dueText, fieldText, lateText } from '../finding-text.js';
import { combineStatus, countSummary } from '../item-status.js';
import type { ClauseStatus, ComplianceContext, ClauseResult, Finding } from '../types.js';

/** Judges change records of one source against their agreed dates (shared by M-2 and S-6). */
export function judgeChanges(ctx: ComplianceContext, changes: readonly Change[]): { items: ClauseStatus[]; findings: Finding[]; evidence: string[] } {
  const items: ClauseStatus[] = [];
  const findings: Finding[] = [];
  const evidence: string[] = [];
  for (const c of changes) {
    if (c.status === 'cancelled') continue;
    // Belongs to the period by its agreed date (even one still ahead of as-of), else by delivery or request.
    const anchor = c.agreed_date ?? c.delivered_at ?? c.requested_at;
    const t = parseInstant(anchor);
    if (t < ctx.period.startMs || t >= ctx.period.endMs || !happenedBy(c.requested_at, ctx.asOf)) continue;
    evidence.push(c.id);
    if (!c.agreed_date) {
      items.push(c.delivered_at && ctx.inPeriod(c.delivered_at) ? 'met' : 'pending');
      continue;
    }
    const s = ctx.judgeDue(c.agreed_date, c.delivered_at);
    items.push(s);
    const rule = '双方约定的完成日期 agreed_date';
    if (s === 'breached' && c.delivered_at && happenedBy(c.delivered_at, ctx.asOf)) {
      findings.push({ record: c.id, message: lateText(fieldText('交付时间', 'delivered_at'), c.delivered_at, c.agreed_date, rule) });
    } else if (s === 'breached' || s === 'at-risk') {
      findings.push({ record: c.id, message: `尚未交付（delivered_at），${dueText(ctx, s, c.agreed_date, rule)}` });
    }
  }
  return { items, findings, evidence };
}

export function changesOnTime(ctx: ComplianceContext): ClauseResult {
  const { items, findings, evidence } = judgeChanges(ctx, ctx.kb.changes.filter((c) => c.source === 'request'));
  return {
    status: combineStatus(items),
    evidence,
    findings,
    summary: evidence.length ? `需求变更 ${evidence.length} 项（${countSummary(items)}）` : '本服务期无约定的需求变更',
  };
}
