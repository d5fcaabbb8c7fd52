/**
 * L-1 — service request levels: each ticket's response against its level's
 * target (5 min / 5 min / 1 h / 2 h; see sla/README.md for level changes),
 * the channel allowed for the level (1 and A by phone only), and the
 * notifications the level requires (`notify` vs `notified[].to`; missing is
 * pending while the ticket is open, breached once it is closed).
 */
import { label, NOTIFY_LABEL } from '../../shared/labels.js';
import { channelText, fieldText, isoDurationText, levelText } from '../finding-text.js';
import { combineStatus, countSummary } from '../item-status.js';
import type { ClauseStatus, ComplianceContext, ClauseResult, Finding } from '../types.js';
import { clockMessage } from './ticket-clock-findings.js';

const notifyText = (m: string) => (Object.hasOwn(NOTIFY_LABEL, m) ? fieldText(label(NOTIFY_LABEL, m), m) : m);

export function severityLevels(ctx: ComplianceContext): ClauseResult {
  const items: ClauseStatus[] = [];
  const findings: Finding[] = [];
  for (const { ticket: t, clocks: c } of ctx.tickets) {
    items.push(c.response.status, c.channelCheck.status, c.notifications.status);
    if (c.response.status === 'breached') {
      const level = c.severity.responseLevel;
      findings.push({ record: t.id, message: clockMessage(fieldText('响应时间', 'responded_at'), fieldText('报告时间', 'reported_at'), c.response, `${levelText(level)} ${isoDurationText(ctx.policy.severities[level].response)}的响应时限`) });
    }
    if (c.channelCheck.status === 'breached') {
      findings.push({ record: t.id, message: `${levelText(c.channelCheck.level)}服务请求只能通过${c.channelCheck.allowed.map(channelText).join('或')}提交，实际提交方式（channel）为${channelText(t.channel)}` });
    }
    if (c.notifications.status === 'breached') {
      findings.push({ record: t.id, message: `${levelText(c.notifications.level)}服务请求须通知${c.notifications.missing.map(notifyText).join('、')}，通知记录（notified）中未见相应通知` });
    }
  }
  const resp = ctx.tickets.map((j) => j.clocks.response.status);
  return {
    status: combineStatus(items),
    evidence: ctx.tickets.map((j) => j.ticket.id),
    findings,
    summary: `工单 ${ctx.tickets.length} 张，按级别响应：${countSummary(resp)}；渠道违规 ${ctx.tickets.filter((j) => j.clocks.channelCheck.status === 'breached').length} 张，缺通知 ${ctx.tickets.filter((j) => j.clocks.notifications.status === 'breached').length} 张`,
  };
}
