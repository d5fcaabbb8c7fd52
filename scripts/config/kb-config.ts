/**
 * The knowledge base's own settings for the tool: `opsbook.yaml` at the KB
 * root (schemas/opsbook.schema.json), e.g. the site's name and base URL and
 * the audit's baseline commit. The contract's terms are not here: they are
 * data of records/contract.yaml. A KB without the file gets the defaults.
 * Returns values and located diagnostics; never prints.
 */
import fs from 'node:fs';
import path from 'node:path';
import type { Diagnostic } from '../shared/errors.js';
import { formatAjvErrors } from '../records/format-ajv-errors.js';
import { locate } from '../records/locate.js';
import { parseYamlFile } from '../records/parse-yaml-file.js';
import { getValidator, readSchemas } from '../records/schema-validator.js';
import type { OpsbookConfig } from '../records/types.generated.js';

export type { OpsbookConfig };

/** File name of the settings, at the KB root. */
export const KB_CONFIG_FILE = 'opsbook.yaml';
const SCHEMA_FILE = 'opsbook.schema.json';

export interface KbConfigResult {
  /** The settings as written (empty when the file is absent or invalid). */
  config: OpsbookConfig;
  /** Whether the KB has the file. */
  present: boolean;
  diagnostics: Diagnostic[];
}

/**
 * Reads and validates `opsbook.yaml` at `root`.
 * @param root KB root
 */
export function loadKbConfig(root: string): KbConfigResult {
  const file = path.join(root, KB_CONFIG_FILE);
  if (!fs.existsSync(file)) return { config: {}, present: false, diagnostics: [] };
  const parsed = parseYamlFile(KB_CONFIG_FILE, fs.readFileSync(file));
  const diagnostics = [...parsed.diagnostics];
  const { doc, data, lineCounter } = parsed;
  if (!doc || !data) return { config: {}, present: true, diagnostics };
  const validate = getValidator(SCHEMA_FILE);
  if (!validate(data)) {
    const schemas = readSchemas();
    const issues = formatAjvErrors(structuredClone(validate.errors ?? []), data, schemas.get(SCHEMA_FILE) ?? {}, schemas.get('common.schema.json') ?? {});
    for (const issue of issues) {
      const at = locate(doc, lineCounter, issue.segments, { key: issue.atKey });
      diagnostics.push({ path: KB_CONFIG_FILE, line: at.line, column: at.column, message: issue.message, rule: 'schema', severity: 'error' });
    }
    return { config: {}, present: true, diagnostics };
  }
  return { config: data as OpsbookConfig, present: true, diagnostics };
}
