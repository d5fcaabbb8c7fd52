/**
 * Safe YAML parsing of one record file, with source positions: invalid
 * UTF-8, control characters, empty files, tabs, duplicate keys, tags the
 * record cannot take, undefined or self-referencing aliases, alias bombs,
 * deep nesting, several documents and non-mapping documents each become a
 * located diagnostic, never a crash or a hang. Every step is linear in the
 * size of the file (the `yaml` library's own duplicate-key check compares
 * every key with every other, so keys are checked here with a set).
 */
import { Document, LineCounter, isAlias, isMap, isPair, isScalar, isSeq, parseAllDocuments, type Node } from 'yaml';
import type { Diagnostic } from '../shared/errors.js';
import { keyString, locate } from './locate.js';
import { RAW_CONTROL_CHAR, clip, describeChar, firstControlChar, isBlankOrComments, nestingBeyond, positionsOf } from './text-checks.js';

export interface ParsedYaml {
  /** The document when it parsed and is a mapping; otherwise undefined. */
  doc?: Document.Parsed;
  /** Plain JS value of the document. */
  data?: Record<string, unknown>;
  lineCounter: LineCounter;
  diagnostics: Diagnostic[];
}

/**
 * Largest record file read. Records are a few kilobytes; a data dictionary
 * of a few thousand columns stays well below. Reading a larger file with
 * positions would take seconds, so it is refused unread.
 */
export const MAX_RECORD_BYTES = 1 << 20;

/** Alias expansion limit: real records never need more; bombs hit it at once. */
export const MAX_ALIAS_COUNT = 50;
/** Nesting limit: records are a few levels deep; anything deeper is an attack or an accident. */
export const MAX_DEPTH = 32;
/** Bound of indentation + dashes + open brackets below which the `yaml` library is safe from stack overflow (it fails near 800). */
const MAX_TEXT_NESTING = 128;
/** Problems of one kind gathered per file before giving up (the loader shows the first 20). */
const MAX_REPORTED = 100;

/** Explicit tags a record may carry: the YAML 1.2 core ones (when they resolve). */
const CORE_TAGS = new Set(['str', 'int', 'float', 'bool', 'null', 'map', 'seq'].map((t) => `tag:yaml.org,2002:${t}`));

const decoder = new TextDecoder('utf-8', { fatal: true });

function diag(path: string, line: number, column: number, message: string, rule: string): Diagnostic {
  return { path, line, column, message, rule, severity: 'error' };
}

/** Line and column (in characters) of the first invalid UTF-8 sequence. */
function locateInvalidUtf8(bytes: Uint8Array): { line: number; column: number } {
  let line = 1;
  let column = 1;
  let i = 0;
  while (i < bytes.length) {
    const b = bytes[i]!;
    const len = b < 0x80 ? 1 : b >= 0xc2 && b <= 0xdf ? 2 : b >= 0xe0 && b <= 0xef ? 3 : b >= 0xf0 && b <= 0xf4 ? 4 : 0;
    if (len === 0) return { line, column };
    for (let k = 1; k < len; k++) if (((bytes[i + k] ?? 0) & 0xc0) !== 0x80) return { line, column };
    if (len > 1) {
      try {
        decoder.decode(bytes.subarray(i, i + len));
      } catch {
        return { line, column };
      }
    }
    if (b === 0x0a) {
      line++;
      column = 1;
    } else column += len === 4 ? 2 : 1;
    i += len;
  }
  return { line: 1, column: 1 };
}

/** `!!float` for the core tags, the tag as written otherwise. */
function showTag(tag: string): string {
  return tag.startsWith('tag:yaml.org,2002:') ? `!!${tag.slice('tag:yaml.org,2002:'.length)}` : tag;
}

/** Offset of a node's tag (`!…`), which the node's range does not include. */
function tagOffset(text: string, node: Node): number {
  const start = node.range?.[0] ?? 0;
  let bang = text.lastIndexOf('!', start);
  while (bang > 0 && text[bang - 1] === '!') bang--;
  return bang >= 0 ? bang : start;
}

/** What one linear walk of the document finds. */
interface NodeProblem {
  offset: number;
  message: string;
  rule: string;
}

