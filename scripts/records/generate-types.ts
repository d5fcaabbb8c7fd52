/**
 * Generates scripts/records/types.generated.ts from schemas/*.schema.json
 * (json-schema-to-typescript): the schemas are the one source of truth, the
 * types are derived. A test fails when the committed file is stale.
 * Run: npm run gen:types (npx tsx scripts/records/generate-types.ts)
 */
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { compile } from 'json-schema-to-typescript';
import { SCHEMA_DIR } from './registry.js';
import { readSchemas } from './schema-validator.js';

const OUT = path.join(path.dirname(fileURLToPath(import.meta.url)), 'types.generated.ts');

const NAMES: Record<string, string> = {
  'contract.schema.json': 'Contract', 'ticket.schema.json': 'Ticket', 'inspection.schema.json': 'Inspection',
  'change.schema.json': 'Change', 'release.schema.json': 'Release', 'training.schema.json': 'Training',
  'recommendation.schema.json': 'Recommendation', 'interface.schema.json': 'Interface', 'db-operation.schema.json': 'DbOperation',
  'person.schema.json': 'Person', 'data-dictionary.schema.json': 'DataDictionary', 'disposal.schema.json': 'Disposal',
  'calendar.schema.json': 'Calendar', 'handover.schema.json': 'Handover', 'opsbook.schema.json': 'OpsbookConfig',
  'delivery.schema.json': 'Delivery',
};

/** Inlines `common.schema.json#/$defs/x` refs so each type stands alone. */
function inline(node: unknown, defs: Record<string, unknown>, isPropertyMap = false): unknown {
  if (Array.isArray(node)) return node.map((n) => inline(n, defs));
  if (!node || typeof node !== 'object') return node;
  const obj = node as Record<string, unknown>;
  if (typeof obj.$ref === 'string' && obj.$ref.startsWith('common.schema.json#/$defs/')) {
    const name = obj.$ref.slice('common.schema.json#/$defs/'.length);
    const { $ref: _drop, ...rest } = obj;
    return inline({ ...(defs[name] as object), ...rest }, defs);
  }
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(obj)) {
    if (isPropertyMap) out[k] = inline(v, defs);
    else if (k !== 'x-kind' && k !== '$schema' && k !== 'title') out[k] = inline(v, defs, k === 'properties' || k === '$defs');
  }
  // Chinese titles would become type names; keep them in the doc comment instead.
  if (!isPropertyMap && typeof obj.title === 'string' && typeof obj.description === 'string') out.description = `${obj.title}：${obj.description}`;
  return out;
}

/** Renders the whole generated module. */
export async function renderTypes(): Promise<string> {
  const schemas = readSchemas(SCHEMA_DIR);
  const defs = (schemas.get('common.schema.json')?.$defs ?? {}) as Record<string, unknown>;
  const parts = ['/* eslint-disable */\n// Generated from schemas/*.schema.json by scripts/records/generate-types.ts — do not edit.\n'];
  for (const [file, name] of Object.entries(NAMES)) {
    const schema = schemas.get(file);
    if (!schema) throw new Error(`missing schema ${file}`);
    const ts = await compile({ ...(inline(schema, defs) as object), title: name } as never, name, {
      bannerComment: '', additionalProperties: false, strictIndexSignatures: true, format: false, declareExternallyReferenced: true, ignoreMinAndMaxItems: true,
    });
    parts.push(ts);
  }
  return parts.join('\n');
}

if (process.argv[1] && fileURLToPath(import.meta.url) === path.resolve(process.argv[1])) {
  fs.writeFileSync(OUT, await renderTypes());
}
