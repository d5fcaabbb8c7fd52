/**
 * The two halves of validation, shared by the loader (whole KB) and by
 * authoring (one record's text before it is written): checking one file
 * (safe YAML, forgiving normalisation, the kind's schema) and running the
 * cross-record rules over a set of records.
 */
import { isUtf8 } from 'node:buffer';
import type { Diagnostic } from '../shared/errors.js';
import { MAX_PROBLEMS_PER_FILE, moreProblems } from './cap-diagnostics.js';
import { fastParse, fastParseExplained } from './fast-parse.js';
import { positionsOf } from './text-checks.js';
import { locateMany, plainLocator, type LocateRequest } from './plain-locator.js';
import { ajvIssues, issueMessage, issuePlace } from './format-ajv-errors.js';
import { locate, type Position } from './locate.js';
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
  // a large record keeps its text for the rules' positions (the tree built at the first one), rather
  // than having its file read and parsed again; small ones keep nothing
  const recordLocate = bytes.length > KEEP_TEXT_BYTES ? lazyPlainLocator(text) : locator ?? locatorOf(rel, bytes);
  if (warnings.length === 0 && errors.length === 0) {
    return { record: { kind, id: String(data.id), path: rel, data: data as never, locate: recordLocate }, diagnostics: [] };
  }
  // the problems are located by the line scan that vouched for the text; exactly as the positional
  // path would (else that path is taken) up to the size that path reads, as near as it can beyond
  const strict = bytes.length <= POSITIONAL_MAX_BYTES;
  const at = (requests: readonly LocateRequest[]) => locateMany(text, requests, strict) ?? (strict ? undefined : requests.map(() => ({ line: 1, column: 1 })));
  return judge(rel, kind, data, warnings, at, recordLocate, errors);
}

/** Records larger than this keep their text for positions (see fastCheck). */
const KEEP_TEXT_BYTES = 64 * 1024;

/** The position tree of a text the fast path read, built at the first position asked. */
function lazyPlainLocator(text: string): Locate {
  let at: ReturnType<typeof plainLocator> | null | undefined;
  let fallback: Locate | undefined;
  return (segments, o = {}) => {
    if (at === undefined) at = plainLocator(text) ?? null;
    if (at) return at(segments, o);
    fallback ??= locatorOf('', Buffer.from(text, 'utf8'));
    return fallback(segments, o);
  };
}

/**
 * Largest file read with the yaml Document API, which takes about a second
 * per megabyte. Larger files must be plain YAML (the fast path reads and
 * locates them in one pass); otherwise the first construct beyond plain
 * YAML is reported where it is.
 */
export const POSITIONAL_MAX_BYTES = 256 * 1024;
/**
 * Warnings, and schema errors from shared definitions ($defs), located per
 * file to choose the MAX_PROBLEMS_PER_FILE shown, the first in the file
 * among them (see judge); the rest are counted. Only the problems shown get
 * a message.
 */
const MAX_LOCATED = 1000;

/** A large file the fast path declines: the cheap checks of the positional reader, else why and where. */
function tooLargeForPositions(rel: string, bytes: Uint8Array, text: string, declined: { offset: number; why: string }): FileCheck {
  const pre = precheckYaml(rel, bytes);
  if ('diagnostics' in pre) return { diagnostics: pre.diagnostics };
  const p = positionsOf(text)(declined.offset);
  return { diagnostics: [diag(rel, p, `Unexpected ${declined.why} in a file of ${Math.round(bytes.length / 1024)} KiB, expected plain YAML (spaces, one value per line or a \`|\` block, no tags or anchors) in files over ${POSITIONAL_MAX_BYTES / 1024} KiB, or a smaller file`, 'yaml-large')] };
}

/**
 * Positions in one record file: the line scan's position tree when the fast
 * path reads the file (plain YAML; a 1 MiB record located in a fraction of
 * a second), else the yaml Document API (about a second per megabyte).
 * Both give the same positions (fast-parse.test.ts).
 */
export function fileLocator(rel: string, bytes: Uint8Array): (segments: (string | number)[], opts?: { key?: boolean }) => Position {
  if (bytes.length <= MAX_RECORD_BYTES && bytes[0] !== 0xef && isUtf8(bytes)) {
    const text = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('utf8');
    const at = fastParse(text) ? plainLocator(text) : undefined;
    if (at) return at;
  }
  const parsed = parseYamlFile(rel, bytes);
  return (segments, o = {}) => (parsed.doc ? locate(parsed.doc, parsed.lineCounter, segments, o) : { line: 1, column: 1 });
}

