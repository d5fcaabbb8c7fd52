/**
 * Walks a parsed document the way sops walks its tree (SOPS-FORMAT §4):
 * depth first in document order, mapping keys added to the path, sequences
 * adding nothing. Calls back for every scalar leaf and for every comment
 * holder with the path sops would use as additional data.
 */
import { Document, Scalar, YAMLMap, isMap, isScalar, isSeq } from 'yaml';
import { resolvePlainScalar, SopsValueError, type SopsValue } from './sops-value.js';
import type { ParsedFile, SopsFormat } from './yaml-io.js';
import { positionOf } from './yaml-io.js';
import { SopsError } from './sops-error.js';

/** A node field that holds comment text (lines joined by `\n`, text after `#`). */
export interface CommentSlot {
  holder: { commentBefore?: string | null; comment?: string | null };
  field: 'commentBefore' | 'comment';
  /** Path of the mapping (or list owner) the comment belongs to. */
  path: string[];
}

export interface WalkCallbacks {
  leaf(node: Scalar, path: string[]): void;
  comment?(slot: CommentSlot): void;
  /** Every mapping path met (for comment fallback AADs). */
  mapPath?(path: string[]): void;
}

const TAG_PREFIX = 'tag:yaml.org,2002:';

/**
 * The typed value of a scalar as sops (yaml.v3, or the JSON store) sees it;
 * null for YAML null. Throws SopsError for values sops cannot handle.
 */
export function scalarValue(pf: ParsedFile, node: Scalar): SopsValue | null {
  const text = node.value === null || node.value === undefined ? '' : String(node.value);
  const where = () => ({ file: pf.file, ...positionOf(pf, node) });
  if (pf.format === 'json') return jsonScalarValue(node, text);
  const tag = node.tag ? node.tag.replace(TAG_PREFIX, '!!') : undefined;
  const plain = node.type === 'PLAIN' || node.type === undefined;
  try {
    if (tag === undefined) return plain ? resolvePlainScalar(text) : { type: 'str', value: text };
    if (tag === '!!str') return { type: 'str', value: text };
    const v = resolvePlainScalar(text);
    const want: Record<string, string | null> = { '!!int': 'int', '!!float': 'float', '!!bool': 'bool', '!!timestamp': 'time', '!!null': null };
    if (!(tag in want)) throw new SopsError('format', where(), `Unexpected tag ${node.tag}, sops supports only the standard YAML scalar tags`);
    const expected = want[tag];
    if (expected === null) return null;
    if (expected === 'float' && v?.type === 'int') return { type: 'float', value: Number(v.value) };
    if (v === null || v.type !== expected) throw new SopsError('format', where(), `Unexpected value \`${text}\` for tag ${tag}`);
    return v;
  } catch (err) {
    if (err instanceof SopsValueError) throw new SopsError('format', where(), err.message);
    throw err;
  }
}

function jsonScalarValue(node: Scalar, text: string): SopsValue | null {
  if (node.type !== 'PLAIN') return { type: 'str', value: text };
  if (text === 'null') return null;
  if (text === 'true' || text === 'false') return { type: 'bool', value: text === 'true' };
  return { type: 'float', value: Number(text) };
}

/** Checks a mapping key is a string as sops requires; returns it. */
function keyText(pf: ParsedFile, key: unknown): string {
  if (!isScalar(key)) throw new SopsError('format', { file: pf.file, ...positionOf(pf, key) }, 'Unexpected complex mapping key, expected a string');
  const v = scalarValue(pf, key);
  if (v === null || v.type !== 'str') {
    throw new SopsError('format', { file: pf.file, ...positionOf(pf, key) }, `Unexpected ${v === null ? 'null' : v.type} key \`${String(key.value)}\`, sops needs string keys (quote it)`);
  }
  return v.value;
}

function commentSlots(node: unknown, path: string[], cb: WalkCallbacks): void {
  if (!cb.comment || node === null || typeof node !== 'object') return;
  const h = node as CommentSlot['holder'];
  if (h.commentBefore) cb.comment({ holder: h, field: 'commentBefore', path });
  if (h.comment) cb.comment({ holder: h, field: 'comment', path });
}

function walkValue(pf: ParsedFile, node: unknown, path: string[], ownerPath: string[], cb: WalkCallbacks): void {
  if (isMap(node)) {
    walkMap(pf, node, path, cb);
  } else if (isSeq(node)) {
    commentSlots(node, path, cb);
    for (const item of node.items) walkValue(pf, item, path, path, cb);
  } else if (isScalar(node)) {
    commentSlots(node, ownerPath, cb);
    cb.leaf(node, path);
  } else if (node !== null && node !== undefined) {
    throw new SopsError('format', { file: pf.file, ...positionOf(pf, node) }, 'Unexpected YAML node');
  }
}

function walkMap(pf: ParsedFile, map: YAMLMap, path: string[], cb: WalkCallbacks): void {
  cb.mapPath?.(path);
  commentSlots(map, path, cb);
  for (const pair of map.items) {
    const k = keyText(pf, pair.key);
    commentSlots(pair.key, path, cb);
    const childPath = [...path, k];
    walkValue(pf, pair.value, childPath, path, cb);
  }
}

/** Walks one document (its top-level mapping), comments of the document itself at path []. */
export function walkDocument(pf: ParsedFile, doc: Document, cb: WalkCallbacks): void {
  commentSlots(doc, [], cb);
  walkMap(pf, doc.contents as unknown as YAMLMap, [], cb);
}

/** The additional-data string of a path: keys joined by `:` plus a trailing `:`. */
export function aadOf(path: readonly string[]): string {
  return `${path.join(':')}:`;
}

export type { SopsFormat };
