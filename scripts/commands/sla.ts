/**
 * `opsbook sla [--period ID] [--json]`: per-ticket SLA clocks and statistics
 * of one service period as of `--as-of`. With --json, stdout is exactly one
 * JSON document; warnings go to stderr (and into the document's `warnings`).
 */
import { loadKnowledgeBase } from '../records/index.js';
import { computeSla, formatSlaText } from '../sla/index.js';
import { EXIT } from '../shared/errors.js';
import type { GlobalOptions } from './context.js';

/** Warning for records left out because they failed validation. */
export function invalidRecordsWarning(errorFiles: number): string | null {
  return errorFiles === 0 ? null : `${errorFiles} record file(s) failed validation and are left out of the figures; run \`opsbook validate\``;
}

/**
 * Runs `sla`.
 * @returns 0 (also with warnings); 2 for usage errors (thrown as UserError)
 */
export async function run(_args: string[], opts: Record<string, unknown>, g: GlobalOptions): Promise<number> {
  const kb = await loadKnowledgeBase(g.root);
  const result = computeSla(kb, { periodId: typeof opts.period === 'string' ? opts.period : undefined, asOf: g.asOf });
  const invalid = invalidRecordsWarning(new Set(kb.diagnostics.filter((d) => d.severity === 'error').map((d) => d.path)).size);
  if (invalid) result.warnings.push(invalid);
  for (const w of result.warnings) process.stderr.write(`warning: ${w}\n`);
  process.stdout.write(opts.json ? `${JSON.stringify(result, null, 2)}\n` : `${formatSlaText(result)}\n`);
  return EXIT.ok;
}
