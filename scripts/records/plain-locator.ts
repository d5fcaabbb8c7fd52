/**
 * Positions for records on the fast path that turn out invalid: the same
 * line scan that vouched for the text (fast-parse.ts plainLines) builds a
 * light tree of where each key, value and list item starts, and `locate`
 * walks it exactly as locate.ts walks a `yaml` Document. A large invalid
 * file (100,000 bad list items) is then located in one linear pass instead
 * of the yaml Document API, which takes seconds per megabyte. Anything the
 * scan is not sure about returns undefined and the caller parses with
 * `yaml`. A property test (plain-locator.test.ts) checks every position
 * against locate.ts.
 */
import { closeFlow, plainLines, plainScalarValue, type PlainLine } from './fast-parse.js';
import type { Position } from './locate.js';
import { positionsOf } from './text-checks.js';

/**
 * Which children of a node are tracked: every one (`'all'`), those named
 * (a map from key or item index to what is wanted below it), or none
 * (`null`: the node is passed over, only its shape is followed). Locating a
 * few paths of a file with 100,000 keys then stores a few nodes, not 100,000.
 */
type Want = Map<string, Want> | 'all' | null;

type PNode =
  | { t: 'map'; pos: number; want: Want; pairs: Map<string, { keyPos: number; value: PNode }> }
  | { t: 'seq'; pos: number; want: Want; count: number; items: Map<number, PNode> }
  | { t: 'scalar'; pos: number };

/** A slot (the value of a key, an item) whose value lines below may give: what is wanted of it, and how to set it. */
interface Slot {
  want: Want | undefined;
  set(v: PNode): void;
}

interface Frame {
  node: Extract<PNode, { t: 'map' | 'seq' }>;
  col: number;
  /** The last key or item of this frame when its value was empty: lines below may give it one. */
  pending?: Slot;
}

/** What is wanted of child `seg` of a node wanting `w`; undefined when the child is not tracked. */
function childWant(w: Want, seg: string): Want | undefined {
  if (w === 'all') return 'all';
  return w === null ? undefined : w.get(seg);
}

/** The slot of a child that is not tracked. */
const UNTRACKED: Slot = { want: undefined, set: () => {} };

/** The JS key of a key's text (quotes removed, plain scalars typed then stringified as toJS does). */
function keyOf(raw: string): string | undefined {
  const q = raw[0];
  if (q === "'") return raw.slice(1, -1).replaceAll("''", "'");
  if (q === '"') return raw.includes('\\') ? undefined : raw.slice(1, -1);
  const v = plainScalarValue(raw);
  return v === null ? undefined : String(v);
}

/** A one-line flow collection (no quotes or comments inside, as plainLines guarantees) as a tree, or undefined. */
function flowTree(text: string, at: number, end: number): PNode | undefined {
  let i = at;
  const skip = () => {
    while (i < end && text.charCodeAt(i) === 0x20) i++;
  };
  const scalarEnd = (stops: string): number => {
    let j = i;
    while (j < end && !stops.includes(text[j]!)) j++;
    return j;
  };
  const node = (): PNode | undefined => {
    skip();
    const c = text[i];
    if (c === '[') {
      const seq: Extract<PNode, { t: 'seq' }> = { t: 'seq', pos: i, want: 'all', count: 0, items: new Map() };
      i++;
      skip();
      if (text[i] === ']') {
        i++;
        return seq;
      }
      for (;;) {
        skip();
        if (text[i] === '[' || text[i] === '{') {
          const child = node();
          if (!child) return undefined;
          seq.items.set(seq.count++, child);
        } else {
          const e = scalarEnd(',]');
          const raw = text.slice(i, e).trimEnd();
          if (raw === '' || /:(?: |$)/.test(raw)) return undefined; // empty items, single-pair maps
          seq.items.set(seq.count++, { t: 'scalar', pos: i });
          i = e;
        }
        skip();
        if (text[i] === ',') {
          i++;
          skip();
          if (text[i] === ']') return undefined; // trailing comma
          continue;
        }
        if (text[i] === ']') {
          i++;
          return seq;
        }
        return undefined;
      }
    }
    if (c === '{') {
      const map: PNode = { t: 'map', pos: i, want: 'all', pairs: new Map() };
      i++;
      skip();
      if (text[i] === '}') {
        i++;
        return map;
      }
      for (;;) {
        skip();
        const keyPos = i;
        const ke = scalarEnd(':,}');
        const key = keyOf(text.slice(i, ke).trimEnd());
        // `a:b` is one plain scalar; only `: ` ends a key here
        if (key === undefined || text[ke] !== ':' || text[ke + 1] !== ' ' || map.pairs.has(key)) return undefined;
        i = ke + 1;
        skip();
        let value: PNode | undefined;
        if (text[i] === '[' || text[i] === '{') value = node();
        else {
          const e = scalarEnd(',}');
          if (text.slice(i, e).trim() === '') return undefined; // `{a: }`: empty values
          value = { t: 'scalar', pos: i };
          i = e;
        }
        if (!value) return undefined;
        map.pairs.set(key, { keyPos, value });
        skip();
        if (text[i] === ',') {
          i++;
          skip();
          if (text[i] === '}') return undefined;
          continue;
        }
        if (text[i] === '}') {
          i++;
          return map;
        }
        return undefined;
      }
    }
    return undefined;
  };
  const tree = node();
  return tree && closeFlow(text, at, end) === i ? tree : undefined;
}

