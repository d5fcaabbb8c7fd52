/**
 * `computeSla`: the SLA result of one service period as of a time — the
 * SPEC §7 `sla --json` document (per-ticket clocks, per-severity statistics)
 * plus statistics per system, category, channel, month and hour.
 */
import { calendarFromRecords, type WorkCalendar } from '../calendar/index.js';
import type { KnowledgeBase, Ticket } from '../records/types.js';
import { UserError } from '../shared/errors.js';
import { cstClock, cstDateOf, formatCst } from '../shared/time.js';
import { isAfterHours } from './after-hours.js';
import type { ClockStatus } from './judge-clock.js';
import { reportedTimes } from './reported-times.js';
import { resolvePeriod, type ResolvedPeriod } from './resolve-period.js';
import { SEVERITY_ORDER } from './severity-timeline.js';
import { statsBy, groupStats, type GroupStats, type StatInput } from './sla-statistics.js';
import { ticketAsOf } from './ticket-as-of.js';
import { ticketClocks, type TicketClocks } from './ticket-clocks.js';

/** Options of `computeSla`. */
export interface SlaOptions {
  /** `--period`; default: the period containing `asOf` (else the last one). */
  periodId?: string;
  /** Epoch ms of "now". */
  asOf: number;
  /** Working-day calendar (default: built-in data + the KB's calendar records). */
  calendar?: WorkCalendar;
}

/**
 * One ticket row of `sla --json`. Minutes are exact (derived from the
 * timestamps to the millisecond, e.g. 5 min 2 s = 5.0333…); only displays round.
 */
export interface SlaTicketRow {
  id: string;
  system: string;
  title: string;
  /** Final level (statistics group by it). */
  severity: string;
  initialSeverity: string;
  highestSeverity: string;
  category: string;
  channel: string;
  reportedAt: string;
  respondedAt: string | null;
  resolvedAt: string | null;
  /** `YYYY-MM` of reported_at in CST. */
  month: string;
  /** Hour (0–23, CST) of reported_at. */
  hour: number;
  afterHours: boolean;
  open: boolean;
  responseMinutes: number | null;
  responseTargetMinutes: number;
  /** Level whose target set the response deadline (see README: severity changes). */
  responseLevel: string;
  responseDeadline: string;
  /** L-1 response status. */
  response: ClockStatus;
  /** R-1 (fault/defect, 30 min) status; n/a for other categories. */
  faultResponse: ClockStatus;
  /** L-2 where the level has `onsite_after_remote_fails`, else R-2; n/a without an on-site visit. */
  onsite: ClockStatus;
  onsiteRule: 'L-2' | 'R-2' | null;
  onsiteMinutes: number | null;
  onsiteDeadline: string | null;
  /** Channel allowed for the initial level. */
  channelCheck: 'met' | 'breached' | 'pending' | 'n/a';
  notifications: { status: 'met' | 'breached' | 'pending' | 'n/a'; required: string[]; missing: string[] };
  resolutionMinutes: number | null;
}

/** The result of `computeSla` (the `sla --json` document). */
export interface SlaResult {
  period: { id: string; start: string; end: string };
  asOf: string;
  tickets: SlaTicketRow[];
  bySeverity: Record<string, GroupStats>;
  bySystem: Record<string, GroupStats>;
  byCategory: Record<string, GroupStats>;
  byChannel: Record<string, GroupStats>;
  byMonth: Record<string, GroupStats>;
  /** Tickets per reporting hour (CST), index 0–23. */
  byHour: number[];
  total: GroupStats;
  /** Calendar warnings (years without holiday data) and similar. */
  warnings: string[];
}

/** A ticket with its clocks, as of a time (used by compliance too). */
export interface JudgedTicket {
  /** The ticket as of `asOf` (later events dropped). */
  ticket: Ticket;
  clocks: TicketClocks;
  afterHours: boolean;
}

/**
 * The tickets reported in a period (by `reported_at`, CST dates, end
 * inclusive) and not after `asOf`, each as of `asOf`, with its clocks.
 * @param kb the knowledge base
 * @param period the period
 * @param asOf epoch ms
 * @param calendar working-day calendar (after-hours)
 * @param warnings collects calendar warnings
 */
export function judgeTickets(kb: KnowledgeBase, period: ResolvedPeriod, asOf: number, calendar: WorkCalendar, warnings: Set<string>): JudgedTicket[] {
  const policy = kb.contract!.sla;
  const out: JudgedTicket[] = [];
  const reportedAt = reportedTimes(kb.tickets);
  for (let i = 0; i < kb.tickets.length; i++) {
    const raw = kb.tickets[i]!;
    const reported = reportedAt(i);
    if (reported < period.startMs || reported >= period.endMs || reported > asOf) continue;
    const ticket = ticketAsOf(raw, asOf);
    const ah = isAfterHours(reported, calendar);
    for (const w of ah.warnings) warnings.add(w);
    out.push({ ticket, clocks: ticketClocks(ticket, policy, asOf), afterHours: ah.afterHours });
  }
  return out.sort((a, b) => a.clocks.reportedAt - b.clocks.reportedAt || (a.ticket.id < b.ticket.id ? -1 : 1));
}

