/**
 * One ajv (JSON Schema 2020-12) configuration for the whole tool, with the
 * custom formats of common.schema.json defined by shared/time.ts (one source
 * for what a valid time is). Each schema's validator comes from the
 * precompiled module that `npm run build:validators` writes beside the
 * compiled library (ajv standalone code: no ajv compile at start-up), when
 * it was generated from the schemas as they are now; otherwise ajv compiles
 * it once, at first use.
 */
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Ajv2020, ErrorObject, Options, ValidateFunction } from 'ajv/dist/2020.js';
import { FORMATS } from './formats.js';
import { KINDS, SCHEMA_DIR, type RecordKind } from './registry.js';

export { FORMATS };

const require = createRequire(import.meta.url);

/** Options of every ajv instance (runtime and precompiled). */
export const AJV_OPTIONS: Options = { allErrors: true, strict: true, strictRequired: false, allowUnionTypes: true };

/** File name of the precompiled validators, beside this module (CommonJS, so it loads synchronously). */
export const PRECOMPILED_FILE = 'validators.generated.cjs';

let ajvInstance: Ajv2020 | undefined;
const compiled = new Map<string, ValidateFunction>();
let schemaCache: Map<string, Record<string, unknown>> | undefined;

/** Reads every schema file of the tool (cached for the tool's own directory). */
export function readSchemas(dir = SCHEMA_DIR): Map<string, Record<string, unknown>> {
  if (dir === SCHEMA_DIR && schemaCache) return schemaCache;
  const out = new Map<string, Record<string, unknown>>();
  for (const f of fs.readdirSync(dir).filter((n) => n.endsWith('.schema.json')).sort()) {
    out.set(f, JSON.parse(fs.readFileSync(path.join(dir, f), 'utf8')) as Record<string, unknown>);
  }
  if (dir === SCHEMA_DIR) schemaCache = out;
  return out;
}

/** Digest of the schema files as they are now: precompiled validators carry the digest they were made from. */
export function schemasDigest(dir = SCHEMA_DIR): string {
  const h = createHash('sha256');
  for (const f of fs.readdirSync(dir).filter((n) => n.endsWith('.schema.json')).sort()) h.update(f).update('\0').update(fs.readFileSync(path.join(dir, f))).update('\0');
  return h.digest('hex');
}

/** A new ajv instance with the tool's formats, keyword and schemas (ajv is loaded only when something is compiled). */
export function createAjv(extra: Options = {}): Ajv2020 {
  const { Ajv2020: Ajv } = require('ajv/dist/2020.js') as typeof import('ajv/dist/2020.js');
  const addFormatsModule = require('ajv-formats') as { default?: (ajv: Ajv2020) => unknown };
  const addFormats = (addFormatsModule.default ?? addFormatsModule) as (ajv: Ajv2020) => unknown;
  const ajv = new Ajv({ ...AJV_OPTIONS, ...extra });
  addFormats(ajv);
  for (const [name, fn] of Object.entries(FORMATS)) ajv.addFormat(name, { type: 'string', validate: fn });
  ajv.addKeyword({ keyword: 'x-kind', schemaType: 'string' });
  for (const [file, schema] of readSchemas()) ajv.addSchema(schema, file);
  return ajv;
}

/** The shared ajv instance with all schemas registered under their file names. */
export function getAjv(): Ajv2020 {
  ajvInstance ??= createAjv();
  return ajvInstance;
}

/** The precompiled validators when they exist beside this module and match the schemas; checked once. */
let precompiled: Record<string, ValidateFunction> | null | undefined;
function precompiledValidators(): Record<string, ValidateFunction> | null {
  if (precompiled !== undefined) return precompiled;
  precompiled = null;
  const file = path.join(path.dirname(fileURLToPath(import.meta.url)), PRECOMPILED_FILE);
  if (process.env.OPSBOOK_PRECOMPILED !== '0' && fs.existsSync(file)) {
    const mod = require(file) as { SCHEMAS_DIGEST?: string; create?: (formats: Record<string, { type: string; validate: (s: string) => boolean }>) => Record<string, ValidateFunction> };
    // the format definitions as createAjv adds them
    const formats = Object.fromEntries(Object.entries(FORMATS).map(([name, validate]) => [name, { type: 'string', validate }]));
    if (mod.SCHEMAS_DIGEST === schemasDigest() && mod.create) precompiled = mod.create(formats);
  }
  return precompiled;
}

/** The compiled validator of a schema file (compiled once). */
export function getValidator(schemaFile: string): ValidateFunction {
  let v = compiled.get(schemaFile);
  if (!v) {
    const found = precompiledValidators()?.[schemaFile] ?? getAjv().getSchema(schemaFile);
    if (!found) throw new Error(`schema ${schemaFile} is not registered`);
    v = found;
    compiled.set(schemaFile, v);
  }
  return v;
}

/** Validates data against a kind's schema; never throws. Errors are cloned. */
export function validateKind(kind: RecordKind | 'handover', data: unknown): ErrorObject[] {
  const file = kind === 'handover' ? 'handover.schema.json' : KINDS[kind].schema;
  const v = getValidator(file);
  return v(data) ? [] : structuredClone(v.errors ?? []);
}

/** True when data matches a kind's schema (no error objects are kept: the fast path of the loader). */
export function isValidKind(kind: RecordKind, data: unknown): boolean {
  return getValidator(KINDS[kind].schema)(data) as boolean;
}

/** The schema errors of data, not cloned: read them before the next validation of the same kind. */
export function schemaErrors(kind: RecordKind, data: unknown): ErrorObject[] {
  const v = getValidator(KINDS[kind].schema);
  return v(data) ? [] : [...(v.errors ?? [])];
}
