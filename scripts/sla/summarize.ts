/**
 * Descriptive statistics of minutes: mean, median, p90 (nearest rank), and
 * the rounding used in every output.
 */

/** Rounds minutes to one decimal (null stays null). */
export function roundMinutes(x: number | null): number | null {
  return x === null ? null : Math.round(x * 10) / 10;
}

/** Rounds a ratio to four decimals (0.9231 = 92.31 %). */
export function roundRatio(x: number | null): number | null {
  return x === null ? null : Math.round(x * 10_000) / 10_000;
}

/** Arithmetic mean, null for an empty list. */
export function mean(xs: readonly number[]): number | null {
  return xs.length === 0 ? null : xs.reduce((a, b) => a + b, 0) / xs.length;
}

/** Median (mean of the two middle values for an even count), null for an empty list. */
export function median(xs: readonly number[]): number | null {
  if (xs.length === 0) return null;
  const s = [...xs].sort((a, b) => a - b);
  const mid = s.length >> 1;
  return s.length % 2 === 1 ? s[mid]! : (s[mid - 1]! + s[mid]!) / 2;
}

/** Percentile by nearest rank: the smallest value with at least p % of values ≤ it. */
export function percentile(xs: readonly number[], p: number): number | null {
  if (xs.length === 0) return null;
  const s = [...xs].sort((a, b) => a - b);
  const rank = Math.max(1, Math.ceil((p / 100) * s.length));
  return s[rank - 1]!;
}
