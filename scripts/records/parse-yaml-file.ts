/**
 * Safe YAML parsing of one record file: invalid UTF-8, empty files, tabs,
 * duplicate keys, alias bombs, several documents and non-mapping documents
 * each become a located diagnostic, never a crash or a hang.
 */
import { Document, LineCounter, isMap, parseAllDocuments, type Node } from 'yaml';
import type { Diagnostic } from '../shared/errors.js';

export interface ParsedYaml {
  /** The document when it parsed and is a mapping; otherwise undefined. */
  doc?: Document.Parsed;
  /** Plain JS value of the document. */
  data?: Record<string, unknown>;
  lineCounter: LineCounter;
  diagnostics: Diagnostic[];
}

/** Alias expansion limit: real records never need more; bombs hit it at once. */
export const MAX_ALIAS_COUNT = 50;

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
    } else column++;
    i += len;
  }
  return { line: 1, column: 1 };
}

/**
 * Parses one YAML file's bytes.
 * @param path path shown in diagnostics (relative to the KB root)
 * @param bytes raw file content
 * @returns the document (if usable) and its diagnostics
 */
export function parseYamlFile(path: string, bytes: Uint8Array): ParsedYaml {
  const lineCounter = new LineCounter();
  const diagnostics: Diagnostic[] = [];
  let text: string;
  try {
    text = decoder.decode(bytes);
  } catch {
    const at = locateInvalidUtf8(bytes);
    diagnostics.push(diag(path, at.line, at.column, 'Unexpected invalid UTF-8 byte sequence, expected a UTF-8 encoded file (save it as UTF-8)', 'yaml-encoding'));
    return { lineCounter, diagnostics };
  }
  if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
  if (text.trim() === '' || /^(\s*#[^\n]*\n?)*\s*$/.test(text)) {
    diagnostics.push(diag(path, 1, 1, 'Unexpected empty file, expected a YAML mapping with at least `id`', 'yaml-empty'));
    return { lineCounter, diagnostics };
  }
  const docs = parseAllDocuments(text, { lineCounter, uniqueKeys: true, prettyErrors: false, strict: true, version: '1.2' });
  const list = Array.isArray(docs) ? docs : [];
  if (!Array.isArray(docs)) {
    diagnostics.push(diag(path, 1, 1, 'Unexpected empty YAML stream, expected one document', 'yaml-empty'));
    return { lineCounter, diagnostics };
  }
  for (const d of list) {
    for (const e of d.errors) {
      const pos = lineCounter.linePos(e.pos[0]);
      diagnostics.push(diag(path, pos.line, pos.col, yamlMessage(e.code, e.message, text, e.pos[0]), 'yaml-syntax'));
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
  if (!isMap(doc.contents)) {
    const node = doc.contents as Node | null;
    const pos = lineCounter.linePos(node?.range?.[0] ?? 0);
    const what = node === null ? 'empty document' : Array.isArray((node as { items?: unknown }).items) ? 'list' : 'scalar';
    diagnostics.push(diag(path, pos.line, pos.col, `Unexpected ${what}, expected a mapping of fields (key: value)`, 'yaml-not-mapping'));
    return { lineCounter, diagnostics };
  }
  let data: unknown;
  try {
    data = doc.toJS({ maxAliasCount: MAX_ALIAS_COUNT });
  } catch (err) {
    const msg = (err as Error).message;
    const alias = /alias/i.test(msg);
    diagnostics.push(diag(path, 1, 1, alias
      ? `Unexpected YAML alias expansion beyond ${MAX_ALIAS_COUNT} nodes, expected plain values (remove the anchors/aliases)`
      : `Unexpected YAML content: ${msg}`, alias ? 'yaml-alias-limit' : 'yaml-syntax'));
    return { lineCounter, diagnostics };
  }
  return { doc, data: data as Record<string, unknown>, lineCounter, diagnostics };
}

/** Rewrites the yaml library's messages in "Unexpected X, expected Y" style. */
function yamlMessage(code: string, message: string, text: string, offset: number): string {
  const first = message.split('\n')[0]!.replace(/ at line \d+, column \d+:?$/, '');
  switch (code) {
    case 'DUPLICATE_KEY': {
      const key = /^\s*([^:\n]+?)\s*:/.exec(text.slice(offset))?.[1];
      return `Unexpected duplicate key${key ? ` \`${key}\`` : ''}, expected each key once per mapping`;
    }
    case 'TAB_AS_INDENT':
      return 'Unexpected tab character in indentation, expected spaces';
    default:
      if (text[offset] === '\t' || /tab/i.test(first)) return 'Unexpected tab character, expected spaces for indentation';
      return `Unexpected YAML syntax: ${first}`;
  }
}
