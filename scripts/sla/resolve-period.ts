/**
 * Service periods: which one a command judges, and which one an instant
 * falls in. Period dates are China Standard Time days, the end inclusive
 * (a period ending 2026-11-30 ends at 2026-12-01T00:00:00+08:00).
 */
import type { Contract } from '../records/types.js';
import { UserError } from '../shared/errors.js';
import { parseInstant } from '../shared/time.js';
import { instantMs } from './parse-memo.js';

/** A service period with its instants. */
export interface ResolvedPeriod {
  id: string;
  /** First day, `YYYY-MM-DD` (CST). */
  start: string;
  /** Last day (inclusive), `YYYY-MM-DD` (CST). */
  end: string;
  /** 00:00 CST of `start` (epoch ms). */
  startMs: number;
  /** 00:00 CST of the day after `end` (epoch ms, exclusive). */
  endMs: number;
  /** Position in `service_periods` (0-based). */
  index: number;
}

/** All periods of the contract with their instants, in contract order. */
export function listPeriods(contract: Pick<Contract, 'service_periods'>): ResolvedPeriod[] {
  return contract.service_periods.map((p, index) => ({
    id: p.id,
    start: p.start,
    end: p.end,
    startMs: parseInstant(p.start),
    endMs: parseInstant(p.end, { end: true }),
    index,
  }));
}

/**
 * The period to judge.
 * @param contract the contract record
 * @param periodId `--period` when given
 * @param asOf epoch ms of "now"
 * @returns the named period; else the one containing `asOf`; else the last one
 *   when `asOf` is past every period, the first one when before every period
 * @throws UserError (exit 2) when `periodId` is unknown, listing the ids
 */
export function resolvePeriod(contract: Pick<Contract, 'service_periods'>, periodId: string | undefined, asOf: number): ResolvedPeriod {
  const periods = listPeriods(contract);
  if (periods.length === 0) throw new UserError('records/contract.yaml: no service_periods, expected at least one');
  if (periodId !== undefined) {
    const p = periods.find((x) => x.id === periodId);
    if (!p) throw new UserError(`Unexpected --period \`${periodId}\`, expected one of ${periods.map((x) => `\`${x.id}\``).join(', ')}`);
    return p;
  }
  const containing = periods.find((p) => asOf >= p.startMs && asOf < p.endMs);
  if (containing) return containing;
  const last = periods.reduce((a, b) => (b.endMs > a.endMs ? b : a));
  if (asOf >= last.endMs) return last;
  const first = periods.reduce((a, b) => (b.startMs < a.startMs ? b : a));
  return asOf < first.startMs ? first : (periods.filter((p) => p.endMs <= asOf).pop() ?? first);
}

/**
 * Whether an instant (a record time such as `reported_at`) falls in a period.
 * @param period the period
 * @param text a date or a time with offset
 */
export function inPeriod(period: ResolvedPeriod, text: string | undefined): boolean {
  if (text === undefined) return false;
  const t = instantMs(text);
  return t >= period.startMs && t < period.endMs;
}