/**
 * Walks the document once, in source order: duplicate and complex keys,
 * tags, aliases (defined before use, not inside their own anchor), depth.
 */
function inspectNodes(doc: Document.Parsed, text: string): { problems: NodeProblem[]; firstAlias?: number } {
  const problems: NodeProblem[] = [];
  const anchors = new Set<string>();
  const open = new Set<string>();
  let firstAlias: number | undefined;
  const add = (node: Node | null | undefined, message: string, rule: string) => {
    if (problems.length < MAX_REPORTED) problems.push({ offset: node?.range?.[0] ?? 0, message, rule });
  };
  const addAt = (offset: number, message: string, rule: string) => {
    if (problems.length < MAX_REPORTED) problems.push({ offset, message, rule });
  };
  const visit = (node: unknown, depth: number): void => {
    if (problems.length >= MAX_REPORTED || node === null || node === undefined) return;
    if (isAlias(node)) {
      firstAlias ??= node.range?.[0];
      if (open.has(node.source)) add(node, `Unexpected alias \`*${clip(node.source)}\` inside its own anchor \`&${clip(node.source)}\`, expected a value that does not contain itself`, 'yaml-alias');
      else if (!anchors.has(node.source)) add(node, `Unexpected undefined alias \`*${clip(node.source)}\`, expected an anchor \`&${clip(node.source)}\` defined before it (or write the value out)`, 'yaml-alias');
      return;
    }
    const n = node as Node;
    if (depth > MAX_DEPTH) {
      add(n, `Unexpected nesting deeper than ${MAX_DEPTH} levels, expected a record of a few levels (fields, lists of items)`, 'yaml-depth');
      return;
    }
    if (n.tag !== undefined && !CORE_TAGS.has(n.tag)) addAt(tagOffset(text, n), `Unexpected YAML tag \`${clip(showTag(n.tag))}\`, expected a plain value (records take no tags: remove it, and quote the value if it is text)`, 'yaml-tag');
    const anchor = (n as { anchor?: string }).anchor;
    if (anchor) open.add(anchor);
    if (isMap(n)) {
      const keys = new Set<string>();
      for (const pair of n.items) {
        const key = pair.key as Node | null;
        if (key !== null && !isScalar(key) && !isAlias(key)) add(key, 'Unexpected list or mapping as a key, expected a plain key (a field name)', 'yaml-syntax');
        else {
          visit(key, depth + 1);
          const name = keyString(key);
          if (keys.has(name)) add(key, `Unexpected duplicate key \`${clip(name)}\`, expected each key once per mapping`, 'yaml-syntax');
          keys.add(name);
        }
        visit(pair.value, depth + 1);
      }
    } else if (isSeq(n)) {
      for (const item of n.items) visit(isPair(item) ? item.value : item, depth + 1);
    }
    if (anchor) {
      open.delete(anchor);
      anchors.add(anchor);
    }
  };
  visit(doc.contents, 0);
  return { problems, firstAlias };
}

/** Strings holding control characters (after escapes are decoded), with their path. */
function controlCharsInValues(data: unknown): { segments: (string | number)[]; char: string; key: boolean }[] {
  const out: { segments: (string | number)[]; char: string; key: boolean }[] = [];
  const seen = new Set<object>();
  const walk = (v: unknown, at: (string | number)[]): void => {
    if (out.length >= MAX_REPORTED) return;
    if (typeof v === 'string') {
      const c = firstControlChar(v);
      if (c !== undefined) out.push({ segments: at, char: c, key: false });
      return;
    }
    if (v === null || typeof v !== 'object' || seen.has(v)) return;
    seen.add(v);
    if (Array.isArray(v)) v.forEach((x, i) => walk(x, [...at, i]));
    else {
      for (const [k, x] of Object.entries(v)) {
        const c = firstControlChar(k);
        if (c !== undefined) out.push({ segments: [...at, k], char: c, key: true });
        walk(x, [...at, k]);
      }
    }
  };
  walk(data, []);
  return out;
}

