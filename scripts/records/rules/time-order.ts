import { parseInstant } from '../../shared/time.js';
import { eachAt, timeFieldPaths } from '../schema-paths.js';
import type { LoadedRecord } from '../types.js';
import type { RecordRule, RuleContext } from './types.js';

type Path = (string | number)[];

function get(data: unknown, at: Path): unknown {
  let v = data;
  for (const k of at) {
    if (!v || typeof v !== 'object') return undefined;
    v = (v as Record<string | number, unknown>)[k];
  }
  return v;
}

/**
 * Two schema-valid times of the form `YYYY-MM-DDTHH:MM:SS+HH:MM` (25 characters, `T` at 10)
 * with the same last six characters (the offset) order as strings.
 */
function sameShapeAndOffset(a: string, b: string): boolean {
  if (a.length !== 25 || b.length !== 25 || a.charCodeAt(10) !== 0x54 || b.charCodeAt(10) !== 0x54) return false;
  for (let i = 19; i < 25; i++) if (a.charCodeAt(i) !== b.charCodeAt(i)) return false;
  return true;
}

/** Reports when the instant at `later` is before the one at `earlier` (both present). Dates compare as whole days. */
function order(ctx: RuleContext, r: LoadedRecord, earlier: Path, later: Path, what: string): void {
  const a = get(r.data, earlier);
  const b = get(r.data, later);
  if (typeof a !== 'string' || typeof b !== 'string') return;
  // fast path (most records): both times written with the same offset
  if (sameShapeAndOffset(a, b)) {
    if (b < a) ctx.report(r, later, `Unexpected ${later.join('.')} \`${b}\` before ${earlier.join('.')} \`${a}\`, expected ${what}`);
    return;
  }
  const start = parseInstant(a);
  const end = parseInstant(b, { end: true });
  if (end < start + (/^\d{4}-\d{2}-\d{2}$/.test(b) ? 1 : 0)) {
    ctx.report(r, later, `Unexpected ${later.join('.')} \`${b}\` before ${earlier.join('.')} \`${a}\`, expected ${what}`);
  }
}

/** Ticket times ordered above with their own message (an on-site arrival follows its request). */
const CHECKED_TICKET_TIMES = new Set(['reported_at', 'responded_at', 'resolved_at', 'onsite.requested_at', 'onsite.arrived_at', 'written_reply.delivered_at', 'severity_changes.*.at']);

let eventTimes: { path: readonly string[]; what: string }[] | undefined;
/** The ticket's time fields not ordered one by one above, from the schema (computed once). */
function ticketEventTimes(): { path: readonly string[]; what: string }[] {
  eventTimes ??= timeFieldPaths('ticket')
    .filter((p) => !CHECKED_TICKET_TIMES.has(p.join('.')))
    .map((p) => ({ path: p, what: `reported ≤ ${p.filter((s) => s !== '*').join('.')}` }));
  return eventTimes;
}

function check(ctx: RuleContext): void {
  for (const r of ctx.records) {
    const d = r.data as unknown as Record<string, unknown>;
    switch (r.kind) {
      case 'ticket': {
        order(ctx, r, ['reported_at'], ['responded_at'], 'reported ≤ responded');
        order(ctx, r, ['responded_at'], ['resolved_at'], 'responded ≤ resolved');
        order(ctx, r, ['reported_at'], ['resolved_at'], 'reported ≤ resolved');
        order(ctx, r, ['reported_at'], ['onsite', 'requested_at'], 'reported ≤ on-site requested');
        order(ctx, r, ['onsite', 'requested_at'], ['onsite', 'arrived_at'], 'on-site requested ≤ arrived');
        order(ctx, r, ['reported_at'], ['written_reply', 'delivered_at'], 'reported ≤ written reply');
        // every other time of a ticket is an event after the report (notifications, fields added later)
        for (const { path, what } of ticketEventTimes()) eachAt(d, path, (at) => order(ctx, r, ['reported_at'], at, what));
        const changes = d.severity_changes as { at: string; from: string; to: string }[] | undefined;
        let prev = changes?.[0]?.from;
        (changes ?? []).forEach((c, i) => {
          order(ctx, r, ['reported_at'], ['severity_changes', i, 'at'], 'reported ≤ severity change');
          if (i > 0) order(ctx, r, ['severity_changes', i - 1, 'at'], ['severity_changes', i, 'at'], 'severity changes in time order');
          if (c.from !== prev) ctx.report(r, ['severity_changes', i, 'from'], `Unexpected from \`${c.from}\`, expected \`${String(prev)}\` (the level set by the previous change)`);
          prev = c.to;
        });
        if (changes?.length && prev !== d.severity) ctx.report(r, ['severity'], `Unexpected severity \`${String(d.severity)}\`, expected \`${String(prev)}\`, the level set by the last entry of severity_changes`);
        if (d.resolved_at === undefined && d.outcome !== undefined) ctx.report(r, ['outcome'], 'Unexpected outcome on a ticket without resolved_at, expected resolved_at with the time it was closed', { key: true });
        if (d.resolved_at !== undefined && d.outcome === undefined) ctx.report(r, ['resolved_at'], 'Unexpected resolved_at without outcome, expected `outcome: resolved|workaround|unresolvable|duplicate`', { key: true });
        break;
      }
      case 'inspection':
        order(ctx, r, ['started_at'], ['finished_at'], 'started ≤ finished');
        order(ctx, r, ['started_at'], ['report', 'delivered_at'], 'the report delivered after the inspection started');
        break;
      case 'db_operation':
        order(ctx, r, ['started_at'], ['finished_at'], 'started ≤ finished');
        break;
      case 'change':
        order(ctx, r, ['requested_at'], ['agreed_date'], 'requested ≤ agreed date');
        order(ctx, r, ['requested_at'], ['delivered_at'], 'requested ≤ delivered');
        break;
      case 'person':
        order(ctx, r, ['joined'], ['left'], 'joined ≤ left');
        break;
      // calendar: from ≤ to is checked by calendar-consistency
      case 'contract': {
        const periods = (d.service_periods as { start: string; end: string }[] | undefined) ?? [];
        periods.forEach((p, i) => {
          order(ctx, r, ['service_periods', i, 'start'], ['service_periods', i, 'end'], 'start ≤ end');
          const next = periods[i + 1];
          if (next && parseInstant(next.start) < parseInstant(p.end, { end: true })) {
            ctx.report(r, ['service_periods', i + 1, 'start'], `Unexpected start \`${next.start}\` overlapping the previous period ending \`${p.end}\`, expected periods in order without overlap`);
          }
        });
        break;
      }
      default:
        break;
    }
  }
}

/** Times within a record are in order (reported ≤ responded ≤ resolved; requested ≤ arrived; started ≤ finished …). */
export const timeOrder: RecordRule = { name: 'time-order', description: 'timestamps within a record are in order', check };
