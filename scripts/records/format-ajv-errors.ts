/**
 * Turns ajv errors into located, human messages in the style
 * "Unexpected X, expected Y", naming the field with its Chinese title and
 * listing the allowed values where there is an enum.
 */
import type { ErrorObject } from 'ajv';
import { MAX_YEAR, MIN_YEAR, checkDate, checkDateTime, checkDateOrDateTime } from '../shared/time.js';
import { clip } from './text-checks.js';

type Schema = Record<string, unknown>;

export interface SchemaIssue {
  /** Path of the offending node inside the record. */
  segments: string[];
  /** Point at the key (unknown/missing properties) rather than the value. */
  atKey: boolean;
  message: string;
}

/** Walks a kind's schema along record path segments (properties/items), resolving local $defs refs of common.schema.json. */
export function schemaAt(root: Schema, segments: string[], common?: Schema): Schema | undefined {
  let s: Schema | undefined = root;
  for (const seg of segments) {
    if (!s) return undefined;
    const props = s.properties as Record<string, Schema> | undefined;
    if (props && Object.hasOwn(props, seg)) s = props[seg];
    else if (s.items && /^\d+$/.test(seg)) s = s.items as Schema;
    else return undefined;
    if (s && typeof s.$ref === 'string' && common && !s.properties && !s.items) {
      const def = /#\/\$defs\/(\w+)$/.exec(s.$ref)?.[1];
      const target = def ? ((common.$defs as Record<string, Schema>)[def]) : undefined;
      if (target) s = { ...target, ...s };
    }
  }
  return s;
}

