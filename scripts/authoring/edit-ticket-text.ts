/**
 * `opsbook ticket respond|resolve|notify|onsite`: adds a timestamp to a
 * ticket's YAML *text*. The yaml Document (CST positions) says where; the
 * edit itself is a splice of new lines (or of the one replaced value), so
 * comments, key order, quoting and every byte outside the edited lines stay
 * as they were. The result is re-parsed and compared with the intended data;
 * should a splice ever disagree, the Document API renders it instead.
 */
import { isMap, isSeq, parseDocument, type Document, type Node, type Pair, isScalar } from 'yaml';
import { isDeepStrictEqual } from 'node:util';
import { UserError } from '../shared/errors.js';
import { checkDateTime, parseInstant } from '../shared/time.js';

export type TicketAction = 'respond' | 'resolve' | 'notify' | 'onsite';
export const TICKET_ACTIONS: readonly TicketAction[] = ['respond', 'resolve', 'notify', 'onsite'];
export const NOTIFY_TARGETS = ['product_team', 'senior_manager', 'account_manager'] as const;
export const OUTCOMES = ['resolved', 'workaround', 'unresolvable', 'duplicate'] as const;

export interface TicketEdit {
  action: TicketAction;
  /** Time with offset. */
  at: string;
  /** Replace an existing timestamp. */
  force?: boolean;
  /** notify: whom. */
  to?: string;
  /** resolve: outcome (default resolved). */
  outcome?: string;
  /** onsite: record arrival instead of the request. */
  arrived?: boolean;
}

export interface TicketEditResult {
  text: string;
  /** Fields written, dotted (e.g. onsite.arrived_at). */
  fields: string[];
  /** True when the splice could not be used and the Document API rendered the file. */
  reformatted: boolean;
}

/** Canonical order of a ticket's top-level keys (ticket.schema.json). */
const ORDER = ['id', 'system', 'title', 'description', 'severity', 'severity_changes', 'category', 'channel', 'department', 'module', 'reporter_role', 'reported_at', 'responded_at', 'resolved_at', 'notified', 'onsite', 'outcome'];

type Data = Record<string, unknown>;

function pairOf(map: unknown, key: string): Pair<Node, Node> | undefined {
  if (!isMap(map)) return undefined;
  return map.items.find((p) => isScalar(p.key) && String(p.key.value) === key) as Pair<Node, Node> | undefined;
}

function instant(v: unknown): number | undefined {
  return typeof v === 'string' ? parseInstant(v) : undefined;
}

/** Offset of the start of the line after the one holding `offset - 1` (end of a value). */
function lineAfter(text: string, end: number): number {
  if (end > 0 && text[end - 1] === '\n') return end;
  const nl = text.indexOf('\n', end);
  return nl < 0 ? text.length : nl + 1;
}

function columnOf(text: string, offset: number): number {
  return offset - (text.lastIndexOf('\n', offset - 1) + 1);
}

/** Text splices, applied from the end so offsets stay valid. */
type Splice = { at: number; del: number; insert: string };

function apply(text: string, splices: Splice[]): string {
  let out = text;
  // from the end; at the same offset the later splice goes first, so the earlier one ends up above it
  const ordered = splices.map((s, i) => ({ s, i })).sort((a, b) => b.s.at - a.s.at || b.i - a.i).map((x) => x.s);
  for (const s of ordered) {
    const before = out.slice(0, s.at);
    const needsNl = s.del === 0 && s.at === out.length && before.length > 0 && !before.endsWith('\n');
    out = before + (needsNl ? '\n' : '') + s.insert + out.slice(s.at + s.del);
  }
  return out;
}

/** Where a new top-level key goes: after the last present key that precedes it in schema order. */
function topInsertAt(doc: Document.Parsed, text: string, key: string): number {
  const map = doc.contents;
  if (!isMap(map)) return text.length;
  const want = ORDER.indexOf(key);
  let best: Pair<Node, Node> | undefined;
  for (const p of map.items as Pair<Node, Node>[]) {
    const k = isScalar(p.key) ? String(p.key.value) : '';
    const i = ORDER.indexOf(k);
    if (i >= 0 && i < want) best = p;
  }
  const node = best?.value ?? best?.key;
  return node?.range ? lineAfter(text, node.range[1]) : text.length;
}

