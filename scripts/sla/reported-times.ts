/**
 * `reported_at` of every ticket as epoch ms, parsed once per ticket list:
 * each service period (and both `sla` and `compliance`) filters the whole
 * list by it, so a 100k-ticket KB judged for 5 periods would otherwise look
 * up 1M times. The parsed times are kept with the strings they came from and
 * used only while a ticket still carries that same `reported_at`, so a list
 * changed after it was indexed is never judged on stale times.
 */
import type { Ticket } from '../records/types.js';
import { dateTimeMs } from './parse-memo.js';

interface ReportedTimes {
  texts: string[];
  ms: Float64Array;
}

const cache = new WeakMap<readonly Ticket[], ReportedTimes>();

/**
 * The `reported_at` instants of a ticket list, index for index.
 * @param tickets the KB's tickets
 * @returns a function giving the epoch ms of `tickets[i].reported_at`
 * @throws RangeError for a malformed `reported_at` (like parseDateTime)
 */
export function reportedTimes(tickets: readonly Ticket[]): (i: number) => number {
  let known = cache.get(tickets);
  if (!known || known.texts.length !== tickets.length) {
    known = { texts: tickets.map((t) => t.reported_at), ms: new Float64Array(tickets.length) };
    for (let i = 0; i < tickets.length; i++) known.ms[i] = dateTimeMs(known.texts[i]!);
    cache.set(tickets, known);
  }
  const { texts, ms } = known;
  return (i) => {
    const text = tickets[i]!.reported_at;
    return texts[i] === text ? ms[i]! : dateTimeMs(text);
  };
}