function fieldName(segments: string[], schema: Schema | undefined): string {
  const dotted = segments.length ? segments.map((s) => (/^\d+$/.test(s) ? `[${s}]` : s)).join('.').replace(/\.\[/g, '[') : '(record)';
  const title = typeof schema?.title === 'string' ? ` (${schema.title})` : '';
  return `\`${clip(dotted, 120)}\`${title}`;
}

function show(value: unknown): string {
  if (value === null) return '`null`';
  if (typeof value === 'string') return `\`${clip(value)}\``;
  if (typeof value === 'object') return Array.isArray(value) ? 'a list' : 'a mapping';
  return `\`${String(value)}\``;
}

function typeName(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'list';
  if (typeof value === 'object') return 'mapping';
  if (typeof value === 'number') return Number.isInteger(value) ? 'integer' : 'number';
  return typeof value;
}

const TYPE_WORDS: Record<string, string> = { object: 'a mapping', array: 'a list', string: 'a string', integer: 'an integer', number: 'a number', boolean: 'true or false' };

const rows = [new Int32Array(66), new Int32Array(66)];

/** Edit distance, for "did you mean" hints on unknown properties; `Infinity` when it is surely more than `max` (linear bound, no allocation). */
function distance(a: string, b: string, max = 2): number {
  if (Math.abs(a.length - b.length) > max || a.length > 64 || b.length > 64) return Infinity;
  let prev = rows[0]!;
  let row = rows[1]!;
  for (let j = 0; j <= b.length; j++) prev[j] = j;
  for (let i = 1; i <= a.length; i++) {
    row[0] = i;
    let best = i;
    for (let j = 1; j <= b.length; j++) {
      const v = Math.min(prev[j]! + 1, row[j - 1]! + 1, prev[j - 1]! + (a.charCodeAt(i - 1) === b.charCodeAt(j - 1) ? 0 : 1));
      row[j] = v;
      if (v < best) best = v;
    }
    if (best > max) return Infinity;
    [prev, row] = [row, prev];
  }
  return prev[b.length]!;
}

const allowedCache = new WeakMap<Schema, { keys: string[]; text: string }>();
const NO_KEYS = { keys: [], text: '' };

/** The property names a (sub)schema allows, and them listed for a message (computed once per schema). */
function allowedKeys(at: Schema | undefined): { keys: string[]; text: string } {
  if (!at) return NO_KEYS;
  let v = allowedCache.get(at);
  if (!v) {
    const keys = Object.keys((at.properties as Schema | undefined) ?? {}).filter((k) => k !== '$schema');
    v = { keys, text: keys.map((k) => `\`${k}\``).join(', ') };
    allowedCache.set(at, v);
  }
  return v;
}

/** "Did you mean" hints per call: the loader shows 20 problems per file, so thousands of unknown keys need no hint each. */
const MAX_HINTS = 200;

function formatMessage(value: string, format: string): string {
  const check = format === 'civil-date' ? checkDate : format === 'offset-date-time' ? checkDateTime : checkDateOrDateTime;
  const problem = check(value);
  if (problem === 'no-offset') return `Unexpected time ${show(value)} without a UTC offset, expected an explicit offset such as \`${value}+08:00\``;
  if (problem === 'impossible') return `Unexpected impossible date or time ${show(value)}, expected a real calendar date and time`;
  if (problem === 'year') return `Unexpected year \`${value.slice(0, 4)}\` in ${show(value)}, expected a year from ${MIN_YEAR} to ${MAX_YEAR}`;
  if (format === 'iso-duration') return `Unexpected duration ${show(value)}, expected ISO 8601 such as \`PT5M\` or \`PT12H\``;
  if (format === 'civil-date') return `Unexpected date ${show(value)}, expected \`YYYY-MM-DD\``;
  if (format === 'offset-date-time') return `Unexpected time ${show(value)}, expected ISO 8601 with offset such as \`2026-03-14T02:13:00+08:00\``;
  return `Unexpected value ${show(value)}, expected a date \`YYYY-MM-DD\` or a time with offset such as \`2026-03-14T02:13:00+08:00\``;
}

/** For `#/allOf/N/then/required`, says which condition made the property required. */
function conditionOf(schemaPath: string, kindSchema: Schema): string {
  const m = /^#\/allOf\/(\d+)\/then\//.exec(schemaPath);
  if (!m) return '';
  const cond = ((kindSchema.allOf as Schema[] | undefined)?.[Number(m[1])]?.if as Schema | undefined)?.properties as Record<string, Schema> | undefined;
  const parts = Object.entries(cond ?? {}).filter(([, v]) => 'const' in v).map(([k, v]) => `\`${k}: ${String(v.const)}\``);
  return parts.length ? ` when ${parts.join(' and ')}` : '';
}

const SKIPPED = new Set(['if', 'allOf', 'anyOf', 'oneOf']);
const joined = new WeakMap<unknown[], string>();

/** What tells two errors of the same keyword at the same place apart (their params, without JSON.stringify for the common keywords). */
function paramKey(e: ErrorObject): string {
  const p = e.params as Record<string, unknown>;
  switch (e.keyword) {
    case 'additionalProperties': return String(p.additionalProperty);
    case 'required': return String(p.missingProperty);
    case 'type': return String(p.type);
    case 'format': return String(p.format);
    case 'pattern': return String(p.pattern);
    case 'uniqueItems': return `${String(p.i)},${String(p.j)}`;
    case 'enum': {
      // ajv passes the schema's own array: join it once
      const values = p.allowedValues as unknown[];
      let k = joined.get(values);
      if (k === undefined) joined.set(values, (k = JSON.stringify(values)));
      return k;
    }
    default: return JSON.stringify(p);
  }
}

/** The value at an ajv instancePath of the data. */
function valueAt(data: unknown, segments: readonly string[]): unknown {
  let v = data;
  for (const s of segments) v = v && typeof v === 'object' ? (v as Record<string, unknown>)[s] : undefined;
  return v;
}

function pointer(instancePath: string): string[] {
  return instancePath === '' ? [] : instancePath.slice(1).split('/').map((s) => s.replace(/~1/g, '/').replace(/~0/g, '~'));
}

/**
 * The problems ajv's errors stand for, in ajv's order, without writing a
 * message: each problem once (the same problem reached through several
 * schema paths, allOf branches…), no `if`/`allOf`/`anyOf`/`oneOf` wrappers,
 * no type error where an enum error says the same (`severity: 1`), no
 * "blank" where "empty" is said. Linear and cheap, so a file with 100,000
 * errors is counted exactly and only the problems shown get a message
 * (issueMessage).
 */
export function ajvIssues(errors: readonly ErrorObject[], data: unknown): ErrorObject[] {
  // A schema location of the kind's own schema outside $defs applies at most once to an
  // instance (no $ref points there: schemas.test.ts), so the errors of a keyword that all
  // come from one such location are each a different problem: no hashing for the 100,000
  // errors of one list's items or one mapping's unknown keys. Others are compared.
  const origin = new Map<string, string | null>(); // keyword → its one local location, or null
  for (const e of errors) {
    const o = origin.get(e.keyword);
    if (o === undefined) origin.set(e.keyword, e.schemaPath.startsWith('#/') && !e.schemaPath.includes('/$defs/') ? e.schemaPath : null);
    else if (o !== null && o !== e.schemaPath) origin.set(e.keyword, null);
  }
  // place → keyword → params seen, each level a single value until a second one comes
  const seen = new Map<string, ErrorObject | Map<string, string | Set<string>>>();
  const enumAt = new Set<string>();
  const emptyAt = new Set<string>();
  const kept: ErrorObject[] = [];
  for (const e of errors) {
    if (SKIPPED.has(e.keyword)) continue;
    if (origin.get(e.keyword) !== null) {
      kept.push(e);
      if (e.keyword === 'enum') enumAt.add(e.instancePath);
      else if (e.keyword === 'minLength') emptyAt.add(e.instancePath);
      continue;
    }
    const at = seen.get(e.instancePath);
    if (at === undefined) seen.set(e.instancePath, e);
    else {
      let byKeyword: Map<string, string | Set<string>>;
      if (at instanceof Map) byKeyword = at;
      else seen.set(e.instancePath, (byKeyword = new Map([[at.keyword, paramKey(at)]])));
      const p = paramKey(e);
      const params = byKeyword.get(e.keyword);
      if (params === undefined) byKeyword.set(e.keyword, p);
      else if (typeof params === 'string') {
        if (params === p) continue;
        byKeyword.set(e.keyword, new Set([params, p]));
      } else if (params.has(p)) continue;
      else params.add(p);
    }
    kept.push(e);
    if (e.keyword === 'enum') enumAt.add(e.instancePath);
    else if (e.keyword === 'minLength') emptyAt.add(e.instancePath);
  }
  // an enum error already says what a type error would (e.g. severity: 1); empty text is also blank text: say it once
  if (enumAt.size === 0 && emptyAt.size === 0) return kept;
  return kept.filter((e) => {
    if (e.keyword === 'type' && enumAt.has(e.instancePath)) {
      const v = valueAt(data, pointer(e.instancePath));
      return !(typeof v === 'number' && Number.isInteger(v));
    }
    return !(e.keyword === 'pattern' && (e.params as { pattern: string }).pattern === '\\S' && emptyAt.has(e.instancePath));
  });
}

/** Where a problem is: the path of the offending node, and whether to point at its key (unknown and missing properties). */
export function issuePlace(e: ErrorObject): { segments: string[]; atKey: boolean } {
  const segments = pointer(e.instancePath);
  if (e.keyword === 'additionalProperties') return { segments: [...segments, String((e.params as { additionalProperty: string }).additionalProperty)], atKey: true };
  if (e.keyword === 'uniqueItems') return { segments: [...segments, String((e.params as { i: number }).i)], atKey: false };
  if (e.keyword === 'required') return { segments, atKey: segments.length > 0 };
  return { segments, atKey: false };
}

/**
 * The message of one problem (an error ajvIssues kept).
 * @param kindSchema the kind's root schema (for titles and allowed keys)
 * @param common common.schema.json (to resolve $defs)
 * @param hint look for a "did you mean" for an unknown property
 */
export function issueMessage(e: ErrorObject, data: unknown, kindSchema: Schema, common: Schema, hint = true): string {
  const segments = pointer(e.instancePath);
  const at = schemaAt(kindSchema, segments, common);
  const value = valueAt(data, segments);
  switch (e.keyword) {
    case 'additionalProperties': {
      const prop = String((e.params as { additionalProperty: string }).additionalProperty);
      const { keys: allowed, text: allowedText } = allowedKeys(at);
      // at most one edit per three characters: `k0` is not a typo of `id`, `sytem` is one of `system`
      const near = hint ? allowed.map((k) => [k, distance(k, prop)] as const).filter(([, d]) => d <= Math.min(2, Math.floor(prop.length / 3))).sort((a, b) => a[1] - b[1])[0] : undefined;
      const suggestion = near ? `; did you mean \`${near[0]}\`?` : `, expected one of ${allowedText}`;
      const where = segments.length ? ` in ${fieldName(segments, at)}` : '';
      return `Unexpected unknown property \`${clip(prop)}\`${where}${suggestion}`;
    }
    case 'required': {
      const prop = String((e.params as { missingProperty: string }).missingProperty);
      const propSchema = schemaAt(kindSchema, [...segments, prop], common);
      return `Unexpected missing property ${fieldName([...segments, prop], propSchema)}, expected it to be present${conditionOf(e.schemaPath, kindSchema)}`;
    }
    case 'enum': {
      const allowed = (e.params as { allowedValues: unknown[] }).allowedValues;
      const extra = typeof value === 'number' && allowed.includes(String(value)) ? ` (quote it: \`"${value}"\`)` : '';
      return `Unexpected value ${show(value)} for ${fieldName(segments, at)}, expected one of ${allowed.map((a) => `\`${String(a)}\``).join(', ')}${extra}`;
    }
    case 'type': {
      const t = (e.params as { type: string | string[] }).type;
      const want = (Array.isArray(t) ? t : [t]).map((x) => TYPE_WORDS[x] ?? x).join(' or ');
      const quote = typeof value === 'number' || typeof value === 'boolean' ? ` (quote it if it is text: \`"${String(value)}"\`)` : '';
      return `Unexpected ${typeName(value)} ${show(value)} for ${fieldName(segments, at)}, expected ${want}${want === 'a string' ? quote : ''}`;
    }
    case 'format':
      return `${formatMessage(String(value), String((e.params as { format: string }).format))} for ${fieldName(segments, at)}`;
    case 'pattern': {
      if ((e.params as { pattern: string }).pattern === '\\S') return `Unexpected blank text for ${fieldName(segments, at)}, expected a value`;
      const desc = typeof at?.description === 'string' ? ` (${at.description})` : '';
      return `Unexpected value ${show(value)} for ${fieldName(segments, at)}, expected the pattern \`${String((e.params as { pattern: string }).pattern)}\`${desc}`;
    }
    case 'uniqueItems': {
      const { i, j } = e.params as { i: number; j: number };
      const list = Array.isArray(value) ? value : [];
      return `Unexpected duplicate ${show(list[i])} in ${fieldName(segments, at)} (also item ${j + 1}), expected each item once`;
    }
    case 'minItems':
      return `Unexpected empty list for ${fieldName(segments, at)}, expected at least ${String((e.params as { limit: number }).limit)} item(s)`;
    case 'minLength':
      return `Unexpected empty text for ${fieldName(segments, at)}, expected a value`;
    case 'const':
      return `Unexpected value ${show(value)} for ${fieldName(segments, at)}, expected \`${String((e.params as { allowedValue: unknown }).allowedValue)}\``;
    default:
      return `Unexpected value ${show(value)} for ${fieldName(segments, at)}: ${e.message ?? e.keyword}`;
  }
}

/**
 * Converts ajv errors (run with `verbose: false` is fine) to issues: every
 * problem ajvIssues keeps, with its place and message.
 * @param errors ajv errors of one record
 * @param data the validated record
 * @param kindSchema the kind's root schema (for titles and allowed keys)
 * @param common common.schema.json (to resolve $defs)
 */
export function formatAjvErrors(errors: ErrorObject[], data: unknown, kindSchema: Schema, common: Schema): SchemaIssue[] {
  let hints = 0;
  return ajvIssues(errors, data).map((e) => ({ ...issuePlace(e), message: issueMessage(e, data, kindSchema, common, e.keyword === 'additionalProperties' && hints++ < MAX_HINTS) }));
}