/** The KB's contract, or a UserError that says what is missing. */
export function requireContract(kb: KnowledgeBase): NonNullable<KnowledgeBase['contract']> {
  if (!kb.contract) throw new UserError(`${kb.root}/records/contract.yaml: no valid contract record, expected records/contract.yaml (run \`opsbook validate\`)`);
  return kb.contract;
}

function monthsOf(period: ResolvedPeriod): string[] {
  const out: string[] = [];
  let [y, m] = period.start.split('-').map(Number) as [number, number];
  const end = period.end.slice(0, 7);
  for (let i = 0; i < 240; i++) {
    const key = `${y}-${String(m).padStart(2, '0')}`;
    out.push(key);
    if (key >= end) break;
    m++;
    if (m > 12) [y, m] = [y + 1, 1];
  }
  return out;
}

function row(j: JudgedTicket): SlaTicketRow {
  const { ticket: t, clocks: c } = j;
  const d = cstDateOf(c.reportedAt);
  return {
    id: t.id,
    system: t.system,
    title: t.title,
    severity: c.severity.final,
    initialSeverity: c.severity.initial,
    highestSeverity: c.severity.highest,
    category: t.category,
    channel: t.channel,
    reportedAt: t.reported_at,
    respondedAt: t.responded_at ?? null,
    resolvedAt: t.resolved_at ?? null,
    month: `${d.year}-${String(d.month).padStart(2, '0')}`,
    hour: cstClock(c.reportedAt).hour,
    afterHours: j.afterHours,
    open: c.open,
    responseMinutes: c.response.minutes,
    responseTargetMinutes: c.response.targetMinutes!,
    responseLevel: c.severity.responseLevel,
    responseDeadline: formatCst(c.response.deadline!),
    response: c.response.status,
    faultResponse: c.faultResponse.status,
    onsite: c.onsite.status,
    onsiteRule: c.onsiteRule,
    onsiteMinutes: c.onsite.minutes,
    onsiteDeadline: c.onsite.deadline === null ? null : formatCst(c.onsite.deadline),
    channelCheck: c.channelCheck.status,
    notifications: { status: c.notifications.status, required: c.notifications.required, missing: c.notifications.missing },
    resolutionMinutes: c.resolutionMinutes,
  };
}

/** What the statistics of `computeSla` group and count. */
interface StatRow extends StatInput {
  severity: string;
  system: string;
  category: string;
  channel: string;
  month: string;
}

/**
 * Computes the SLA result of a period.
 * @param kb the loaded knowledge base (needs a contract)
 * @param options period, as-of time, calendar
 * @returns the `sla --json` document
 * @throws UserError for an unknown period or a missing contract
 */
export function computeSla(kb: KnowledgeBase, options: SlaOptions): SlaResult {
  const contract = requireContract(kb);
  const period = resolvePeriod(contract, options.periodId, options.asOf);
  const calendar = options.calendar ?? calendarFromRecords(kb.calendars);
  const warnings = new Set<string>();
  const judged = judgeTickets(kb, period, options.asOf, calendar, warnings);
  const tickets = judged.map(row);
  // The statistics read a small object of one shape per ticket.
  const rows = tickets.map((r, i): StatRow => ({
    response: r.response,
    onsite: r.onsite,
    responseMinutesExact: judged[i]!.clocks.response.minutes,
    resolutionMinutesExact: judged[i]!.clocks.resolutionMinutes,
    afterHours: r.afterHours,
    open: r.open,
    severity: r.severity,
    system: r.system,
    category: r.category,
    channel: r.channel,
    month: r.month,
  }));
  const levels = SEVERITY_ORDER.filter((s) => s in contract.sla.severities);
  const byHour = Array.from({ length: 24 }, () => 0);
  for (const r of tickets) byHour[r.hour]!++;
  return {
    period: { id: period.id, start: period.start, end: period.end },
    asOf: formatCst(options.asOf),
    tickets,
    bySeverity: statsBy(rows, (r) => r.severity, levels),
    bySystem: statsBy(rows, (r) => r.system, Object.keys(contract.systems)),
    byCategory: statsBy(rows, (r) => r.category, ['fault', 'defect', 'interface', 'database', 'change', 'consultation', 'training']),
    byChannel: statsBy(rows, (r) => r.channel, ['phone', 'web', 'email']),
    byMonth: statsBy(rows, (r) => r.month, monthsOf(period)),
    byHour,
    total: groupStats(rows),
    warnings: [...warnings],
  };
}