/**
 * The node of an inline value: a scalar (plain, quoted, block header) or a
 * one-line flow collection; a flow collection the tree cannot follow is
 * undefined when `strict`, else located as a whole (at its bracket).
 */
function valueNode(text: string, line: PlainLine, strict: boolean): PNode | undefined {
  const c = text.charCodeAt(line.value);
  if (c !== 0x5b && c !== 0x7b) return { t: 'scalar', pos: line.value };
  return flowTree(text, line.value, line.valueEnd) ?? (strict ? undefined : { t: 'scalar', pos: line.value });
}

type Locator = (segments: (string | number)[], opts?: { key?: boolean }) => Position;

/**
 * Builds the position tree of a plain text (one fastParse accepted), with
 * the nodes `want` asks for. `strict`: anything the scan is not sure about
 * (a key it cannot name, a duplicate, a flow collection it cannot follow,
 * on a tracked node) gives undefined; otherwise such a node is passed over
 * or located as a whole, and a line the tree cannot follow ends it, so a
 * path is located at its nearest ancestor the tree holds.
 */
function buildTree(text: string, want: Want, strict: boolean, targets?: Set<Want>): PNode | undefined {
  let root: Frame | undefined;
  const stack: Frame[] = [];
  // with `targets` (the wanted nodes asked for), the scan ends one content line after the
  // last of them is found (that line may still give it its value): 20 problems at the top
  // of a 1 MiB file are located without reading the rest
  let linesAfter = 0;
  let finished = false;
  const found = (w: Want | undefined) => {
    if (targets && w !== undefined && targets.delete(w) && targets.size === 0) linesAfter = 1;
  };
  // an inline value is whole on its line: whatever is asked below it is found (or is not there)
  const foundBelow = (w: Want | undefined) => {
    if (!targets || !(w instanceof Map)) return;
    for (const c of w.values()) {
      found(c);
      foundBelow(c);
    }
  };
  const newMap = (pos: number, w: Want | undefined): Extract<PNode, { t: 'map' }> => ({ t: 'map', pos, want: w ?? null, pairs: new Map() });
  const newSeq = (pos: number, w: Want | undefined): Extract<PNode, { t: 'seq' }> => ({ t: 'seq', pos, want: w ?? null, count: 0, items: new Map() });
  const ok = plainLines(text, (line) => {
    if (linesAfter > 0 && linesAfter++ > 1) {
      finished = true;
      return false;
    }
    const firstCol = (line.dashes[0] ?? line.key?.start ?? line.value) - line.start;
    if (!root) {
      if (line.dashes.length || !line.key) return false;
      root = { node: newMap(line.key.start, want), col: firstCol };
      stack.push(root);
      found(want);
    }
    // close the frames this line is not inside
    while (stack.length > 1) {
      const top = stack[stack.length - 1]!;
      if (top.col > firstCol || (top.col === firstCol && top.node.t === 'seq' && line.dashes.length === 0)) stack.pop();
      else break;
    }
    let cur = stack[stack.length - 1]!;
    let item: Slot | undefined;
    for (let n = 0; n < line.dashes.length; n++) {
      const d = line.dashes[n]!;
      const col = d - line.start;
      if (n === 0) {
        if (cur.node.t === 'seq' && cur.col === col) {
          // another item of this list
        } else if (cur.pending && col >= cur.col) {
          const seq = newSeq(d, cur.pending.want);
          cur.pending.set(seq);
          cur.pending = undefined;
          cur = { node: seq, col };
          stack.push(cur);
        } else return false;
      } else {
        const seq = newSeq(d, item!.want);
        item!.set(seq);
        cur = { node: seq, col };
        stack.push(cur);
      }
      cur.pending = undefined;
      const seq = cur.node as Extract<PNode, { t: 'seq' }>;
      const index = seq.count++;
      const w = childWant(seq.want, String(index));
      if (w === undefined) item = UNTRACKED;
      else {
        seq.items.set(index, { t: 'scalar', pos: line.emptyAt });
        item = { want: w, set: (v) => seq.items.set(index, v) };
        found(w);
      }
    }
    if (line.key) {
      const kc = line.key.start - line.start;
      if (item) {
        const map = newMap(line.key.start, item.want);
        item.set(map);
        cur = { node: map, col: kc };
        stack.push(cur);
      } else if (cur.node.t !== 'map' || cur.col !== kc) {
        if (!cur.pending || kc <= cur.col) return false;
        const map = newMap(line.key.start, cur.pending.want);
        cur.pending.set(map);
        cur.pending = undefined;
        cur = { node: map, col: kc };
        stack.push(cur);
      }
      const map = cur.node as Extract<PNode, { t: 'map' }>;
      let slot = UNTRACKED;
      if (map.want !== null) {
        const key = keyOf(text.slice(line.key.start, line.key.end));
        if (key === undefined || map.pairs.has(key)) {
          if (strict) return false;
        } else {
          const w = childWant(map.want, key);
          if (w !== undefined) {
            const pair: { keyPos: number; value: PNode } = { keyPos: line.key.start, value: { t: 'scalar', pos: line.emptyAt } };
            map.pairs.set(key, pair);
            slot = { want: w, set: (v) => { pair.value = v; } };
            found(w);
          }
        }
      }
      if (line.value >= 0) {
        if (slot.want !== undefined) {
          const v = valueNode(text, line, strict);
          if (!v) return false;
          slot.set(v);
          foundBelow(slot.want);
        }
        cur.pending = undefined;
      } else cur.pending = slot;
    } else if (item) {
      if (line.value >= 0) {
        if (item.want !== undefined) {
          const v = valueNode(text, line, strict);
          if (!v) return false;
          item.set(v);
          foundBelow(item.want);
        }
      } else cur.pending = item;
    } else return false;
    return true;
  });
  // not strict: a line the tree cannot follow ends it, and what lies below is located at its nearest ancestor
  return (ok || finished || !strict) && root ? root.node : undefined;
}

