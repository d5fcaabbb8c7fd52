/**
 * Parsing and writing the documents sops works on, with the `yaml` package's
 * Document API so order, comments and positions survive. Scalars are parsed
 * with the failsafe schema (every value a string plus its style) and typed
 * later by yaml.v3 rules (sops-value.ts). JSON files go through the same AST.
 */
import { Document, LineCounter, Scalar, YAMLMap, YAMLSeq, isAlias, isMap, isNode, isPair, isScalar, isSeq, parseAllDocuments, visit } from 'yaml';
import type { Node as YamlNode } from 'yaml';
import { SopsError } from './sops-error.js';

export type SopsFormat = 'yaml' | 'json';

/** Format from a file name (sops: `.json` is JSON, everything else YAML here). */
export function formatOf(file: string): SopsFormat {
  return /\.json$/i.test(file) ? 'json' : 'yaml';
}

/** Parsed documents plus what is needed to report positions. */
export interface ParsedFile {
  docs: Document[];
  lines: LineCounter;
  format: SopsFormat;
  file: string;
}

/** 1-based line/column of a node (0/0 when unknown). */
export function positionOf(pf: ParsedFile, node: unknown): { line: number; column: number } {
  const range = isNode(node) ? node.range : undefined;
  if (!range) return { line: 0, column: 0 };
  const p = pf.lines.linePos(range[0]);
  return { line: p.line, column: p.col };
}

/**
 * Parses YAML (all documents) or JSON. Aliases are expanded into copies and
 * anchors dropped, as sops does. Throws SopsError on a syntax error,
 * duplicate keys or a top level that is not a mapping.
 */
export function parseFile(text: string, file: string, format: SopsFormat): ParsedFile {
  const lines = new LineCounter();
  const docs = parseAllDocuments(text, { schema: 'failsafe', lineCounter: lines, uniqueKeys: true, keepSourceTokens: false }) as Document[] | { errors: unknown[] };
  if (!Array.isArray(docs)) throw new SopsError('format', { file }, 'Unexpected content, expected YAML documents');
  const pf: ParsedFile = { docs, lines, format, file };
  if (format === 'json' && docs.length !== 1) throw new SopsError('format', { file, line: 1, column: 1 }, 'Unexpected content, expected one JSON object');
  for (const doc of docs) {
    const err = doc.errors[0];
    if (err) {
      const pos = err.linePos?.[0];
      throw new SopsError('format', { file, line: pos?.line ?? 0, column: pos?.col ?? 0 }, `Unexpected YAML: ${err.message.split('\n')[0]}`);
    }
    checkAliasExpansion(pf, doc);
    visit(doc, {
      Alias(_key, node) {
        const target = node.resolve(doc);
        if (!target) throw new SopsError('format', { file, ...positionOf(pf, node) }, `Unexpected alias *${node.source} without anchor`);
        return target.clone() as YamlNode;
      },
    });
    visit(doc, {
      Node(_key, node) {
        if ('anchor' in node && node.anchor) node.anchor = undefined;
      },
    });
    if (doc.contents === null || (isScalar(doc.contents) && (doc.contents.value === '' || doc.contents.value === null))) {
      const empty = new YAMLMap();
      doc.contents = empty as unknown as typeof doc.contents;
    }
    if (!isMap(doc.contents)) {
      throw new SopsError('format', { file, ...positionOf(pf, doc.contents) }, 'Unexpected top level, expected a mapping (sops supports only mapping documents)');
    }
  }
  return pf;
}

/** Most aliases a document may hold (sops files hold none: sops expands them). */
export const MAX_ALIASES = 1000;
/** Most nodes a document may expand to once aliases are copied (an "alias bomb" expands exponentially). */
export const MAX_EXPANDED_NODES = 200_000;

