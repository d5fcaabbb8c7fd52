/**
 * `npm run build:validators`: writes the precompiled schema validators (ajv
 * standalone code, schema-validator.ts `renderValidators`) into the compiled
 * library, `dist/records/validators.generated.cjs`, after `npm run build:lib`,
 * so even a read-only install starts without compiling schemas. Optional: the
 * compiled build writes the same file at its first run when it is missing or
 * was made from other schemas. `tsx scripts/records/generate-validators.ts <out-dir>`
 * writes it elsewhere.
 */
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { writePrecompiled } from './schema-validator.js';

if (process.argv[1] && fileURLToPath(import.meta.url) === path.resolve(process.argv[1])) {
  const out = writePrecompiled(process.argv[2] ?? path.join('dist', 'records'));
  process.stderr.write(`wrote ${out}\n`);
}
