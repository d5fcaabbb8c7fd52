/**
 * The ticket as it stood at `asOf`: timestamps later than `asOf` have not
 * happened yet, so they are dropped (a response recorded after the as-of
 * time leaves the response clock running). This makes `--as-of` reproducible
 * on a knowledge base that has grown since.
 */
import type { Ticket } from '../records/types.js';
import { instantMs } from './parse-memo.js';

/** True when the date or time `text` is at or before `asOf` (a bare date counts from its start). */
export function happenedBy(text: string | undefined, asOf: number): text is string {
  return text !== undefined && instantMs(text) <= asOf;
}

/** True when `text` is given and after `asOf`. */
function isLater(text: string | undefined, asOf: number): boolean {
  return text !== undefined && !happenedBy(text, asOf);
}

/** Exactly the cases in which `ticketAsOf` changes the ticket (checked before copying it: most tickets are unchanged). */
function hasLaterEvent(t: Ticket, asOf: number): boolean {
  const resolvedLater = isLater(t.resolved_at, asOf);
  if (isLater(t.responded_at, asOf) || resolvedLater) return true;
  if ((t.resolved_at === undefined || resolvedLater) && t.outcome !== undefined) return true;
  if (t.notified?.some((n) => !happenedBy(n.at, asOf))) return true;
  if (t.severity_changes?.some((c) => !happenedBy(c.at, asOf))) return true;
  if (t.onsite && (!happenedBy(t.onsite.requested_at, asOf) || isLater(t.onsite.arrived_at, asOf))) return true;
  return Boolean(t.written_reply && !happenedBy(t.written_reply.delivered_at, asOf));
}

/**
 * A copy of the ticket without the events after `asOf`.
 * @param ticket the ticket record
 * @param asOf epoch ms
 * @returns the ticket as of that instant (the same object when nothing is later)
 */
export function ticketAsOf(ticket: Ticket, asOf: number): Ticket {
  if (!hasLaterEvent(ticket, asOf)) return ticket;
  const t: Ticket = { ...ticket };
  let changed = false;
  const drop = <K extends 'responded_at' | 'resolved_at'>(k: K) => {
    if (t[k] !== undefined && !happenedBy(t[k], asOf)) {
      delete t[k];
      changed = true;
    }
  };
  drop('responded_at');
  drop('resolved_at');
  if (t.resolved_at === undefined && t.outcome !== undefined) {
    delete t.outcome;
    changed = true;
  }
  if (t.notified?.some((n) => !happenedBy(n.at, asOf))) {
    t.notified = t.notified.filter((n) => happenedBy(n.at, asOf));
    changed = true;
  }
  if (t.severity_changes?.some((c) => !happenedBy(c.at, asOf))) {
    const kept = t.severity_changes.filter((c) => happenedBy(c.at, asOf));
    const last = kept[kept.length - 1];
    t.severity = last ? last.to : t.severity_changes[0]!.from;
    t.severity_changes = kept;
    changed = true;
  }
  if (t.onsite) {
    if (!happenedBy(t.onsite.requested_at, asOf)) {
      delete t.onsite;
      changed = true;
    } else if (t.onsite.arrived_at !== undefined && !happenedBy(t.onsite.arrived_at, asOf)) {
      const { arrived_at: _drop, ...rest } = t.onsite;
      t.onsite = rest;
      changed = true;
    }
  }
  if (t.written_reply && !happenedBy(t.written_reply.delivered_at, asOf)) {
    delete t.written_reply;
    changed = true;
  }
  return changed ? t : ticket;
}
