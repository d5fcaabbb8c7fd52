/**
 * Statistics over judged tickets: counts, attainment, mean/median/p90 of
 * response and resolution minutes, after-hours share, open backlog. Figures
 * are exact (no rounding: `sla --json` is a contract other tools compute
 * with); texts, reports and the site round them for display only.
 */
import { medianOfSorted, percentileOfSorted, sortedNumbers } from './summarize.js';
import type { ClockStatus } from './judge-clock.js';

/**
 * Mean of minutes that came from millisecond timestamps, summed as whole
 * milliseconds (exact integers) and divided once, so the mean carries no
 * accumulated floating-point error. Null for none.
 */
function meanOfMinutes(xs: readonly number[]): number | null {
  if (xs.length === 0) return null;
  let ms = 0;
  for (const x of xs) ms += Math.round(x * 60_000);
  return ms / xs.length / 60_000;
}

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
 * @returns exact figures
 */
export function groupStats(rows: readonly StatInput[]): GroupStats {
  // One pass; exact minutes kept in row order (the mean sums in that order).
  let met = 0;
  let breached = 0;
  let pending = 0;
  let onsiteMet = 0;
  let onsiteBreached = 0;
  let onsitePending = 0;
  let afterHours = 0;
  let open = 0;
  const resp: number[] = [];
  const reso: number[] = [];
  for (const r of rows) {
    if (r.response === 'met') met++;
    else if (r.response === 'breached') breached++;
    else if (r.response === 'pending') pending++;
    if (r.onsite === 'met') onsiteMet++;
    else if (r.onsite === 'breached') onsiteBreached++;
    else if (r.onsite === 'pending') onsitePending++;
    if (r.afterHours) afterHours++;
    if (r.open) open++;
    if (r.responseMinutesExact !== null) resp.push(r.responseMinutesExact);
    if (r.resolutionMinutesExact !== null) reso.push(r.resolutionMinutesExact);
  }
  const respSorted = sortedNumbers(resp);
  const resoSorted = sortedNumbers(reso);
  return {
    count: rows.length,
    responseMet: met,
    responseBreached: breached,
    responsePending: pending,
    responseAttainment: met + breached === 0 ? null : met / (met + breached),
    avgResponseMinutes: meanOfMinutes(resp),
    medianResponseMinutes: medianOfSorted(respSorted),
    p90ResponseMinutes: percentileOfSorted(respSorted, 90),
    resolved: reso.length,
    avgResolutionMinutes: meanOfMinutes(reso),
    medianResolutionMinutes: medianOfSorted(resoSorted),
    p90ResolutionMinutes: percentileOfSorted(resoSorted, 90),
    onsiteMet,
    onsiteBreached,
    onsitePending,
    afterHours,
    afterHoursShare: rows.length === 0 ? null : afterHours / rows.length,
    open,
  };
}

/**
 * Groups rows by a key and computes each group's statistics.
 * @param rows the rows
 * @param keyOf the group key of a row
 * @param keys keys to include even when empty, in this order (others follow sorted)
 */
export function statsBy<T extends StatInput>(rows: readonly T[], keyOf: (r: T) => string, keys: readonly string[] = []): Record<string, GroupStats> {
  const rowKeys = rows.map(keyOf);
  const groups = new Map<string, T[]>();
  for (const k of keys) groups.set(k, []);
  const extra = [...new Set(rowKeys)].filter((k) => !groups.has(k)).sort();
  for (const k of extra) groups.set(k, []);
  rows.forEach((r, i) => groups.get(rowKeys[i]!)!.push(r));
  const out: Record<string, GroupStats> = {};
  for (const [k, g] of groups) out[k] = groupStats(g);
  return out;
}
