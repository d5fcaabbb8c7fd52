/**
 * One wall-clock (24×7) deadline judged as of a date: the primitive behind
 * every response and on-site status. Boundaries are inclusive: ending exactly
 * at the deadline is met.
 */

/** Status of a clock. */
export type ClockStatus = 'met' | 'breached' | 'pending' | 'n/a';

/** A judged clock. Instants are epoch ms. */
export interface Clock {
  status: ClockStatus;
  /** When the clock started (null for n/a). */
  start: number | null;
  /** When it stopped (null while running). */
  end: number | null;
  /** The deadline (null for n/a). */
  deadline: number | null;
  /** The target in minutes (deadline − start when the target was not tightened). */
  targetMinutes: number | null;
  /** end − start in minutes (null while running). */
  minutes: number | null;
}

/** A clock that does not apply. */
export const NA_CLOCK: Clock = Object.freeze({ status: 'n/a', start: null, end: null, deadline: null, targetMinutes: null, minutes: null });

/** Minutes → ms, exact to the millisecond. */
export function minutesToMs(minutes: number): number {
  return Math.round(minutes * 60_000);
}

/**
 * Judges a clock.
 * @param start epoch ms when it started
 * @param end epoch ms when it stopped, or undefined while running
 * @param deadline epoch ms of the deadline (inclusive)
 * @param targetMinutes the target shown beside the status
 * @param asOf epoch ms of "now"
 * @returns met when end ≤ deadline; breached when end > deadline, or when
 *   running and asOf > deadline; pending when running and asOf ≤ deadline
 */
export function judgeClock(start: number, end: number | undefined, deadline: number, targetMinutes: number, asOf: number): Clock {
  if (end !== undefined) {
    return { status: end <= deadline ? 'met' : 'breached', start, end, deadline, targetMinutes, minutes: (end - start) / 60_000 };
  }
  return { status: asOf > deadline ? 'breached' : 'pending', start, end: null, deadline, targetMinutes, minutes: null };
}
