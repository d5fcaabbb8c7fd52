/**
 * L-1 — service request levels: each ticket's response against its level's
 * target (5 min / 5 min / 1 h / 2 h; see sla/README.md for level changes),
 * the channel allowed for the level (1 and A by phone only), and the
 * notifications the level requires (`notify` vs `notified[].to`; missing is
 * pending while the ticket is open, breached once it is closed).
 */
import { combineStatus, countSummary } from '../item-status.js';
import type { ClauseStatus, ComplianceContext, ClauseResult, Finding } from '../types.js';
import { clockMessage } from './ticket-clock-findings.js';

const NOTIFY: Record<string, string> = { product_team: '产品团队', senior_manager: '高级经理', account_manager: '客户经理' };

export function severityLevels(ctx: ComplianceContext): ClauseResult {
  const items: ClauseStatus[] = [];
  const findings: Finding[] = [];
  for (const { ticket: t, clocks: c } of ctx.tickets) {
    items.push(c.response.status, c.channelCheck.status, c.notifications.status);
    if (c.response.status === 'breached') {
      findings.push({ record: t.id, message: clockMessage('响应时间 responded_at', '报告时间 reported_at', c.response, `level ${c.severity.responseLevel}, ${ctx.policy.severities[c.severity.responseLevel].response}`) });
    }
    if (c.channelCheck.status === 'breached') {
      findings.push({ record: t.id, message: `level ${c.channelCheck.level} submitted via 提交方式 channel \`${t.channel}\`, expected ${c.channelCheck.allowed.join(' or ')} (仅通过电话方式提交)` });
    }
    if (c.notifications.status === 'breached') {
      findings.push({ record: t.id, message: `level ${c.notifications.level} requires 通知 ${c.notifications.missing.map((m) => `${NOTIFY[m] ?? m} ${m}`).join(', ')}, missing from 通知记录 notified` });
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
