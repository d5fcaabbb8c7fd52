/**
 * The delivery register as loaded: every `delivery` record of a knowledge
 * base, indexed by the report it hands over (kind + report id), earliest
 * first. A delivery dated after "now" has not happened yet.
 */
import type { Delivery, KnowledgeBase } from '../records/types.js';
import { cstDateOf, formatDate, parseInstant } from '../shared/time.js';

/** A kind of report, as the register and `opsbook report` name it. */
export type DeliveryKind = Delivery['kind'];
/** Every kind, in the order reports are listed. */
export const DELIVERY_KINDS: readonly DeliveryKind[] = ['annual', 'inspection', 'database-inspection', 'maintenance', 'written-reply'];

/** One entry of the register with where it lives and when it happened. */
export interface RegisteredDelivery {
  record: Delivery;
  /** KB-relative path of the delivery record. */
  path: string;
  /** Epoch ms of `delivered_at` (a bare date counts from 00:00 CST). */
  at: number;
}

/** The map key of a report. */
export const reportKey = (kind: string, id: string): string => `${kind}\0${id}`;

const NONE: readonly RegisteredDelivery[] = [];
const cache = new WeakMap<KnowledgeBase, Map<string, RegisteredDelivery[]>>();

/**
 * Every delivery of the KB by report, each list sorted by time then id.
 * Computed once per loaded knowledge base.
 */
export function deliveryIndex(kb: KnowledgeBase): ReadonlyMap<string, readonly RegisteredDelivery[]> {
  let index = cache.get(kb);
  if (index) return index;
  index = new Map();
  for (const r of kb.records) {
    if (r.kind !== 'delivery') continue;
    const record = r.data as Delivery;
    const key = reportKey(record.kind, record.report_id);
    const list = index.get(key) ?? [];
    list.push({ record, path: r.path, at: parseInstant(record.delivered_at) });
    index.set(key, list);
  }
  for (const list of index.values()) list.sort((a, b) => a.at - b.at || (a.record.id < b.record.id ? -1 : 1));
  cache.set(kb, index);
  return index;
}

/** Deliveries of one report (earliest first), optionally only those made by `asOf`. */
export function deliveriesOf(kb: KnowledgeBase, kind: string, id: string, asOf?: number): readonly RegisteredDelivery[] {
  const all = deliveryIndex(kb).get(reportKey(kind, id)) ?? NONE;
  return asOf === undefined || all.every((d) => d.at <= asOf) ? all : all.filter((d) => d.at <= asOf);
}

/** The first hand-over of a report (what the contract's deadlines judge). */
export function firstDelivery(kb: KnowledgeBase, kind: string, id: string, asOf?: number): RegisteredDelivery | undefined {
  return deliveriesOf(kb, kind, id, asOf)[0];
}

/** The last hand-over of a report by `asOf` (the version the hospital holds). */
export function latestDelivery(kb: KnowledgeBase, kind: string, id: string, asOf: number): RegisteredDelivery | undefined {
  const list = deliveriesOf(kb, kind, id, asOf);
  return list[list.length - 1];
}

/** All delivery records of the KB, by path. */
export function allDeliveries(kb: KnowledgeBase): RegisteredDelivery[] {
  return [...deliveryIndex(kb).values()].flat().sort((a, b) => (a.path < b.path ? -1 : 1));
}

/** `YYYY-MM-DD` (CST) of a date or time. */
export function cstDay(text: string): string {
  return /^\d{4}-\d{2}-\d{2}$/.test(text) ? text : formatDate(cstDateOf(parseInstant(text)));
}

/**
 * Whether two hand-over times state the same fact: the same instant when
 * both are times, else the same CST day.
 */
export function sameHandover(a: string, b: string): boolean {
  const date = /^\d{4}-\d{2}-\d{2}$/;
  if (!date.test(a) && !date.test(b)) return parseInstant(a) === parseInstant(b);
  return cstDay(a) === cstDay(b);
}