function setTop(doc: Document.Parsed, text: string, key: string, value: string, splices: Splice[]): boolean {
  const p = pairOf(doc.contents, key);
  if (p?.value?.range && isScalar(p.value)) {
    splices.push({ at: p.value.range[0], del: p.value.range[1] - p.value.range[0], insert: value });
    return true;
  }
  if (p) return false; // present but not a plain scalar: let the Document API handle it
  splices.push({ at: topInsertAt(doc, text, key), del: 0, insert: `${key}: ${value}\n` });
  return true;
}

/** Checks the edit against the record and returns the intended data. */
function intended(data: Data, e: TicketEdit): { next: Data; fields: string[] } {
  const id = String(data.id ?? '(ticket)');
  const next = structuredClone(data);
  const at = e.at;
  const atMs = parseInstant(at);
  const reported = instant(data.reported_at);
  const responded = instant(data.responded_at);
  const resolved = instant(data.resolved_at);
  const onsite = (data.onsite ?? undefined) as Data | undefined;
  const refuseExisting = (field: string, v: unknown) => {
    if (v !== undefined && !e.force) throw new UserError(`${id}: ${field} is already ${String(v)}; pass --force to replace it`);
  };
  const notBefore = (what: string, ms: number | undefined, label: string) => {
    if (ms !== undefined && atMs < ms) throw new UserError(`${id}: Unexpected ${what} ${at} before ${label}, expected a time at or after it`);
  };
  const notAfter = (what: string, ms: number | undefined, label: string) => {
    if (ms !== undefined && atMs > ms) throw new UserError(`${id}: Unexpected ${what} ${at} after ${label}, expected a time at or before it`);
  };
  switch (e.action) {
    case 'respond':
      refuseExisting('responded_at', data.responded_at);
      notBefore('responded_at', reported, `reported_at ${String(data.reported_at)}`);
      notAfter('responded_at', resolved, `resolved_at ${String(data.resolved_at)}`);
      next.responded_at = at;
      return { next, fields: ['responded_at'] };
    case 'resolve': {
      refuseExisting('resolved_at', data.resolved_at);
      if (responded === undefined) throw new UserError(`${id}: Unexpected resolve before any response, expected \`opsbook ticket respond ${id}\` first`);
      notBefore('resolved_at', reported, `reported_at ${String(data.reported_at)}`);
      notBefore('resolved_at', responded, `responded_at ${String(data.responded_at)}`);
      const outcome = e.outcome ?? 'resolved';
      if (!(OUTCOMES as readonly string[]).includes(outcome)) throw new UserError(`Unexpected --outcome \`${outcome}\`, expected one of ${OUTCOMES.join(', ')}`);
      next.resolved_at = at;
      next.outcome = outcome;
      return { next, fields: ['resolved_at', 'outcome'] };
    }
    case 'notify': {
      if (!e.to || !(NOTIFY_TARGETS as readonly string[]).includes(e.to)) throw new UserError(`Unexpected --to \`${e.to ?? ''}\`, expected one of ${NOTIFY_TARGETS.join(', ')}`);
      notBefore('notification', reported, `reported_at ${String(data.reported_at)}`);
      const list = Array.isArray(data.notified) ? (structuredClone(data.notified) as Data[]) : [];
      const i = list.findIndex((n) => n.to === e.to);
      if (i >= 0) {
        refuseExisting(`notified (${e.to})`, list[i]!.at);
        list[i] = { to: e.to, at };
      } else list.push({ to: e.to, at });
      next.notified = list;
      return { next, fields: ['notified'] };
    }
    case 'onsite': {
      if (e.arrived) {
        if (!onsite?.requested_at) throw new UserError(`${id}: Unexpected arrival without an on-site request, expected \`opsbook ticket onsite ${id} --at …\` (the request) first`);
        refuseExisting('onsite.arrived_at', onsite.arrived_at);
        notBefore('onsite.arrived_at', instant(onsite.requested_at), `onsite.requested_at ${String(onsite.requested_at)}`);
        next.onsite = { ...onsite, arrived_at: at };
        return { next, fields: ['onsite.arrived_at'] };
      }
      refuseExisting('onsite.requested_at', onsite?.requested_at);
      notBefore('onsite.requested_at', reported, `reported_at ${String(data.reported_at)}`);
      notAfter('onsite.requested_at', instant(onsite?.arrived_at), `onsite.arrived_at ${String(onsite?.arrived_at)}`);
      next.onsite = { ...(onsite ?? {}), requested_at: at };
      return { next, fields: ['onsite.requested_at'] };
    }
  }
}

