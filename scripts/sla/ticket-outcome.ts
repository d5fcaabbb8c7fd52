/**
 * The one definition of how a ticket ended, for every count that a report,
 * a site page or a clause summary prints: 已解决 is `outcome: resolved` and
 * nothing else; 临时解决, 无法解决 and 重复 are the other closed outcomes;
 * a ticket without a resolution time (as of the evaluation time) is 处理中.
 * Every ticket is in exactly one bucket, so the parts always add up to the
 * total. Apply `ticketAsOf` first when judging at an earlier time.
 */
import type { Ticket } from '../records/types.js';

/** How a ticket stands: its outcome once closed, else `open`. */
export type TicketClosure = 'resolved' | 'workaround' | 'unresolvable' | 'duplicate' | 'open';

/** Display order of the buckets (the order counts are printed in). */
export const CLOSURE_ORDER: readonly TicketClosure[] = ['resolved', 'workaround', 'unresolvable', 'duplicate', 'open'];

/** Chinese label of each bucket (outcomes as in shared/labels OUTCOME_LABEL, plus 处理中). */
export const CLOSURE_LABEL: Record<TicketClosure, string> = {
  resolved: '已解决', workaround: '临时解决', unresolvable: '无法解决', duplicate: '重复', open: '处理中',
};

/**
 * The bucket of one ticket: open without `resolved_at`; a closed ticket
 * without an outcome counts as resolved (validate warns about it).
 */
export function ticketClosure(t: Pick<Ticket, 'resolved_at' | 'outcome'>): TicketClosure {
  if (t.resolved_at === undefined) return 'open';
  return t.outcome ?? 'resolved';
}

/** Counts per bucket; `total` is the sum of the buckets. */
export type ClosureCounts = Record<TicketClosure, number> & { total: number; closed: number };

/** Counts tickets per bucket. */
export function closureCounts(tickets: readonly Pick<Ticket, 'resolved_at' | 'outcome'>[]): ClosureCounts {
  const c: ClosureCounts = { resolved: 0, workaround: 0, unresolvable: 0, duplicate: 0, open: 0, total: 0, closed: 0 };
  for (const t of tickets) {
    const k = ticketClosure(t);
    c[k]++;
    c.total++;
    if (k !== 'open') c.closed++;
  }
  return c;
}

/**
 * The counts as Chinese text whose parts add up: `已解决 9 件、临时解决 2 件、
 * 处理中 1 件` (buckets with zero left out; `无` when there are no tickets).
 * @param unit counting word (件 for requests, 张 for tickets)
 */
export function closureSummary(c: ClosureCounts, unit = '件'): string {
  const parts = CLOSURE_ORDER.filter((k) => c[k] > 0).map((k) => `${CLOSURE_LABEL[k]} ${c[k]} ${unit}`);
  return parts.length ? parts.join('、') : '无';
}
