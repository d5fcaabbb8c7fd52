/**
 * Maps a path inside a record (JSON pointer segments) to a line and column
 * of its YAML source: the value node, or the key when asked for.
 */
import { isMap, isSeq, isScalar, type Document, type LineCounter, type Node, type Pair } from 'yaml';

export interface Position {
  line: number;
  column: number;
}

/** Splits an ajv instancePath (`/a/0/b`) into segments. */
export function pointerSegments(pointer: string): string[] {
  if (pointer === '') return [];
  return pointer.slice(1).split('/').map((s) => s.replace(/~1/g, '/').replace(/~0/g, '~'));
}

/** The key of a pair as it lands in the plain JS object (`toJS`): `~` and empty keys are "", others String(value). */
export function keyString(key: unknown): string {
  if (key === null || key === undefined) return '';
  if (isScalar(key)) return key.value === null || key.value === undefined ? '' : String(key.value);
  return String(key);
}

/** Per-mapping index from key to pair, built on the first lookup: locating n fields of a map costs O(n), not O(n²). */
const pairIndex = new WeakMap<object, Map<string, Pair<unknown, unknown>>>();

function pairOf(node: Node | null | undefined, key: string): Pair<unknown, unknown> | undefined {
  if (!isMap(node)) return undefined;
  let index = pairIndex.get(node);
  if (!index) {
    index = new Map();
    for (const p of node.items) {
      const k = keyString(p.key);
      if (!index.has(k)) index.set(k, p as Pair<unknown, unknown>);
    }
    pairIndex.set(node, index);
  }
  return index.get(key);
}

/**
 * Position of the node at `segments`; with `key`, the position of the last
 * segment's key. Falls back to the deepest existing ancestor (its key when
 * possible), then to 1:1.
 */
export function locate(doc: Document, lc: LineCounter, segments: (string | number)[], opts: { key?: boolean } = {}): Position {
  let node: Node | null | undefined = doc.contents as Node | null;
  let best: number | undefined = node?.range?.[0];
  for (let i = 0; i < segments.length; i++) {
    const seg = segments[i]!;
    const last = i === segments.length - 1;
    if (isSeq(node)) {
      const child = node.items[Number(seg)] as Node | undefined;
      if (!child) break;
      node = child;
      best = child.range?.[0] ?? best;
      continue;
    }
    const pair = pairOf(node, String(seg));
    if (!pair) break;
    const keyNode = pair.key as Node | null;
    if (last && opts.key) {
      best = keyNode?.range?.[0] ?? best;
      node = undefined;
      break;
    }
    const valueNode = pair.value as Node | null;
    // a missing value (`key:`) is located at its key
    best = valueNode?.range?.[0] ?? keyNode?.range?.[0] ?? best;
    if (!valueNode) break;
    node = valueNode;
    if (!last) best = keyNode?.range?.[0] ?? best;
    if (last) best = valueNode.range?.[0] ?? best;
  }
  if (best === undefined) return { line: 1, column: 1 };
  const p = lc.linePos(best);
  return { line: p.line, column: p.col };
}
