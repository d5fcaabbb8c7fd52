/**
 * The two halves of validation, shared by the loader (whole KB) and by
 * authoring (one record's text before it is written): checking one file
 * (safe YAML, forgiving normalisation, the kind's schema) and running the
 * cross-record rules over a set of records.
 */
import { isUtf8 } from 'node:buffer';
import type { Diagnostic } from '../shared/errors.js';
import { moreProblems } from './cap-diagnostics.js';
import { fastParseExplained } from './fast-parse.js';
import { positionsOf } from './text-checks.js';
import { plainLocator } from './plain-locator.js';
import { formatAjvErrors } from './format-ajv-errors.js';
import { locate } from './locate.js';
import { normalizeRecord, type NormalizeWarning } from './normalize.js';
import { MAX_RECORD_BYTES, parseYamlFile, precheckYaml } from './parse-yaml-file.js';
import { KINDS, type RecordKind } from './registry.js';
import { RULES } from './rules/index.js';
import type { RuleContext } from './rules/types.js';
import type { ErrorObject } from 'ajv';
import { readSchemas, schemaErrors } from './schema-validator.js';
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

type Locate = LoadedRecord['locate'];

/**
 * The fast path: plain YAML read by js-yaml. A valid record needs no
 * position at all; an invalid one is located by the same line scan that
 * vouched for its text (plain-locator.ts). `undefined` means "take the
 * positional path" (the yaml Document API).
 */
function fastCheck(rel: string, kind: RecordKind, bytes: Uint8Array, locator: Locate | undefined): FileCheck | undefined {
  if (bytes.length > MAX_RECORD_BYTES) return undefined;
  if (!isUtf8(bytes)) return undefined;
  let text = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('utf8');
  if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
  const fast = fastParseExplained(text);
  if (!('data' in fast)) return bytes.length > POSITIONAL_MAX_BYTES ? tooLargeForPositions(rel, bytes, text, fast) : undefined;
  const data = fast.data;
  const warnings = normalizeRecord(kind, data);
  const errors = schemaErrors(kind, data);
  if (warnings.length === 0 && errors.length === 0) {
    return { record: { kind, id: String(data.id), path: rel, data: data as never, locate: locator ?? locatorOf(rel, bytes) }, diagnostics: [] };
  }
  const at = plainLocator(text);
  return at ? judge(rel, kind, data, warnings, at, locator, errors) : undefined;
}

/**
 * Largest file read with the yaml Document API, which takes about a second
 * per megabyte. Larger files must be plain YAML (the fast path reads and
 * locates them in one pass); otherwise the first construct beyond plain
 * YAML is reported where it is.
 */
export const POSITIONAL_MAX_BYTES = 256 * 1024;
/** Schema errors spelled out per file (the loader shows 20); the rest are counted. */
const MAX_SCHEMA_ISSUES = 1000;

/** A large file the fast path declines: the cheap checks of the positional reader, else why and where. */
function tooLargeForPositions(rel: string, bytes: Uint8Array, text: string, declined: { offset: number; why: string }): FileCheck {
  const pre = precheckYaml(rel, bytes);
  if ('diagnostics' in pre) return { diagnostics: pre.diagnostics };
  const p = positionsOf(text)(declined.offset);
  return { diagnostics: [diag(rel, p, `Unexpected ${declined.why} in a file of ${Math.round(bytes.length / 1024)} KiB, expected plain YAML (spaces, one value per line or a \`|\` block, no tags or anchors) in files over ${POSITIONAL_MAX_BYTES / 1024} KiB, or a smaller file`, 'yaml-large')] };
}

/** A locator that parses the bytes with positions only when a position is asked for. */
function locatorOf(rel: string, bytes: Uint8Array): Locate {
  let parsed: ReturnType<typeof parseYamlFile> | undefined;
  return (segments, o = {}) => {
    parsed ??= parseYamlFile(rel, bytes);
    return parsed.doc ? locate(parsed.doc, parsed.lineCounter, segments, o) : { line: 1, column: 1 };
  };
}

/** Normalisation warnings and schema errors of parsed data, located by `at`; the record when it is valid. */
function judge(rel: string, kind: RecordKind, data: Record<string, unknown>, warnings: NormalizeWarning[], at: Locate, locator: Locate | undefined, known?: ErrorObject[]): FileCheck {
  const diagnostics: Diagnostic[] = warnings.map((w) => diag(rel, at(w.segments), w.message, 'quote-value', 'warning'));
  const errors = known ?? schemaErrors(kind, data);
  if (errors.length) {
    const { kinds, common } = schemas();
    // the loader shows 20 problems per file: spell out the first MAX_SCHEMA_ISSUES, count the rest
    for (const issue of formatAjvErrors(errors.slice(0, MAX_SCHEMA_ISSUES), data, kinds.get(KINDS[kind].schema) ?? {}, common)) {
      diagnostics.push(diag(rel, at(issue.segments, { key: issue.atKey }), issue.message, 'schema'));
    }
    if (errors.length > MAX_SCHEMA_ISSUES) {
      const last = diagnostics[diagnostics.length - 1] ?? { line: 1, column: 1 };
      diagnostics.push(moreProblems(rel, last, errors.length - MAX_SCHEMA_ISSUES, 0));
    }
    return { diagnostics };
  }
  return { record: { kind, id: String(data.id), path: rel, data: data as never, locate: locator ?? at }, diagnostics };
}

/**
 * Checks one record file: the fast path for plain records (js-yaml, and the
 * line scan for positions when something is wrong), the positional path
 * (yaml Document API) for everything else.
 * @param rel KB-relative path (for messages and the record)
 * @param kind the kind its folder implies
 * @param bytes file content
 * @param locator how the record locates fields later (default: parse the bytes again on demand)
 */
export function checkRecordFile(rel: string, kind: RecordKind, bytes: Uint8Array, locator?: Locate): FileCheck {
  return fastCheck(rel, kind, bytes, locator) ?? checkRecordFileWithPositions(rel, kind, bytes, locator);
}

/** The positional path alone (tests compare it with the fast path). */
export function checkRecordFileWithPositions(rel: string, kind: RecordKind, bytes: Uint8Array, locator?: Locate): FileCheck {
  const parsed = parseYamlFile(rel, bytes);
  const { doc, data, lineCounter } = parsed;
  if (!doc || !data) return { diagnostics: parsed.diagnostics };
  const at: Locate = (segments, o = {}) => locate(doc, lineCounter, segments, o);
  const checked = judge(rel, kind, data, normalizeRecord(kind, data), at, locator);
  return { ...checked, diagnostics: [...parsed.diagnostics, ...checked.diagnostics] };
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
