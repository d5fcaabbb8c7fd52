/**
 * Building a new record from `--set key=value` flags or prompt answers:
 * values are typed by the kind's JSON Schema (arrays split on commas,
 * integers, booleans, "1" stays a string), fields come out in the schema's
 * order, times default to now in +08:00, and the YAML is rendered without
 * folding so the file reads like a hand-written one.
 */
import { Document, isSeq, isScalar, visit, parse as parseYaml } from 'yaml';
import { UserError } from '../shared/errors.js';
import { formatCst, formatDate, cstDateOf } from '../shared/time.js';
import { KINDS, type RecordKind } from '../records/index.js';
import { readSchemas } from '../records/schema-validator.js';
import type { NewKind } from './next-record-id.js';

type Schema = { type?: string | string[]; $ref?: string; enum?: unknown[]; items?: Schema; properties?: Record<string, Schema>; required?: string[]; title?: string; description?: string; format?: string };

let cache: Map<string, Record<string, unknown>> | undefined;
const schemas = () => (cache ??= readSchemas());

/** The kind's schema with `$ref`s into common.schema.json resolved one level. */
export function kindSchema(kind: RecordKind): Schema {
  return schemas().get(KINDS[kind].schema) as Schema;
}

/** Resolves a `common.schema.json#/$defs/x` reference (keeping the local title/description). */
export function resolveRef(s: Schema | undefined): Schema | undefined {
  if (!s?.$ref) return s;
  const m = /^common\.schema\.json#\/\$defs\/(.+)$/.exec(s.$ref);
  const common = schemas().get('common.schema.json') as { $defs: Record<string, Schema> };
  const target = m ? common.$defs[m[1]!] : undefined;
  return { ...target, ...s, $ref: undefined };
}

/** The schema of a dotted field path, or undefined when the kind has no such field. */
export function fieldSchema(kind: RecordKind, dotted: string): Schema | undefined {
  let s: Schema | undefined = kindSchema(kind);
  for (const key of dotted.split('.')) {
    s = resolveRef(s?.properties?.[key]);
    if (!s) return undefined;
  }
  return s;
}

function typeOf(s: Schema): string {
  return Array.isArray(s.type) ? s.type[0]! : s.type ?? 'string';
}

/** Converts a flag's text to the schema's type. */
export function coerce(kind: RecordKind, key: string, text: string): unknown {
  const s = fieldSchema(kind, key);
  if (!s) {
    const known = Object.keys(kindSchema(kind).properties ?? {}).filter((k) => k !== '$schema');
    throw new UserError(`Unexpected field \`${key}\` for a ${kind}, expected one of ${known.map((k) => `\`${k}\``).join(', ')}`);
  }
  const t = typeOf(s);
  if (/^\s*[[{]/.test(text) && (t === 'array' || t === 'object')) {
    try {
      return parseYaml(text) as unknown;
    } catch {
      throw new UserError(`Unexpected value for \`${key}\`: \`${text}\` is not a valid YAML/JSON ${t}`);
    }
  }
  switch (t) {
    case 'array': {
      const item = resolveRef(s.items) ?? {};
      return text.split(',').map((x) => x.trim()).filter(Boolean).map((x) => (typeOf(item) === 'integer' ? Number(x) : x));
    }
    case 'integer':
    case 'number': {
      const n = Number(text);
      if (text.trim() === '' || !Number.isFinite(n)) throw new UserError(`Unexpected value \`${text}\` for \`${key}\`, expected a number`);
      return n;
    }
    case 'boolean':
      if (/^(true|yes|1)$/i.test(text)) return true;
      if (/^(false|no|0)$/i.test(text)) return false;
      throw new UserError(`Unexpected value \`${text}\` for \`${key}\`, expected true or false`);
    case 'object':
      throw new UserError(`Unexpected value for \`${key}\`, expected its fields (--set ${key}.<field>=…) or a YAML mapping`);
    default:
      return text;
  }
}

/** Parses repeated `key=value` flags (dotted keys for nested fields). */
export function parseSets(kind: RecordKind, sets: readonly string[]): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const s of sets) {
    const eq = s.indexOf('=');
    if (eq <= 0) throw new UserError(`Unexpected --set \`${s}\`, expected key=value (e.g. --set severity=B)`);
    const key = s.slice(0, eq).trim();
    const value = coerce(kind, key, s.slice(eq + 1));
    const parts = key.split('.');
    let holder = out;
    for (const p of parts.slice(0, -1)) holder = (holder[p] ??= {}) as Record<string, unknown>;
    holder[parts[parts.length - 1]!] = value;
  }
  return out;
}

/** Defaults of a new record: times and dates "now" (CST) where the kind is dated. */
export function defaultsFor(kind: NewKind, now: number): Record<string, unknown> {
  const today = formatDate(cstDateOf(now));
  switch (kind) {
    case 'ticket': return { reported_at: formatCst(now) };
    case 'change': return { requested_at: today, status: 'proposed' };
    case 'training': return { date: today };
    case 'recommendation': return { date: today, status: 'proposed' };
    case 'db_operation': return { started_at: formatCst(now) };
    case 'release': return { released_at: today, changes_operation: false };
    default: return {};
  }
}

/** Orders keys like the schema's properties (nested objects too); unknown keys last. */
export function orderLikeSchema(kind: RecordKind, data: Record<string, unknown>, schema: Schema = kindSchema(kind)): Record<string, unknown> {
  const order = Object.keys(schema.properties ?? {});
  const keys = Object.keys(data).sort((a, b) => (order.indexOf(a) + 1 || 1e9) - (order.indexOf(b) + 1 || 1e9));
  const out: Record<string, unknown> = {};
  for (const k of keys) {
    const v = data[k];
    const sub = resolveRef(schema.properties?.[k]);
    out[k] = v && typeof v === 'object' && !Array.isArray(v) && sub?.properties ? orderLikeSchema(kind, v as Record<string, unknown>, sub) : v;
  }
  return out;
}

/** Renders a record as YAML: no line folding, scalar lists in flow style ([a, b]). */
export function renderRecordYaml(data: Record<string, unknown>, comment?: string): string {
  const doc = new Document(data);
  visit(doc, {
    Seq(_, node) {
      if (isSeq(node) && node.items.every((i) => isScalar(i))) node.flow = true;
    },
  });
  if (comment) doc.commentBefore = comment;
  return doc.toString({ lineWidth: 0, flowCollectionPadding: false });
}
