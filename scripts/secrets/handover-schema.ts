/**
 * Validation of a decrypted hand-over manifest against
 * schemas/handover.schema.json, through the tool's one ajv instance
 * (scripts/records/schema-validator.ts).
 */
import type { ErrorObject } from 'ajv';
import { parse } from 'yaml';
import { validateKind } from '../records/schema-validator.js';

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
  return validateKind('handover', data).map(describe);
}