/** A locator that reads the bytes with positions only when a position is asked for. */
function locatorOf(rel: string, bytes: Uint8Array): Locate {
  let at: ReturnType<typeof fileLocator> | undefined;
  return (segments, o = {}) => {
    at ??= fileLocator(rel, bytes);
    return at(segments, o);
  };
}

/** Locates a batch of paths of one file; undefined when unsure (take the positional path). */
type LocateAll = (requests: readonly LocateRequest[]) => Position[] | undefined;

/**
 * Normalisation warnings and schema errors of parsed data: the first
 * MAX_PROBLEMS_PER_FILE in the file, located by `at` in one batch and
 * spelled out, then one `more-problems` line counting the rest exactly
 * (ajvIssues). The record when it is valid (warnings do not make it invalid).
 */
function judge(rel: string, kind: RecordKind, data: Record<string, unknown>, warnings: NormalizeWarning[], at: LocateAll, recordLocate: Locate, known?: ErrorObject[]): FileCheck | undefined {
  const errors = known ?? schemaErrors(kind, data);
  const issues = errors.length ? ajvIssues(errors, data) : [];
  const candidates: { request: LocateRequest; warning?: NormalizeWarning; error?: ErrorObject }[] = [];
  for (const w of warnings.slice(0, MAX_LOCATED)) candidates.push({ request: { segments: w.segments }, warning: w });
  // The errors of one location of the kind's own schema (outside $defs) come in the file's order
  // (the items of one list, the keys of one mapping): the first few of each are enough to find
  // the first problems of the file, wherever ajv puts them. Others are taken in ajv's order.
  const perLocation = new Map<string, number>();
  let others = 0;
  for (const e of issues) {
    const local = e.schemaPath.startsWith('#/') && !e.schemaPath.includes('/$defs/');
    if (local) {
      const n = perLocation.get(e.schemaPath) ?? 0;
      if (n > MAX_PROBLEMS_PER_FILE) continue; // one more: where the `more-problems` line points
      perLocation.set(e.schemaPath, n + 1);
    } else if (others++ >= MAX_LOCATED) continue;
    const place = issuePlace(e);
    candidates.push({ request: { segments: place.segments, key: place.atKey }, error: e });
  }
  const positions = candidates.length ? at(candidates.map((c) => c.request)) : [];
  if (!positions) return undefined;
  const order = candidates.map((_, i) => i).sort((a, b) => positions[a]!.line - positions[b]!.line || positions[a]!.column - positions[b]!.column || a - b);
  const shown = order.slice(0, MAX_PROBLEMS_PER_FILE);
  const diagnostics: Diagnostic[] = [];
  let shownErrors = 0;
  if (shown.some((i) => candidates[i]!.error)) {
    const { kinds, common } = schemas();
    const kindSchema = kinds.get(KINDS[kind].schema) ?? {};
    for (const i of shown) {
      const c = candidates[i]!;
      if (c.error) {
        shownErrors++;
        diagnostics.push(diag(rel, positions[i]!, issueMessage(c.error, data, kindSchema, common), 'schema'));
      } else diagnostics.push(diag(rel, positions[i]!, c.warning!.message, 'quote-value', 'warning'));
    }
  } else for (const i of shown) diagnostics.push(diag(rel, positions[i]!, candidates[i]!.warning!.message, 'quote-value', 'warning'));
  const moreErrors = issues.length - shownErrors;
  const moreWarnings = warnings.length - (shown.length - shownErrors);
  if (moreErrors + moreWarnings > 0) {
    const next = order[MAX_PROBLEMS_PER_FILE];
    diagnostics.push(moreProblems(rel, next !== undefined ? positions[next]! : diagnostics[diagnostics.length - 1]!, moreErrors, moreWarnings));
  }
  if (issues.length || errors.length) return { diagnostics };
  return { record: { kind, id: String(data.id), path: rel, data: data as never, locate: recordLocate }, diagnostics };
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
  const checked = judge(rel, kind, data, normalizeRecord(kind, data), (requests) => requests.map((r) => at([...r.segments], { key: !!r.key })), locator ?? at)!;
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
