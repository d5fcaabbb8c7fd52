/**
 * Descriptive statistics of minutes: mean, median, p90 (nearest rank), and
 * the rounding used by text displays. Results (`sla --json`, the statistics)
 * are never rounded; only what a person reads is.
 */

/** Rounds minutes to one decimal for a text display (null stays null). */
export function roundMinutes(x: number | null): number | null {
  return x === null ? null : Math.round(x * 10) / 10;
}

/** Rounds a ratio to four decimals for a text display (0.9231 = 92.31 %). */
export function roundRatio(x: number | null): number | null {
  return x === null ? null : Math.round(x * 10_000) / 10_000;
}

/** Arithmetic mean, null for an empty list. */
export function mean(xs: readonly number[]): number | null {
  return xs.length === 0 ? null : xs.reduce((a, b) => a + b, 0) / xs.length;
}

/** Median (mean of the two middle values for an even count), null for an empty list. */
export function median(xs: readonly number[]): number | null {
  return medianOfSorted(sortedNumbers(xs));
}

/** The values sorted ascending, as a typed array (a numeric sort without a comparator call per step). */
export function sortedNumbers(xs: readonly number[]): Float64Array {
  return Float64Array.from(xs).sort();
}

/** Median of values already sorted ascending, null for none. */
export function medianOfSorted(s: ArrayLike<number>): number | null {
  if (s.length === 0) return null;
  const mid = s.length >> 1;
  return s.length % 2 === 1 ? s[mid]! : (s[mid - 1]! + s[mid]!) / 2;
}

/** Percentile by nearest rank: the smallest value with at least p % of values ≤ it. */
export function percentile(xs: readonly number[], p: number): number | null {
  return percentileOfSorted(sortedNumbers(xs), p);
}

/** Nearest-rank percentile of values already sorted ascending, null for none. */
export function percentileOfSorted(s: ArrayLike<number>, p: number): number | null {
  if (s.length === 0) return null;
  const rank = Math.max(1, Math.ceil((p / 100) * s.length));
  return s[rank - 1]!;
}
