/**
 * The two halves of validation, shared by the loader (whole KB) and by
 * authoring (one record's text before it is written): checking one file
 * (safe YAML, forgiving normalisation, the kind's schema) and running the
 * cross-record rules over a set of records.
 */
import type { Diagnostic } from '../shared/errors.js';
import { fastParse } from './fast-parse.js';
import { formatAjvErrors } from './format-ajv-errors.js';
import { locate } from './locate.js';
import { normalizeRecord } from './normalize.js';
import { MAX_RECORD_BYTES, parseYamlFile } from './parse-yaml-file.js';
import { KINDS, type RecordKind } from './registry.js';
import { RULES } from './rules/index.js';
import type { RuleContext } from './rules/types.js';
import { isValidKind, readSchemas, validateKind } from './schema-validator.js';
import type { LoadedRecord } from './types.js';

let schemaCache: { kinds: Map<string, Record<string, unknown>>; common: Record<string, unknown> } | undefined;
function schemas() {
  if (!schemaCache) {
    const all = readSchemas();
    schemaCache = { kinds: all, common: all.get('common.schema.json') ?? {} };
  }
  return schemaCache;
}

function diag(path: string, pos: { line: number; column: number }, message: string, rule: string, severity: 'error' | 'warning' = 'error'): Diagnostic {
  return { path, line: pos.line, column: pos.column, message, rule, severity };
}

export interface FileCheck {
  /** The record when it parsed and matches its schema. */
  record?: LoadedRecord;
  diagnostics: Diagnostic[];
}

const utf8 = new TextDecoder('utf-8', { fatal: true });

/**
 * The fast path: plain YAML read by js-yaml, accepted only when it needs no
 * message at all (no normalisation warning, schema-valid). Anything else
 * returns undefined and is checked again on the positional path, so every
 * problem still gets its line and column.
 */
function fastCheck(kind: RecordKind, bytes: Uint8Array): Record<string, unknown> | undefined {
  if (bytes.length > MAX_RECORD_BYTES) return undefined;
  let text: string;
  try {
    text = utf8.decode(bytes);
  } catch {
    return undefined;
  }
  const data = fastParse(text.charCodeAt(0) === 0xfeff ? text.slice(1) : text);
  if (!data || normalizeRecord(kind, data).length > 0 || !isValidKind(kind, data)) return undefined;
  return data;
}

/** A locator that parses the bytes with positions only when a position is asked for. */
function locatorOf(rel: string, bytes: Uint8Array): LoadedRecord['locate'] {
  let parsed: ReturnType<typeof parseYamlFile> | undefined;
  return (segments, o = {}) => {
    parsed ??= parseYamlFile(rel, bytes);
    return parsed.doc ? locate(parsed.doc, parsed.lineCounter, segments, o) : { line: 1, column: 1 };
  };
}

/**
 * Checks one record file: the fast path for plain, valid records; the
 * positional path (yaml Document API) for everything else.
 * @param rel KB-relative path (for messages and the record)
 * @param kind the kind its folder implies
 * @param bytes file content
 * @param locator how the record locates fields later (default: parse the bytes again on demand)
 */
export function checkRecordFile(rel: string, kind: RecordKind, bytes: Uint8Array, locator?: LoadedRecord['locate']): FileCheck {
  const fast = fastCheck(kind, bytes);
  if (fast) return { record: { kind, id: String(fast.id), path: rel, data: fast as never, locate: locator ?? locatorOf(rel, bytes) }, diagnostics: [] };
  return checkRecordFileWithPositions(rel, kind, bytes, locator);
}

/** The positional path alone (tests compare it with the fast path). */
export function checkRecordFileWithPositions(rel: string, kind: RecordKind, bytes: Uint8Array, locator?: LoadedRecord['locate']): FileCheck {
  const parsed = parseYamlFile(rel, bytes);
  const diagnostics = [...parsed.diagnostics];
  const { doc, data, lineCounter } = parsed;
  if (!doc || !data) return { diagnostics };
  for (const w of normalizeRecord(kind, data)) diagnostics.push(diag(rel, locate(doc, lineCounter, w.segments), w.message, 'quote-value', 'warning'));
  const errors = validateKind(kind, data);
  if (errors.length) {
    const { kinds, common } = schemas();
    for (const issue of formatAjvErrors(errors, data, kinds.get(KINDS[kind].schema) ?? {}, common)) {
      diagnostics.push(diag(rel, locate(doc, lineCounter, issue.segments, { key: issue.atKey }), issue.message, 'schema'));
    }
    return { diagnostics };
  }
  const own: LoadedRecord['locate'] = (segments, o = {}) => locate(doc, lineCounter, segments, o);
  return { record: { kind, id: String(data.id), path: rel, data: data as never, locate: locator ?? own }, diagnostics };
}

/**
 * Runs every cross-record rule.
 * @param records schema-valid records to judge (and to judge against)
 * @param knownIds every id of the KB with its kind (may include files not loaded)
 * @param only report only for these records (default: all)
 */
export function runRules(records: readonly LoadedRecord[], knownIds: ReadonlyMap<string, { kind: RecordKind; path: string }>, only?: (r: LoadedRecord) => boolean): Diagnostic[] {
  const out: Diagnostic[] = [];
  const byId = new Map<string, LoadedRecord>();
  for (const r of records) if (!byId.has(r.id)) byId.set(r.id, r);
  let rule = '';
  const ctx: RuleContext = {
    records,
    byId,
    knownIds,
    report(record, segments, message, o = {}) {
      if (only && !only(record)) return;
      out.push(diag(record.path, record.locate(segments, { key: !!o.key }), message, rule, o.severity ?? 'error'));
    },
  };
  for (const r of RULES) {
    rule = r.name;
    r.check(ctx);
  }
  return out;
}
