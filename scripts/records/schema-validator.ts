/**
 * One ajv (JSON Schema 2020-12) instance for the whole tool, with the
 * custom formats of common.schema.json defined by shared/time.ts (one source
 * for what a valid time is). Each kind's validator is compiled once.
 */
import fs from 'node:fs';
import path from 'node:path';
import { Ajv2020, type ErrorObject, type ValidateFunction } from 'ajv/dist/2020.js';
import addFormatsModule from 'ajv-formats';
import { checkDate, checkDateOrDateTime, checkDateTime, parseDurationMinutes } from '../shared/time.js';
import { KINDS, SCHEMA_DIR, type RecordKind } from './registry.js';

// ajv-formats is CommonJS with a default export.
type AddFormats = (ajv: Ajv2020) => unknown;
const addFormats = ((addFormatsModule as unknown as { default?: AddFormats }).default ?? addFormatsModule) as unknown as AddFormats;

/** Custom formats used by the schemas; the messages live in format-ajv-errors.ts. */
export const FORMATS: Record<string, (s: string) => boolean> = {
  'offset-date-time': (s) => checkDateTime(s) === null,
  'civil-date': (s) => checkDate(s) === null,
  'date-or-offset-date-time': (s) => checkDateOrDateTime(s) === null,
  'iso-duration': (s) => {
    try {
      parseDurationMinutes(s);
      return true;
    } catch {
      return false;
    }
  },
};

let ajvInstance: Ajv2020 | undefined;
const compiled = new Map<string, ValidateFunction>();

/** Reads every schema file of the tool. */
export function readSchemas(dir = SCHEMA_DIR): Map<string, Record<string, unknown>> {
  const out = new Map<string, Record<string, unknown>>();
  for (const f of fs.readdirSync(dir).filter((n) => n.endsWith('.schema.json')).sort()) {
    out.set(f, JSON.parse(fs.readFileSync(path.join(dir, f), 'utf8')) as Record<string, unknown>);
  }
  return out;
}

/** The shared ajv instance with all schemas registered under their file names. */
export function getAjv(): Ajv2020 {
  if (ajvInstance) return ajvInstance;
  const ajv = new Ajv2020({ allErrors: true, strict: true, strictRequired: false, allowUnionTypes: true });
  addFormats(ajv);
  for (const [name, fn] of Object.entries(FORMATS)) ajv.addFormat(name, { type: 'string', validate: fn });
  ajv.addKeyword({ keyword: 'x-kind', schemaType: 'string' });
  for (const [file, schema] of readSchemas()) ajv.addSchema(schema, file);
  ajvInstance = ajv;
  return ajv;
}

/** The compiled validator of a schema file (compiled once). */
export function getValidator(schemaFile: string): ValidateFunction {
  let v = compiled.get(schemaFile);
  if (!v) {
    const found = getAjv().getSchema(schemaFile);
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
