/**
 * Validation of a decrypted hand-over manifest against
 * schemas/handover.schema.json (ajv 2020 + ajv-formats + the custom formats
 * defined by shared/time.ts). Kept in this one small file so the integrator
 * can swap in the shared schema registry.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { Ajv2020, type ErrorObject, type ValidateFunction } from 'ajv/dist/2020.js';
import addFormatsModule from 'ajv-formats';
import { parse } from 'yaml';
import { checkDate, checkDateOrDateTime, checkDateTime, parseDurationMinutes } from '../shared/time.js';

type AddFormats = (ajv: Ajv2020) => unknown;
const addFormats = ((addFormatsModule as unknown as { default?: AddFormats }).default ?? addFormatsModule) as unknown as AddFormats;

const SCHEMA_DIR = fileURLToPath(new URL('../../schemas/', import.meta.url));

let validator: ValidateFunction | undefined;

function getValidator(): ValidateFunction {
  if (validator) return validator;
  const ajv = new Ajv2020({ allErrors: true, strict: true, strictRequired: false, allowUnionTypes: true });
  addFormats(ajv);
  ajv.addFormat('offset-date-time', { type: 'string', validate: (s: string) => checkDateTime(s) === null });
  ajv.addFormat('civil-date', { type: 'string', validate: (s: string) => checkDate(s) === null });
  ajv.addFormat('date-or-offset-date-time', { type: 'string', validate: (s: string) => checkDateOrDateTime(s) === null });
  ajv.addFormat('iso-duration', {
    type: 'string',
    validate: (s: string) => {
      try {
        parseDurationMinutes(s);
        return true;
      } catch {
        return false;
      }
    },
  });
  ajv.addKeyword({ keyword: 'x-kind', schemaType: 'string' });
  for (const f of ['common.schema.json', 'handover.schema.json']) {
    ajv.addSchema(JSON.parse(readFileSync(`${SCHEMA_DIR}${f}`, 'utf8')) as object, f);
  }
  validator = ajv.getSchema('handover.schema.json')!;
  return validator;
}

/** One schema problem, with the JSON-pointer-like path of the offending field. */
export interface HandoverProblem {
  path: string;
  message: string;
}

function describe(e: ErrorObject): HandoverProblem {
  const where = e.instancePath.replace(/^\//, '').replace(/\//g, '.') || '(top level)';
  if (e.keyword === 'additionalProperties') return { path: where, message: `unexpected field \`${String(e.params.additionalProperty)}\`` };
  if (e.keyword === 'required') return { path: where, message: `missing required field \`${String(e.params.missingProperty)}\`` };
  if (e.keyword === 'format') return { path: where, message: `unexpected value, expected format ${String(e.params.format)}` };
  if (e.keyword === 'enum') return { path: where, message: `unexpected value, expected one of ${(e.params.allowedValues as unknown[]).join(', ')}` };
  return { path: where, message: e.message ?? e.keyword };
}

/**
 * Validates decrypted hand-over YAML text (parsed as the knowledge base
 * parses records: YAML 1.2 core schema, so dates stay strings). Returns the
 * problems (empty when valid).
 */
export function validateHandoverText(plaintext: string): HandoverProblem[] {
  const data: unknown = parse(plaintext);
  const v = getValidator();
  return v(data) ? [] : (v.errors ?? []).map(describe);
}
