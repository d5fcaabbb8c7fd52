/**
 * Messages for a judged clock of a ticket (shared by, L-1, L-2).
 */
import { formatCst } from '../../shared/time.js';
import type { Clock } from '../../sla/index.js';
import { fmtMinutes } from '../item-status.js';

/**
 * Describes a breached or pending clock.
 * @param what e.g. `响应时间 responded_at`
 * @param from e.g. `报告时间 reported_at`
 * @param clock the judged clock
 * @param rule e.g. `level B, PT1H`
 */
export function clockMessage(what: string, from: string, clock: Clock, rule: string): string {
  if (clock.end !== null) {
    return `${what} ${formatCst(clock.end)} is ${fmtMinutes(clock.minutes)} after ${from} ${formatCst(clock.start!)}, expected ≤ ${fmtMinutes(clock.targetMinutes)} (${rule}; deadline ${formatCst(clock.deadline!)})`;
  }
  return `no ${what} and the deadline ${formatCst(clock.deadline!)} (${rule}) ${clock.status === 'breached' ? 'has passed' : 'is still ahead'}`;
}
