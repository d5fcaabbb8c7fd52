/**
 * Quarters and halves of a service period: blocks of N calendar months from
 * the period start (the last block ends on the period end), and the
 * inspections that started in a block.
 */
import type { Inspection } from '../records/types.js';
import { addDays, formatDate, parseDate } from '../shared/time.js';
import { happenedBy, type ResolvedPeriod } from '../sla/index.js';
import { cstDateText } from './build-context.js';
import type { ComplianceContext } from './types.js';

/** One block, dates inclusive (`YYYY-MM-DD`, CST). */
export interface PeriodBlock {
  start: string;
  end: string;
}

/** Adds months to a civil date, clamping the day (01-31 + 1 month → 02-28). */
function addMonths(date: string, n: number): string {
  const d = parseDate(date);
  const total = d.year * 12 + (d.month - 1) + n;
  const year = Math.floor(total / 12);
  const month = (total % 12) + 1;
  const last = new Date(Date.UTC(year, month, 0)).getUTCDate();
  return formatDate({ year, month, day: Math.min(d.day, last) });
}

/**
 * Splits a period into blocks of `months` months.
 * @param period the service period
 * @param months 3 for quarters, 6 for halves
 */
export function periodBlocks(period: ResolvedPeriod, months: number): PeriodBlock[] {
  const out: PeriodBlock[] = [];
  for (let i = 0; i < 40; i++) {
    const start = addMonths(period.start, i * months);
    if (start > period.end) break;
    const nextStart = addMonths(period.start, (i + 1) * months);
    const end = formatDate(addDays(parseDate(nextStart), -1));
    out.push({ start, end: end > period.end ? period.end : end });
  }
  return out;
}

/** Inspections of a type that started within the block, by the as-of time. */
export function inspectionsIn(ctx: ComplianceContext, type: Inspection['type'], block: PeriodBlock): Inspection[] {
  return ctx.kb.inspections.filter((ins) => {
    if (ins.type !== type || !happenedBy(ins.started_at, ctx.asOf)) return false;
    const d = cstDateText(ins.started_at);
    return d >= block.start && d <= block.end;
  });
}
