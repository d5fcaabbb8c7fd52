/**
 * Paths of a kind's fields read from its schema, so that rules follow the
 * schemas instead of listing fields a second time.
 */
import { KINDS, type RecordKind } from './registry.js';
import { readSchemas } from './schema-validator.js';

type Schema = Record<string, unknown>;

/** A field path; `*` stands for every item of a list. */
export type FieldPath = readonly string[];

const TIME_DEFS = /common\.schema\.json#\/\$defs\/(dateTime|dateOrTime|date)$/;
const cache = new Map<RecordKind, FieldPath[]>();

/** Every date or time field of a kind (through `$ref`s to common.schema.json), in schema order. */
export function timeFieldPaths(kind: RecordKind): FieldPath[] {
  let paths = cache.get(kind);
  if (paths) return paths;
  paths = [];
  const schema = readSchemas().get(KINDS[kind].schema) ?? {};
  const visit = (s: Schema | undefined, at: string[]): void => {
    if (!s || typeof s !== 'object' || at.length > 8) return;
    if (typeof s.$ref === 'string' && TIME_DEFS.test(s.$ref)) {
      paths!.push(at);
      return;
    }
    for (const [k, v] of Object.entries((s.properties as Record<string, Schema> | undefined) ?? {})) visit(v, [...at, k]);
    if (s.items && typeof s.items === 'object') visit(s.items as Schema, [...at, '*']);
  };
  visit(schema, []);
  cache.set(kind, paths);
  return paths;
}

/** Calls `visit` with the concrete path of every value at `path` inside `data`. */
export function eachAt(data: unknown, path: FieldPath, visit: (at: (string | number)[], value: unknown) => void, at: (string | number)[] = []): void {
  if (path.length === 0) {
    visit(at, data);
    return;
  }
  if (data === null || typeof data !== 'object') return;
  const [head, ...rest] = path as [string, ...string[]];
  if (head === '*') {
    if (Array.isArray(data)) data.forEach((item, i) => eachAt(item, rest, visit, [...at, i]));
  } else if (Object.hasOwn(data, head)) {
    eachAt((data as Record<string, unknown>)[head], rest, visit, [...at, head]);
  }
}