/** Refuses documents whose aliases would expand beyond MAX_EXPANDED_NODES, before anything is copied. */
function checkAliasExpansion(pf: ParsedFile, doc: Document): void {
  let aliases = 0;
  visit(doc, {
    Alias(_k, node) {
      aliases += 1;
      if (aliases > MAX_ALIASES) throw new SopsError('format', { file: pf.file, ...positionOf(pf, node) }, `Unexpected YAML with more than ${MAX_ALIASES} aliases`);
    },
  });
  if (aliases === 0) return;
  const anchors = new Map<string, unknown>();
  const memo = new Map<unknown, number>();
  const cap = MAX_EXPANDED_NODES + 1;
  // Anchors are defined before use: walking in document order, an alias
  // refers to the latest node with that anchor seen so far.
  const size = (node: unknown): number => {
    if (node === null || node === undefined) return 1;
    const known = memo.get(node);
    if (known !== undefined) return known;
    let n = 1;
    if (isAlias(node)) {
      const target = anchors.get(node.source);
      n = target === undefined ? 1 : size(target);
    } else {
      if (isNode(node) && 'anchor' in node && node.anchor) anchors.set(node.anchor, node);
      if (isMap(node) || isSeq(node)) {
        for (const it of node.items as unknown[]) {
          if (isPair(it)) n += size(it.key) + size(it.value);
          else n += size(it);
          if (n >= cap) break;
        }
      }
    }
    n = Math.min(n, cap);
    memo.set(node, n);
    return n;
  };
  if (size(doc.contents) >= cap) {
    throw new SopsError('format', { file: pf.file, ...positionOf(pf, doc.contents) }, `Unexpected YAML whose aliases expand to more than ${MAX_EXPANDED_NODES} nodes (an alias bomb)`);
  }
}

/**
 * Line/column of the next `#<comment>` in the raw text after `cursor.from`
 * (the `yaml` package keeps comment text, not its position); 1:1 when not found.
 */
export function locateComment(text: string, comment: string, cursor: { from: number }): { line: number; column: number } {
  let i = text.indexOf(`#${comment}`, cursor.from);
  if (i === -1) i = text.indexOf(`#${comment}`);
  if (i === -1) return { line: 1, column: 1 };
  cursor.from = i + 1;
  let line = 1;
  let start = 0;
  for (let j = text.indexOf('\n'); j !== -1 && j < i; j = text.indexOf('\n', j + 1)) {
    line++;
    start = j + 1;
  }
  return { line, column: i - start + 1 };
}

/** The top-level mapping of a document (parseFile guarantees it). */
export function rootMap(doc: Document): YAMLMap {
  return doc.contents as unknown as YAMLMap;
}

/** Makes every collection block style (as sops writes it). */
export function blockStyle(doc: Document): void {
  visit(doc, {
    Map(_k, m) { m.flow = false; },
    Seq(_k, s) { s.flow = false; },
  });
}

/** Writes the documents as YAML (multi-document with `---`) or as JSON (tab-indented, like sops). */
export function serialize(pf: ParsedFile): string {
  if (pf.format === 'json') return `${jsonOf(rootMap(pf.docs[0]!), '')}\n`;
  return pf.docs
    .map((doc, i) => {
      const t = doc.toString({ lineWidth: 0, indent: 2, indentSeq: true });
      const body = t.replace(/^---\n/, '');
      return i === 0 ? body : `---\n${body}`;
    })
    .join('');
}

/** JSON text of a node; scalars carry their JSON kind in `type` (QUOTE_DOUBLE = string). */
function jsonOf(node: unknown, indent: string): string {
  const inner = `${indent}\t`;
  if (isMap(node)) {
    if (node.items.length === 0) return '{}';
    const parts = node.items.map((p) => `${inner}${JSON.stringify(String((p.key as Scalar).value))}: ${jsonOf(p.value, inner)}`);
    return `{\n${parts.join(',\n')}\n${indent}}`;
  }
  if (isSeq(node)) {
    if (node.items.length === 0) return '[]';
    return `[\n${node.items.map((it) => `${inner}${jsonOf(it, inner)}`).join(',\n')}\n${indent}]`;
  }
  if (isScalar(node)) {
    const v = node.value;
    if (v === null || v === undefined) return 'null';
    if (node.type === 'PLAIN') return String(v);
    return JSON.stringify(String(v));
  }
  if (node === null || node === undefined) return 'null';
  if (isPair(node) || isAlias(node)) throw new Error('internal: unexpected node in JSON output');
  return 'null';
}

export { Scalar, YAMLMap, YAMLSeq };
