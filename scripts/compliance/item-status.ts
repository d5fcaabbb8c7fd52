/**
 * Combining the statuses of the items judged under one clause, and small
 * helpers shared by the evaluators (the wording of findings is in
 * finding-text.ts).
 */
import { CLAUSE_STATUS_LABEL } from '../shared/labels.js';
import type { ClauseStatus } from './types.js';

const RANK: ClauseStatus[] = ['breached', 'at-risk', 'pending', 'manual', 'met', 'n/a'];

/**
 * The clause status from its items: any breached → breached; else any
 * at-risk → at-risk; else any pending → pending; else any manual → manual;
 * else met; no items → `empty` (default n/a).
 */
export function combineStatus(items: readonly ClauseStatus[], empty: ClauseStatus = 'n/a'): ClauseStatus {
  if (items.length === 0) return empty;
  for (const s of RANK) if (items.includes(s)) return s === 'n/a' ? empty : s;
  return empty;
}

/** Counts statuses as a Chinese summary fragment: 达标 3、违约 1、未到期 2. */
export function countSummary(items: readonly ClauseStatus[]): string {
  const order: ClauseStatus[] = ['met', 'breached', 'at-risk', 'pending', 'manual'];
  return order.map((s) => [CLAUSE_STATUS_LABEL[s], items.filter((x) => x === s).length] as const).filter(([, n]) => n > 0).map(([l, n]) => `${l} ${n}`).join('、') || '无';
}

/** True for a non-empty trimmed string. */
export function filled(x: string | undefined | null): boolean {
  return typeof x === 'string' && x.trim().length > 0;
}
