/**
 * The annual report's period window and counts by dimension, taken from the
 * records. Clocks, after-hours and the time statistics are the SLA domain's
 * (computeSla), never recomputed here.
 */
import type { Contract, KnowledgeBase, Ticket } from '../records/index.js';
import { resolvePeriod } from '../sla/index.js';
import { UserError } from '../shared/errors.js';
import { cstDateOf, formatDate, parseInstant } from '../shared/time.js';

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
 * The window of the service period `opsbook sla` would judge: the one named, else the one
 * containing `asOf` (sla/resolve-period.ts decides), counting stopped at `asOf`.
 * @throws UserError for an unknown id (listing the known ones) or a KB without contract
 */
export function resolvePeriodWindow(kb: KnowledgeBase, periodId: string | undefined, asOf: number): PeriodWindow {
  const c = kb.contract;
  if (!c) throw new UserError('records/contract.yaml: no valid contract record; the annual report needs the contract\'s service_periods');
  const p = resolvePeriod(c, periodId, asOf);
  return { period: c.service_periods[p.index]!, start: p.startMs, end: p.endMs, cutoff: Math.min(p.endMs, asOf + 1) };
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

/** Response-time buckets for the distribution chart (upper bounds in minutes). */
export const RESPONSE_BUCKETS: { label: string; max: number }[] = [
  { label: '≤5 分钟', max: 5 },
  { label: '5–30 分钟', max: 30 },
  { label: '30–60 分钟', max: 60 },
  { label: '1–2 小时', max: 120 },
  { label: '>2 小时', max: Number.POSITIVE_INFINITY },
];

/** Counts of response minutes per bucket. */
export function responseHistogram(clocks: readonly { responseMinutes: number | null }[]): number[] {
  const out = RESPONSE_BUCKETS.map(() => 0);
  for (const c of clocks) {
    if (c.responseMinutes === null) continue;
    const i = RESPONSE_BUCKETS.findIndex((b) => c.responseMinutes! <= b.max);
    out[i] = (out[i] ?? 0) + 1;
  }
  return out;
}
