import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { renderTypes } from './generate-types.js';
import { KINDS, RECORD_KINDS, SCHEMA_DIR } from './registry.js';
import { getAjv, readSchemas } from './schema-validator.js';

const schemas = readSchemas();
const CJK = /[\u4e00-\u9fff]/;

/** Visits every subschema that describes a field. */
function* fields(node: unknown, at: string): Generator<[string, Record<string, unknown>]> {
  if (!node || typeof node !== 'object') return;
  const s = node as Record<string, unknown>;
  for (const [k, v] of Object.entries((s.properties as Record<string, unknown>) ?? {})) {
    if (k === '$schema') continue;
    yield [`${at}.${k}`, v as Record<string, unknown>];
    yield* fields(v, `${at}.${k}`);
  }
  if (s.items) {
    yield [`${at}[]`, s.items as Record<string, unknown>];
    yield* fields(s.items, `${at}[]`);
  }
  for (const [k, v] of Object.entries((s.$defs as Record<string, unknown>) ?? {})) yield [`${at}#${k}`, v as Record<string, unknown>];
}

/** Visits every object schema. */
function* objects(node: unknown): Generator<Record<string, unknown>> {
  if (!node || typeof node !== 'object') return;
  const s = node as Record<string, unknown>;
  if (s.type === 'object') yield s;
  for (const v of Object.values(s)) if (v && typeof v === 'object') yield* objects(v);
}

describe('schemas', () => {
  it('every record kind has a schema file, and every schema file is used', () => {
    const used = new Set<string>([...RECORD_KINDS.map((k) => KINDS[k].schema), 'common.schema.json', 'handover.schema.json', 'opsbook.schema.json']);
    for (const k of RECORD_KINDS) expect(fs.existsSync(path.join(SCHEMA_DIR, KINDS[k].schema)), k).toBe(true);
    expect([...schemas.keys()].filter((f) => !used.has(f))).toEqual([]);
  });

  it('every folder of the demo knowledge base maps to a kind', () => {
    const records = path.join(SCHEMA_DIR, '..', 'records');
    if (!fs.existsSync(records)) return;
    const folders = fs.readdirSync(records, { withFileTypes: true }).filter((d) => d.isDirectory()).map((d) => d.name);
    const known = new Set<string>([...RECORD_KINDS.map((k) => KINDS[k].folder), 'handover']);
    expect(folders.filter((f) => !known.has(f))).toEqual([]);
  });

  it.each([...schemas.keys()])('%s is draft 2020-12 with Chinese title and description on every field', (file) => {
    const schema = schemas.get(file)!;
    expect(schema.$schema).toBe('https://json-schema.org/draft/2020-12/schema');
    expect(String(schema.title)).toMatch(CJK);
    for (const [where, f] of fields(schema, file)) {
      expect(String(f.title), `${where} title`).toMatch(CJK);
      expect(String(f.description), `${where} description`).toMatch(CJK);
    }
  });

  it.each([...schemas.keys()])('%s is closed (no unknown keys anywhere)', (file) => {
    for (const o of objects(schemas.get(file))) expect(o.additionalProperties, JSON.stringify(o.title)).toBe(false);
  });

  it('compiles every schema in strict mode', () => {
    const ajv = getAjv();
    for (const f of schemas.keys()) expect(ajv.getSchema(f), f).toBeTypeOf('function');
  });

  it('every $ref names a $defs entry or a whole schema (format-ajv-errors.ts counts errors of one other location without comparing them)', () => {
    const refs: string[] = [];
    const walk = (v: unknown): void => {
      if (Array.isArray(v)) v.forEach(walk);
      else if (v && typeof v === 'object') {
        for (const [k, x] of Object.entries(v)) {
          if (k === '$ref' && typeof x === 'string') refs.push(x);
          else walk(x);
        }
      }
    };
    for (const schema of schemas.values()) walk(schema);
    expect(refs.length).toBeGreaterThan(0);
    expect(refs.filter((r) => !/^[\w.-]*(?:#(?:\/\$defs\/[\w-]+)?)?$/.test(r))).toEqual([]);
  });

  it('the committed types are generated from the current schemas', async () => {
    const committed = fs.readFileSync(path.join(import.meta.dirname, 'types.generated.ts'), 'utf8');
    expect(committed, 'run: npm run gen:types').toBe(await renderTypes());
  });
});