/** The splices for an edit, or null when only the Document API can do it. */
function splicesFor(doc: Document.Parsed, text: string, e: TicketEdit, next: Data): Splice[] | null {
  const s: Splice[] = [];
  const ok = (b: boolean) => (b ? s : null);
  switch (e.action) {
    case 'respond':
      return ok(setTop(doc, text, 'responded_at', e.at, s));
    case 'resolve':
      return ok(setTop(doc, text, 'resolved_at', e.at, s) && setTop(doc, text, 'outcome', String(next.outcome), s));
    case 'notify': {
      const p = pairOf(doc.contents, 'notified');
      const line = (indent: string) => `${indent}- { to: ${e.to}, at: ${e.at} }\n`;
      if (!p) {
        s.push({ at: topInsertAt(doc, text, 'notified'), del: 0, insert: `notified:\n${line('  ')}` });
        return s;
      }
      const seq = p.value;
      if (!isSeq(seq) || seq.flow || !seq.range || seq.items.length === 0) return null;
      const existing = (seq.items as Node[]).find((n) => isMap(n) && pairOf(n, 'to') && String((pairOf(n, 'to')!.value as { value?: unknown })?.value) === e.to);
      if (existing) {
        const atNode = pairOf(existing, 'at')?.value;
        if (!atNode?.range || !isScalar(atNode)) return null;
        s.push({ at: atNode.range[0], del: atNode.range[1] - atNode.range[0], insert: e.at });
        return s;
      }
      const first = seq.items[0] as Node;
      const dash = text.lastIndexOf('-', first.range![0]);
      s.push({ at: lineAfter(text, seq.range[1]), del: 0, insert: line(' '.repeat(columnOf(text, dash))) });
      return s;
    }
    case 'onsite': {
      const key = e.arrived ? 'arrived_at' : 'requested_at';
      const p = pairOf(doc.contents, 'onsite');
      if (!p) {
        s.push({ at: topInsertAt(doc, text, 'onsite'), del: 0, insert: `onsite:\n  ${key}: ${e.at}\n` });
        return s;
      }
      const map = p.value;
      if (!isMap(map) || map.flow || !map.range || map.items.length === 0) return null;
      const inner = pairOf(map, key);
      if (inner?.value?.range && isScalar(inner.value)) {
        s.push({ at: inner.value.range[0], del: inner.value.range[1] - inner.value.range[0], insert: e.at });
        return s;
      }
      const firstKey = (map.items[0] as Pair<Node, Node>).key;
      const indent = ' '.repeat(columnOf(text, firstKey.range![0]));
      // requested_at goes first, arrived_at after the last entry
      const lineStart = text.lastIndexOf('\n', firstKey.range![0] - 1) + 1;
      const where = key === 'requested_at' ? lineStart : lineAfter(text, map.range[1]);
      s.push({ at: where, del: 0, insert: `${indent}${key}: ${e.at}\n` });
      return s;
    }
  }
}

/**
 * Applies a ticket action to the YAML text of a ticket.
 * @throws UserError when the time is malformed, a timestamp exists (without force) or the order of times breaks
 */
export function editTicketText(text: string, e: TicketEdit): TicketEditResult {
  if (checkDateTime(e.at) !== null) throw new UserError(`Unexpected --at \`${e.at}\`, expected a time with offset like 2026-03-14T10:20:00+08:00`);
  const doc = parseDocument(text, { uniqueKeys: true, version: '1.2' });
  if (doc.errors.length || !isMap(doc.contents)) throw new UserError(`Unexpected YAML in the ticket (${doc.errors[0]?.message.split('\n')[0] ?? 'not a mapping'}), expected a valid record; run \`opsbook validate\``);
  const data = doc.toJS() as Data;
  const { next, fields } = intended(data, e);
  const splices = splicesFor(doc, text, e, next);
  if (splices) {
    const out = apply(text, splices);
    const check = parseDocument(out, { uniqueKeys: true, version: '1.2' });
    if (!check.errors.length && isDeepStrictEqual(check.toJS(), next)) return { text: out, fields, reformatted: false };
  }
  // fallback: the Document API keeps comments and order, but may re-flow the edited collection
  for (const f of fields) {
    const path = f.split('.');
    const value = path.reduce<unknown>((v, k) => (v as Data)[k], next);
    doc.setIn(path, f === 'notified' ? doc.createNode(value) : value);
  }
  return { text: doc.toString({ lineWidth: 0 }), fields, reformatted: true };
}
