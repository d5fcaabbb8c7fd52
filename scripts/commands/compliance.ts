/**
 * `opsbook compliance [--period ID] [--json] [--strict]`: the clause matrix
 * of SPEC §3 for one service period as of `--as-of`. --strict exits 1 when a
 * clause is breached. With --json, stdout is exactly one JSON document.
 */
import { evaluateCompliance, formatComplianceText } from '../compliance/index.js';
import { loadKnowledgeBase } from '../records/index.js';
import { EXIT } from '../shared/errors.js';
import type { GlobalOptions } from './context.js';
import { invalidRecordsWarning } from './sla.js';

/**
 * Runs `compliance`.
 * @returns 0; 1 with --strict when any clause is breached; 2 for usage errors (thrown)
 */
export async function run(_args: string[], opts: Record<string, unknown>, g: GlobalOptions): Promise<number> {
  const kb = await loadKnowledgeBase(g.root);
  const result = await evaluateCompliance(kb, { periodId: typeof opts.period === 'string' ? opts.period : undefined, asOf: g.asOf, root: g.root });
  const invalid = invalidRecordsWarning(new Set(kb.diagnostics.filter((d) => d.severity === 'error').map((d) => d.path)).size);
  if (invalid) result.warnings.push(invalid);
  // delivered reports whose inputs changed since (scripts/delivery): listed beside the matrix, for the judged period
  const { findSuspectReports, formatSuspectText } = await import('../delivery/index.js');
  const { suspects } = await findSuspectReports(kb, { asOf: g.asOf, periods: [result.period.id] });
  for (const w of result.warnings) process.stderr.write(`warning: ${w}\n`);
  const suspectText = formatSuspectText(suspects);
  process.stdout.write(opts.json ? `${JSON.stringify({ ...result, suspectReports: suspects }, null, 2)}\n` : `${formatComplianceText(result)}\n${suspectText ? `\n${suspectText}\n` : ''}`);
  return opts.strict && result.counts.breached > 0 ? EXIT.findings : EXIT.ok;
}
