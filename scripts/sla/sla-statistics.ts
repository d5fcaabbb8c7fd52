/**
 * Statistics over judged tickets: counts, attainment, mean/median/p90 of
 * response and resolution minutes, after-hours share, open backlog. Figures
 * are computed on exact values and rounded only here (minutes to 0.1,
 * ratios to 0.0001).
 */
import { mean, median, percentile, roundMinutes, roundRatio } from './summarize.js';
import type { ClockStatus } from './judge-clock.js';

/** The per-ticket facts statistics need. */
export interface StatInput {
  response: ClockStatus;
  onsite: ClockStatus;
  /** Exact response minutes (null without a response). */
  responseMinutesExact: number | null;
  /** Exact resolution minutes (null while open). */
  resolutionMinutesExact: number | null;
  afterHours: boolean;
  open: boolean;
}

/** Statistics of a group of tickets. */
export interface GroupStats {
  count: number;
  responseMet: number;
  responseBreached: number;
  responsePending: number;
  /** met / (met + breached); null when nothing is judged yet. */
  responseAttainment: number | null;
  avgResponseMinutes: number | null;
  medianResponseMinutes: number | null;
  p90ResponseMinutes: number | null;
  resolved: number;
  avgResolutionMinutes: number | null;
  medianResolutionMinutes: number | null;
  p90ResolutionMinutes: number | null;
  onsiteMet: number;
  onsiteBreached: number;
  onsitePending: number;
  afterHours: number;
  /** afterHours / count; null for an empty group. */
  afterHoursShare: number | null;
  /** Tickets still open as of the as-of time. */
  open: number;
}

/**
 * Computes the statistics of one group.
 * @param rows the group's tickets
 * @returns rounded figures
 */
export function groupStats(rows: readonly StatInput[]): GroupStats {
  const count = (f: (r: StatInput) => boolean) => rows.filter(f).length;
  const resp = rows.map((r) => r.responseMinutesExact).filter((x): x is number => x !== null);
  const reso = rows.map((r) => r.resolutionMinutesExact).filter((x): x is number => x !== null);
  const met = count((r) => r.response === 'met');
  const breached = count((r) => r.response === 'breached');
  const afterHours = count((r) => r.afterHours);
  return {
    count: rows.length,
    responseMet: met,
    responseBreached: breached,
    responsePending: count((r) => r.response === 'pending'),
    responseAttainment: met + breached === 0 ? null : roundRatio(met / (met + breached)),
    avgResponseMinutes: roundMinutes(mean(resp)),
    medianResponseMinutes: roundMinutes(median(resp)),
    p90ResponseMinutes: roundMinutes(percentile(resp, 90)),
    resolved: reso.length,
    avgResolutionMinutes: roundMinutes(mean(reso)),
    medianResolutionMinutes: roundMinutes(median(reso)),
    p90ResolutionMinutes: roundMinutes(percentile(reso, 90)),
    onsiteMet: count((r) => r.onsite === 'met'),
    onsiteBreached: count((r) => r.onsite === 'breached'),
    onsitePending: count((r) => r.onsite === 'pending'),
    afterHours,
    afterHoursShare: rows.length === 0 ? null : roundRatio(afterHours / rows.length),
    open: count((r) => r.open),
  };
}

/**
 * Groups rows by a key and computes each group's statistics.
 * @param rows the rows
 * @param keyOf the group key of a row
 * @param keys keys to include even when empty, in this order (others follow sorted)
 */
export function statsBy<T extends StatInput>(rows: readonly T[], keyOf: (r: T) => string, keys: readonly string[] = []): Record<string, GroupStats> {
  const groups = new Map<string, T[]>();
  for (const k of keys) groups.set(k, []);
  const extra = [...new Set(rows.map(keyOf))].filter((k) => !keys.includes(k)).sort();
  for (const k of extra) groups.set(k, []);
  for (const r of rows) groups.get(keyOf(r))!.push(r);
  const out: Record<string, GroupStats> = {};
  for (const [k, g] of groups) out[k] = groupStats(g);
  return out;
}
