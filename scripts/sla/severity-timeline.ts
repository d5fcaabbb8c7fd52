/**
 * The one place that decides which severity level counts for what when a
 * ticket's level changed while it was handled (`severity_changes`).
 *
 * Rule (documented in README.md):
 * - `initial` = the level in force at `reported_at` (the first change's
 *   `from`, else `severity`). The response target and the allowed channel are
 *   judged against it.
 * - A raise (to a stricter level) that happened before the response tightens
 *   the response deadline: deadline = min(original deadline, raise time + the
 *   new level's target). A lowering never extends it.
 * - `highest` = the strictest level reached: on-site (L-2) and the
 *   notifications are judged against it.
 * - `final` = `severity`: statistics group by it.
 */
import type { Severity, Ticket } from '../records/types.js';
import { dateTimeMs } from './parse-memo.js';

/** Strictness rank: lower is stricter. */
export const SEVERITY_ORDER: readonly Severity[] = ['1', 'A', 'B', 'C'];

/** True when `a` is a stricter level than `b`. */
export function isStricter(a: Severity, b: Severity): boolean {
  return SEVERITY_ORDER.indexOf(a) < SEVERITY_ORDER.indexOf(b);
}

/** A raise of the level at a time. */
export interface SeverityRaise {
  /** Epoch ms. */
  at: number;
  from: Severity;
  to: Severity;
}

/** What level counts for each clock. */
export interface SeverityTimeline {
  initial: Severity;
  final: Severity;
  highest: Severity;
  /** Changes to a stricter level than the one in force, in time order. */
  raises: SeverityRaise[];
}

/**
 * Reads a ticket's severity history.
 * @param ticket the ticket
 * @returns initial, final and highest level and the raises
 */
export function severityTimeline(ticket: Ticket): SeverityTimeline {
  const changes = [...(ticket.severity_changes ?? [])]
    .map((c) => ({ at: dateTimeMs(c.at), from: c.from, to: c.to }))
    .sort((a, b) => a.at - b.at);
  const initial = changes[0]?.from ?? ticket.severity;
  let highest = initial;
  const raises: SeverityRaise[] = [];
  for (const c of changes) {
    if (isStricter(c.to, c.from)) raises.push(c);
    if (isStricter(c.to, highest)) highest = c.to;
  }
  if (isStricter(ticket.severity, highest)) highest = ticket.severity;
  return { initial, final: ticket.severity, highest, raises };
}
