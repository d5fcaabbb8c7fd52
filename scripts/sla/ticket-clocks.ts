/**
 * Per-ticket SLA clocks: pure functions of (ticket, policy, asOf).
 * Response (L-1, severity target), the fault rule (R-1, separate), on-site
 * (L-2 where the level has `onsite_after_remote_fails`, else R-2), the R-2
 * complex-issue clock on its own, channel and notifications by level.
 */
import type { Contract, Severity, Ticket } from '../records/types.js';
import { dateTimeMs, durationMinutes } from './parse-memo.js';
import { judgeClock, minutesToMs, NA_CLOCK, type Clock } from './judge-clock.js';
import { severityTimeline, type SeverityTimeline } from './severity-timeline.js';

/** The `sla` block of the contract. */
export type SlaPolicy = Contract['sla'];
type LevelPolicy = SlaPolicy['severities']['A'];

/** Categories that are "software faults" for R-1. */
export const FAULT_CATEGORIES: readonly Ticket['category'][] = ['fault', 'defect'];

/** A pass/fail check without a clock (channel, notifications). */
export interface LevelCheck {
  status: 'met' | 'breached' | 'pending' | 'n/a';
  /** The level the check was judged against. */
  level: Severity;
}

/** All clocks and checks of one ticket. */
export interface TicketClocks {
  id: string;
  system: Ticket['system'];
  category: Ticket['category'];
  channel: Ticket['channel'];
  severity: SeverityTimeline & { /** Level whose target set the response deadline. */ responseLevel: Severity };
  reportedAt: number;
  respondedAt: number | null;
  resolvedAt: number | null;
  /** L-1: response against the severity target. */
  response: Clock;
  /** response against `fault_response` (n/a unless fault/defect). */
  faultResponse: Clock;
  /** L-2 or R-2 (see `onsiteRule`); n/a without an `onsite` block. */
  onsite: Clock;
  onsiteRule: 'L-2' | 'R-2' | null;
  /** R-2 alone: arrival against `complex_onsite` whatever the level; n/a without `onsite`. */
  complexOnsite: Clock;
  /** L-1: the reporting channel is allowed for the initial level. */
  channelCheck: LevelCheck & { allowed: string[] };
  /** L-1: notifications required by the highest level reached. */
  notifications: LevelCheck & { required: string[]; missing: string[] };
  /** resolved_at − reported_at in minutes (null while open). */
  resolutionMinutes: number | null;
  /** No `resolved_at` yet. */
  open: boolean;
}

function level(policy: SlaPolicy, sev: Severity): LevelPolicy {
  return policy.severities[sev];
}

/**
 * Computes every clock of a ticket.
 * @param ticket the ticket record
 * @param policy the contract's `sla` block
 * @param asOf epoch ms of "now" (running clocks are pending until their deadline passes)
 * @returns the judged clocks
 */
export function ticketClocks(ticket: Ticket, policy: SlaPolicy, asOf: number): TicketClocks {
  const reported = dateTimeMs(ticket.reported_at);
  const responded = ticket.responded_at ? dateTimeMs(ticket.responded_at) : undefined;
  const resolved = ticket.resolved_at ? dateTimeMs(ticket.resolved_at) : undefined;
  const sev = severityTimeline(ticket);

  // Response: the initial level's target, tightened by raises before the response.
  const initialTarget = durationMinutes(level(policy, sev.initial).response);
  let deadline = reported + minutesToMs(initialTarget);
  let targetMinutes = initialTarget;
  let responseLevel = sev.initial;
  for (const r of sev.raises) {
    if (responded !== undefined && r.at >= responded) continue;
    const t = durationMinutes(level(policy, r.to).response);
    const d = r.at + minutesToMs(t);
    if (d < deadline) {
      deadline = d;
      targetMinutes = t;
      responseLevel = r.to;
    }
  }
  const response = judgeClock(reported, responded, deadline, targetMinutes, asOf);

  const faultTarget = durationMinutes(policy.fault_response);
  const faultResponse = FAULT_CATEGORIES.includes(ticket.category)
    ? judgeClock(reported, responded, reported + minutesToMs(faultTarget), faultTarget, asOf)
    : NA_CLOCK;

  let onsite: Clock = NA_CLOCK;
  let complexOnsite: Clock = NA_CLOCK;
  let onsiteRule: TicketClocks['onsiteRule'] = null;
  if (ticket.onsite) {
    const start = policy.onsite_clock === 'reported' ? reported : dateTimeMs(ticket.onsite.requested_at);
    const arrived = ticket.onsite.arrived_at ? dateTimeMs(ticket.onsite.arrived_at) : undefined;
    const complexTarget = durationMinutes(policy.complex_onsite);
    complexOnsite = judgeClock(start, arrived, start + minutesToMs(complexTarget), complexTarget, asOf);
    const l2 = level(policy, sev.highest).onsite_after_remote_fails;
    if (l2) {
      const t = durationMinutes(l2);
      onsite = judgeClock(start, arrived, start + minutesToMs(t), t, asOf);
      onsiteRule = 'L-2';
    } else {
      onsite = complexOnsite;
      onsiteRule = 'R-2';
    }
  }

  const allowed = level(policy, sev.initial).channels ?? ['phone', 'web', 'email'];
  const channelCheck: TicketClocks['channelCheck'] = { status: allowed.includes(ticket.channel) ? 'met' : 'breached', level: sev.initial, allowed: [...allowed] };

  const required = [...(level(policy, sev.highest).notify ?? [])];
  const sent = new Set((ticket.notified ?? []).map((n) => n.to));
  const missing = required.filter((r) => !sent.has(r));
  const notifyStatus = required.length === 0 ? 'n/a' : missing.length === 0 ? 'met' : resolved === undefined ? 'pending' : 'breached';

  return {
    id: ticket.id,
    system: ticket.system,
    category: ticket.category,
    channel: ticket.channel,
    severity: { ...sev, responseLevel },
    reportedAt: reported,
    respondedAt: responded ?? null,
    resolvedAt: resolved ?? null,
    response,
    faultResponse,
    onsite,
    onsiteRule,
    complexOnsite,
    channelCheck,
    notifications: { status: notifyStatus, level: sev.highest, required, missing },
    resolutionMinutes: resolved === undefined ? null : (resolved - reported) / 60_000,
    open: resolved === undefined,
  };
}
