/**
 * Numbers of the annual report computed directly from records: tickets of
 * the period, counts by dimension, after-hours share, per-ticket clocks
 * (from the SLA domain when given, else from the record timestamps).
 */
import type { WorkCalendar } from '../calendar/index.js';
import type { Contract, KnowledgeBase, Ticket } from '../records/index.js';
import { UserError } from '../shared/errors.js';
import { cstClock, cstDateOf, formatDate, minutesBetween, parseInstant } from '../shared/time.js';
import type { SlaView } from './analyses.js';
import { mean, percentile } from './format.js';

export type ServicePeriod = Contract['service_periods'][number];

/** A service period with its instants. */
export interface PeriodWindow {
  period: ServicePeriod;
  /** First instant (00:00 CST of start). */
  start: number;
  /** Instant just after the period (00:00 CST of the day after end). */
  end: number;
  /** Where counting stops: min(end, asOf). */
  cutoff: number;
}

/**
 * Finds a service period by id, or the one containing `asOf` (else the last
 * one that started before it).
 * @throws UserError for an unknown id (listing the known ones) or a KB without contract
 */
export function resolvePeriodWindow(kb: KnowledgeBase, periodId: string | undefined, asOf: number): PeriodWindow {
  const c = kb.contract;
  if (!c) throw new UserError('records/contract.yaml: no valid contract record; the annual report needs the contract\'s service_periods');
  const win = (p: ServicePeriod): PeriodWindow => {
    const start = parseInstant(p.start);
    const end = parseInstant(p.end, { end: true });
    return { period: p, start, end, cutoff: Math.min(end, asOf + 1) };
  };
  if (periodId !== undefined) {
    const p = c.service_periods.find((x) => x.id === periodId);
    if (!p) throw new UserError(`Unexpected --period \`${periodId}\`, expected one of ${c.service_periods.map((x) => x.id).join(', ')}`);
    return win(p);
  }
  const all = c.service_periods.map(win);
  const containing = all.find((w) => w.start <= asOf && asOf < w.end);
  const started = all.filter((w) => w.start <= asOf);
  const chosen = containing ?? started[started.length - 1] ?? all[0];
  if (!chosen) throw new UserError('records/contract.yaml: no service_periods');
  return chosen;
}

/** Whether an instant (record time text) falls inside the period window and before the cutoff. */
export function inWindow(w: PeriodWindow, text: string | undefined): boolean {
  if (!text) return false;
  const t = parseInstant(text);
  return t >= w.start && t < w.cutoff;
}

/** Tickets reported in the window, sorted by report time then id. */
export function periodTickets(kb: KnowledgeBase, w: PeriodWindow): Ticket[] {
  return kb.tickets
    .filter((t) => inWindow(w, t.reported_at))
    .sort((a, b) => parseInstant(a.reported_at) - parseInstant(b.reported_at) || (a.id < b.id ? -1 : 1));
}

/** Counts by key, in the order of `keys` (then any other keys found, sorted). */
export function countBy<T>(items: readonly T[], key: (x: T) => string | undefined, keys: readonly string[] = []): [string, number][] {
  const m = new Map<string, number>(keys.map((k) => [k, 0]));
  for (const it of items) {
    const k = key(it) ?? '（未填写）';
    m.set(k, (m.get(k) ?? 0) + 1);
  }
  const fixed = keys.map((k): [string, number] => [k, m.get(k) ?? 0]);
  const rest = [...m.entries()].filter(([k]) => !keys.includes(k)).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return [...fixed, ...rest];
}

/** Months (`YYYY-MM`) from the window's start to its cutoff. */
export function periodMonths(w: PeriodWindow): string[] {
  const out: string[] = [];
  const first = cstDateOf(w.start);
  const last = cstDateOf(Math.max(w.start, w.cutoff - 1));
  let y = first.year;
  let m = first.month;
  while (y < last.year || (y === last.year && m <= last.month)) {
    out.push(`${y}-${String(m).padStart(2, '0')}`);
    m++;
    if (m > 12) { m = 1; y++; }
  }
  return out;
}

/** `YYYY-MM` (CST) of a ticket's report time. */
export function monthOf(t: Ticket): string {
  return formatDate(cstDateOf(parseInstant(t.reported_at))).slice(0, 7);
}

/** Working hours: 08:00–18:00 CST on PRC working days. */
export const WORK_HOURS = { from: 8, to: 18 } as const;

/** Whether a ticket was reported outside working hours (nights, weekends, holidays). */
export function isAfterHours(t: Ticket, cal: WorkCalendar): boolean {
  const ms = parseInstant(t.reported_at);
  const { hour } = cstClock(ms);
  if (!cal.dayType(cstDateOf(ms)).working) return true;
  return hour < WORK_HOURS.from || hour >= WORK_HOURS.to;
}

/** One ticket's clock values as the report uses them. */
export interface TicketClock {
  id: string;
  severity: string;
  responseMinutes: number | null;
  resolutionMinutes: number | null;
  /** SLA judgement of the response (met|breached|pending|n/a), when the SLA domain gave one. */
  response?: string;
  onsite?: string;
  afterHours?: boolean;
}

/** Per-ticket clocks: the SLA domain's when available, else straight from the record timestamps. */
export function ticketClocks(tickets: readonly Ticket[], sla: SlaView | undefined): TicketClock[] {
  const byId = new Map(sla?.tickets.map((t) => [t.id, t]) ?? []);
  return tickets.map((t): TicketClock => {
    const s = byId.get(t.id);
    if (s) return { id: t.id, severity: s.severity, responseMinutes: s.responseMinutes, resolutionMinutes: s.resolutionMinutes, response: s.response, onsite: s.onsite, ...(s.afterHours !== undefined ? { afterHours: s.afterHours } : {}) };
    const rep = parseInstant(t.reported_at);
    return {
      id: t.id,
      severity: t.severity,
      responseMinutes: t.responded_at ? minutesBetween(rep, parseInstant(t.responded_at)) : null,
      resolutionMinutes: t.resolved_at ? minutesBetween(rep, parseInstant(t.resolved_at)) : null,
    };
  });
}

/** Mean, median and p90 of response and resolution minutes for a set of clocks. */
export function clockStats(clocks: readonly TicketClock[]) {
  const resp = clocks.map((c) => c.responseMinutes).filter((x): x is number => x !== null);
  const reso = clocks.map((c) => c.resolutionMinutes).filter((x): x is number => x !== null);
  return {
    count: clocks.length,
    responded: resp.length,
    resolved: reso.length,
    meanResponse: mean(resp),
    medianResponse: percentile(resp, 50),
    p90Response: percentile(resp, 90),
    meanResolution: mean(reso),
    medianResolution: percentile(reso, 50),
    p90Resolution: percentile(reso, 90),
  };
}

/** Response-time buckets for the distribution chart (upper bounds in minutes). */
export const RESPONSE_BUCKETS: { label: string; max: number }[] = [
  { label: '≤5 分钟', max: 5 },
  { label: '5–30 分钟', max: 30 },
  { label: '30–60 分钟', max: 60 },
  { label: '1–2 小时', max: 120 },
  { label: '>2 小时', max: Number.POSITIVE_INFINITY },
];

/** Counts of response minutes per bucket. */
export function responseHistogram(clocks: readonly TicketClock[]): number[] {
  const out = RESPONSE_BUCKETS.map(() => 0);
  for (const c of clocks) {
    if (c.responseMinutes === null) continue;
    const i = RESPONSE_BUCKETS.findIndex((b) => c.responseMinutes! <= b.max);
    out[i] = (out[i] ?? 0) + 1;
  }
  return out;
}
