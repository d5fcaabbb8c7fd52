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

type PNode =
  | { t: 'map'; pos: number; pairs: Map<string, { keyPos: number; value: PNode }> }
  | { t: 'seq'; pos: number; items: PNode[] }
  | { t: 'scalar'; pos: number };

interface Frame {
  node: Extract<PNode, { t: 'map' | 'seq' }>;
  col: number;
  /** The last key or item of this frame when its value was empty: lines below may give it one. */
  pending?: (v: PNode) => void;
}

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
      const seq: PNode = { t: 'seq', pos: i, items: [] };
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
          seq.items.push(child);
        } else {
          const e = scalarEnd(',]');
          const raw = text.slice(i, e).trimEnd();
          if (raw === '' || /:(?: |$)/.test(raw)) return undefined; // empty items, single-pair maps
          seq.items.push({ t: 'scalar', pos: i });
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
      const map: PNode = { t: 'map', pos: i, pairs: new Map() };
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

/** The node of an inline value: a scalar (plain, quoted, block header) or a one-line flow collection. */
function valueNode(text: string, line: PlainLine): PNode | undefined {
  const c = text.charCodeAt(line.value);
  return c === 0x5b || c === 0x7b ? flowTree(text, line.value, line.valueEnd) : { t: 'scalar', pos: line.value };
}

/**
 * Builds the position tree of a plain text (one fastParse accepted).
 * @returns a locator with locate.ts's semantics, or undefined when unsure
 */
export function plainLocator(text: string): ((segments: (string | number)[], opts?: { key?: boolean }) => Position) | undefined {
  let root: Frame | undefined;
  const stack: Frame[] = [];
  let ok = plainLines(text, (line) => {
    const firstCol = (line.dashes[0] ?? line.key?.start ?? line.value) - line.start;
    if (!root) {
      if (line.dashes.length || !line.key) return false;
      root = { node: { t: 'map', pos: line.key.start, pairs: new Map() }, col: firstCol };
      stack.push(root);
    }
    // close the frames this line is not inside
    while (stack.length > 1) {
      const top = stack[stack.length - 1]!;
      if (top.col > firstCol || (top.col === firstCol && top.node.t === 'seq' && line.dashes.length === 0)) stack.pop();
      else break;
    }
    let cur = stack[stack.length - 1]!;
    let setItem: ((v: PNode) => void) | undefined;
    for (const [n, d] of line.dashes.entries()) {
      const col = d - line.start;
      if (n === 0) {
        if (cur.node.t === 'seq' && cur.col === col) {
          // another item of this list
        } else if (cur.pending && col >= cur.col) {
          const seq: PNode = { t: 'seq', pos: d, items: [] };
          cur.pending(seq);
          cur.pending = undefined;
          cur = { node: seq, col };
          stack.push(cur);
        } else return false;
      } else {
        const seq: PNode = { t: 'seq', pos: d, items: [] };
        setItem!(seq);
        cur = { node: seq, col };
        stack.push(cur);
      }
      cur.pending = undefined;
      const items = (cur.node as Extract<PNode, { t: 'seq' }>).items;
      const index = items.length;
      items.push({ t: 'scalar', pos: line.emptyAt });
      setItem = (v) => {
        items[index] = v;
      };
    }
    if (line.key) {
      const kc = line.key.start - line.start;
      if (setItem) {
        const map: PNode = { t: 'map', pos: line.key.start, pairs: new Map() };
        setItem(map);
        cur = { node: map, col: kc };
        stack.push(cur);
      } else if (cur.node.t !== 'map' || cur.col !== kc) {
        if (!cur.pending || kc <= cur.col) return false;
        const map: PNode = { t: 'map', pos: line.key.start, pairs: new Map() };
        cur.pending(map);
        cur.pending = undefined;
        cur = { node: map, col: kc };
        stack.push(cur);
      }
      const key = keyOf(text.slice(line.key.start, line.key.end));
      const pairs = (cur.node as Extract<PNode, { t: 'map' }>).pairs;
      if (key === undefined || pairs.has(key)) return false;
      const pair: { keyPos: number; value: PNode } = { keyPos: line.key.start, value: { t: 'scalar', pos: line.emptyAt } };
      pairs.set(key, pair);
      if (line.value >= 0) {
        const v = valueNode(text, line);
        if (!v) return false;
        pair.value = v;
        cur.pending = undefined;
      } else {
        cur.pending = (v) => {
          pair.value = v;
        };
      }
    } else if (setItem) {
      if (line.value >= 0) {
        const v = valueNode(text, line);
        if (!v) return false;
        setItem(v);
      } else cur.pending = setItem;
    } else return false;
    return true;
  });
  if (!root) ok = false;
  if (!ok) return undefined;
  const tree = root!.node;
  const at = positionsOf(text);
  return (segments, opts = {}) => {
    let node: PNode | undefined = tree;
    let best = tree.pos;
    for (let i = 0; i < segments.length; i++) {
      const seg = segments[i]!;
      const last = i === segments.length - 1;
      if (node.t === 'seq') {
        const child: PNode | undefined = node.items[Number(seg)];
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
    return at(best);
  };
}