/**
 * The checks of a record file that need no YAML parse: size, UTF-8, control
 * characters, nesting bound, emptiness (each linear).
 * @returns the text to parse, or the diagnostics that end the check
 */
export function precheckYaml(path: string, bytes: Uint8Array): { text: string } | { diagnostics: Diagnostic[] } {
  const diagnostics: Diagnostic[] = [];
  if (bytes.length > MAX_RECORD_BYTES) {
    diagnostics.push(diag(path, 1, 1, `Unexpected file of ${(bytes.length / 2 ** 20).toFixed(1)} MiB, expected a record of at most ${MAX_RECORD_BYTES / 2 ** 20} MiB (split it, or move long text into docs/)`, 'yaml-size'));
    return { diagnostics };
  }
  let text: string;
  try {
    text = decoder.decode(bytes);
  } catch {
    const at = locateInvalidUtf8(bytes);
    diagnostics.push(diag(path, at.line, at.column, 'Unexpected invalid UTF-8 byte sequence, expected a UTF-8 encoded file (save it as UTF-8)', 'yaml-encoding'));
    return { diagnostics };
  }
  if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
  // characters that have no place in a record, at their exact position (pasted from another program)
  const at = positionsOf(text);
  RAW_CONTROL_CHAR.lastIndex = 0;
  for (let m = RAW_CONTROL_CHAR.exec(text); m && diagnostics.length < MAX_REPORTED; m = RAW_CONTROL_CHAR.exec(text)) {
    const p = at(m.index);
    const what = m[0] === '\r' ? 'carriage return without a line feed (an old Mac line ending)' : `control character ${describeChar(m[0])}`;
    diagnostics.push(diag(path, p.line, p.column, `Unexpected ${what}, expected printable text with LF or CRLF line endings (remove it; it often comes from pasting)`, 'yaml-control-char'));
  }
  if (diagnostics.length > 0) return { diagnostics };
  const tooDeep = nestingBeyond(text, MAX_TEXT_NESTING);
  if (tooDeep >= 0) {
    const p = at(tooDeep);
    diagnostics.push(diag(path, p.line, p.column, `Unexpected nesting deeper than ${MAX_TEXT_NESTING} levels (indentation, list dashes and open brackets), expected a record of a few levels`, 'yaml-depth'));
    return { diagnostics };
  }
  if (isBlankOrComments(text)) {
    diagnostics.push(diag(path, 1, 1, 'Unexpected empty file, expected a YAML mapping with at least `id`', 'yaml-empty'));
    return { diagnostics };
  }
  return { text };
}

/**
 * Parses one YAML file's bytes.
 * @param path path shown in diagnostics (relative to the KB root)
 * @param bytes raw file content
 * @returns the document (if usable) and its diagnostics
 */