/** Walks the tree along `segments` exactly as locate.ts walks a `yaml` Document: the offset found. */
function walk(tree: PNode, segments: readonly (string | number)[], opts: { key?: boolean }): number {
  let node: PNode = tree;
  let best = tree.pos;
  for (let i = 0; i < segments.length; i++) {
    const seg = segments[i]!;
    const last = i === segments.length - 1;
    if (node.t === 'seq') {
      const child: PNode | undefined = node.items.get(Number(seg));
      if (!child) break;
      node = child;
      best = child.pos;
      continue;
    }
    if (node.t !== 'map') break;
    const pair = node.pairs.get(String(seg));
    if (!pair) break;
    if (last && opts.key) {
      best = pair.keyPos;
      break;
    }
    node = pair.value;
    best = last ? pair.value.pos : pair.keyPos;
  }
  return best;
}

/**
 * Builds the position tree of a plain text (one fastParse accepted).
 * @returns a locator with locate.ts's semantics, or undefined when unsure
 */
export function plainLocator(text: string): Locator | undefined {
  const tree = buildTree(text, 'all', true);
  if (!tree) return undefined;
  const at = positionsOf(text);
  return (segments, opts = {}) => at(walk(tree, segments, opts));
}

/** One position asked of locateMany: a path inside the record, at its key or its value. */
export interface LocateRequest {
  segments: readonly (string | number)[];
  key?: boolean;
}

/**
 * Positions of a few paths of a plain text in one pass, storing only the
 * nodes on those paths (a file of 100,000 keys with 1,000 problems builds a
 * tree of 1,000 nodes). With `strict`, the positions are exactly locate.ts's
 * or the answer is undefined (unsure); without it there is always an
 * answer, a path the scan cannot follow being located at its nearest
 * ancestor it can.
 */
export function locateMany(text: string, requests: readonly LocateRequest[], strict: boolean): Position[] | undefined {
  const want: Want = new Map();
  const targets = new Set<Want>();
  for (const r of requests) {
    let w: Map<string, Want> = want;
    for (const seg of r.segments) {
      const k = String(seg);
      let next = w.get(k);
      if (!next || next === 'all') w.set(k, (next = new Map()));
      w = next;
    }
    targets.add(w);
  }
  const tree = buildTree(text, want, strict, targets);
  if (!tree) return undefined;
  const offsets = requests.map((r) => walk(tree, r.segments, { key: !!r.key }));
  let last = 0;
  for (const o of offsets) if (o > last) last = o;
  const at = positionsOf(text, last);
  return offsets.map(at);
}