export function parseYamlFile(path: string, bytes: Uint8Array): ParsedYaml {
  const lineCounter = new LineCounter();
  const pre = precheckYaml(path, bytes);
  if ('diagnostics' in pre) return { lineCounter, diagnostics: pre.diagnostics };
  const { text } = pre;
  const diagnostics: Diagnostic[] = [];
  const docs = parseAllDocuments(text, { lineCounter, uniqueKeys: false, prettyErrors: false, strict: true, version: '1.2' });
  if (!Array.isArray(docs) || docs.length === 0) {
    diagnostics.push(diag(path, 1, 1, 'Unexpected empty YAML stream, expected one document', 'yaml-empty'));
    return { lineCounter, diagnostics };
  }
  const list = docs;
  const seen = new Set<string>();
  for (const d of list) {
    for (const e of d.errors) {
      const pos = lineCounter.linePos(e.pos[0]);
      const message = yamlMessage(e.code, e.message, text, e.pos[0]);
      const key = `${pos.line}:${pos.col}:${message}`;
      if (seen.has(key) || seen.size >= MAX_REPORTED) continue;
      seen.add(key);
      diagnostics.push(diag(path, pos.line, pos.col, message, 'yaml-syntax'));
    }
  }
  if (diagnostics.length > 0) return { lineCounter, diagnostics };
  if (list.length > 1) {
    const second = list[1]!;
    const pos = lineCounter.linePos(second.range[0]);
    diagnostics.push(diag(path, pos.line, pos.col, 'Unexpected second YAML document, expected one record per file', 'yaml-multi-document'));
    return { lineCounter, diagnostics };
  }
  const doc = list[0]!;
  const version = doc.directives?.yaml;
  if (version?.explicit && version.version !== '1.2') {
    diagnostics.push(diag(path, 1, 1, `Unexpected \`%YAML ${version.version}\` directive, expected YAML 1.2 (remove the directive)`, 'yaml-syntax'));
    return { lineCounter, diagnostics };
  }
  if (!isMap(doc.contents)) {
    const node = doc.contents as Node | null;
    const pos = lineCounter.linePos(node?.range?.[0] ?? 0);
    const what = node === null ? 'empty document' : isSeq(node) ? 'list' : isAlias(node) ? 'alias' : 'scalar';
    diagnostics.push(diag(path, pos.line, pos.col, `Unexpected ${what}, expected a mapping of fields (key: value)`, 'yaml-not-mapping'));
    return { lineCounter, diagnostics };
  }
  const inspected = inspectNodes(doc, text);
  const flagged = new Set<number>();
  for (const p of inspected.problems) {
    const pos = lineCounter.linePos(p.offset);
    flagged.add(p.offset);
    diagnostics.push(diag(path, pos.line, pos.col, p.message, p.rule));
  }
  for (const w of doc.warnings) {
    if (flagged.has(w.pos[0]) || diagnostics.length >= MAX_REPORTED) continue;
    const pos = lineCounter.linePos(w.pos[0]);
    const tag = w.code === 'TAG_RESOLVE_FAILED' ? /tag: (\S+)/.exec(w.message)?.[1] : undefined;
    diagnostics.push(tag !== undefined
      ? diag(path, pos.line, pos.col, `Unexpected YAML tag \`${showTag(tag)}\` on a value it does not fit, expected a plain value (remove the tag, and quote the value if it is text)`, 'yaml-tag')
      : diag(path, pos.line, pos.col, yamlMessage(w.code, w.message, text, w.pos[0]), 'yaml-syntax'));
  }
  if (diagnostics.length > 0) return { lineCounter, diagnostics };
  let data: unknown;
  try {
    data = doc.toJS({ maxAliasCount: MAX_ALIAS_COUNT });
  } catch (err) {
    const msg = (err as Error).message;
    const alias = /alias/i.test(msg);
    const pos = lineCounter.linePos(alias ? inspected.firstAlias ?? 0 : 0);
    diagnostics.push(diag(path, pos.line, pos.col, alias
      ? `Unexpected YAML alias expansion beyond ${MAX_ALIAS_COUNT} nodes, expected plain values (remove the anchors/aliases)`
      : `Unexpected YAML content: ${msg}`, alias ? 'yaml-alias-limit' : 'yaml-syntax'));
    return { lineCounter, diagnostics };
  }
  for (const c of controlCharsInValues(data)) {
    const pos = locate(doc, lineCounter, c.segments, { key: c.key });
    diagnostics.push(diag(path, pos.line, pos.column, `Unexpected control character ${describeChar(c.char)} in ${c.key ? 'a key' : 'a value'} (written as an escape), expected printable text`, 'yaml-control-char'));
  }
  if (diagnostics.length > 0) return { lineCounter, diagnostics };
  return { doc, data: data as Record<string, unknown>, lineCounter, diagnostics };
}

/** Rewrites the yaml library's messages in "Unexpected X, expected Y" style. */
function yamlMessage(code: string, message: string, text: string, offset: number): string {
  const first = message.split('\n')[0]!.replace(/ at line \d+, column \d+:?$/, '');
  switch (code) {
    case 'TAB_AS_INDENT':
      return 'Unexpected tab character in indentation, expected spaces';
    case 'RESOURCE_EXHAUSTION':
      return `Unexpected nesting deeper than the YAML reader can follow, expected a record of a few levels`;
    default:
      if (text[offset] === '\t' || /tab/i.test(first)) return 'Unexpected tab character, expected spaces for indentation';
      return `Unexpected YAML syntax: ${first}`;
  }
}

