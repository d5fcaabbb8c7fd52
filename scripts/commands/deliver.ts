/**
 * `opsbook deliver <kind> <id> --by P-… [--at …] [--delivered-by P-…]
 * [--format docx|pdf|paper] [--file NAME] [--note TEXT] [--dry-run]`:
 * registers a report as handed over to the hospital (records/deliveries/),
 * with the input digest the report prints now. Valid by construction and
 * checked with the real validator before it is written (atomically, never
 * over an existing file).
 *
 * `opsbook deliver --backfill --by P-… [--until YYYY-MM-DD] [--dry-run]`:
 * registers every owed report that the records already show as handed over
 * (see scripts/delivery/README.md).
 */
import path from 'node:path';
import { formatDiagnostic, UserError, EXIT } from '../shared/errors.js';
import { writeFileAtomic } from '../shared/atomic-file.js';
import { checkDate, cstDateOf, formatDate } from '../shared/time.js';
import { checkRecordText, loadKnowledgeBase } from '../records/index.js';
import { lazyProvenance } from '../delivery/report-digest.js';
import { checkPlanned, planBackfill, planDelivery, type PlannedDelivery } from '../delivery/plan-delivery.js';
import type { Delivery } from '../records/types.js';
import type { GlobalOptions } from './context.js';

const str = (v: unknown): string | undefined => (typeof v === 'string' ? v : undefined);

export async function run(args: string[], opts: Record<string, unknown>, g: GlobalOptions): Promise<number> {
  const kb = await loadKnowledgeBase(g.root);
  const invalid = kb.diagnostics.filter((d) => d.severity === 'error');
  if (invalid.length) {
    for (const d of invalid.slice(0, 20)) process.stderr.write(`${formatDiagnostic(d)}\n`);
    throw new UserError(`${invalid.length} error(s) in the knowledge base: a digest of invalid records would not match the report; fix them first (opsbook validate)`, { exitCode: EXIT.findings });
  }
  if (!kb.contract) throw new UserError(`${path.join(g.root, 'records/contract.yaml')}: no valid contract record; deliveries need the contract`);
  const ctx = { kb, asOf: g.asOf, provenance: lazyProvenance(kb) };

  let planned: PlannedDelivery[];
  let diagnostics;
  if (opts.backfill) {
    if (args.length) throw new UserError('Unexpected kind or id with --backfill, expected `deliver --backfill --by P-… [--until YYYY-MM-DD]`');
    const by = str(opts.by);
    if (!by) throw new UserError('Unexpected missing --by with --backfill, expected the hospital person who signed for reports whose records name no signer (e.g. --by P-zhengwenbo)');
    const until = str(opts.until) ?? formatDate(cstDateOf(g.asOf));
    if (checkDate(until) !== null) throw new UserError(`Unexpected --until \`${until}\`, expected a date YYYY-MM-DD`);
    planned = await planBackfill(ctx, { by, until });
    diagnostics = checkPlanned(kb, planned);
  } else {
    if (opts.until !== undefined) throw new UserError('Unexpected --until without --backfill');
    const p = await planDelivery(ctx, {
      kind: args[0] ?? '', reportId: args[1], by: str(opts.by), at: str(opts.at), deliveredBy: str(opts.deliveredBy),
      format: str(opts.format) as Delivery['format'], file: str(opts.file), note: str(opts.note),
    });
    planned = [p];
    diagnostics = await checkRecordText(g.root, p.path, 'delivery', p.text);
  }

  const errors = diagnostics.filter((d) => d.severity === 'error');
  for (const d of diagnostics) process.stderr.write(`${formatDiagnostic(d)}\n`);
  if (opts.dryRun) {
    for (const p of planned) process.stdout.write(`# ${p.path}\n${p.text}`);
    process.stderr.write(errors.length ? `✖ ${planned.length} record(s) would be invalid (${errors.length} error(s))\n` : `✔ ${planned.length} delivery record(s) would be valid (dry run, nothing written)\n`);
    return errors.length ? EXIT.findings : EXIT.ok;
  }
  if (errors.length) {
    process.stderr.write(`✖ nothing written: ${errors.length} error(s)\n`);
    return EXIT.findings;
  }
  for (const p of planned) {
    await writeFileAtomic(path.join(g.root, p.path), p.text, { create: true });
    process.stdout.write(`${p.path}\n`);
  }
  const one = planned[0];
  process.stderr.write(planned.length === 1 && one
    ? `✔ registered ${one.data.kind} ${one.data.report_id} as delivered ${one.data.delivered_at} (${one.data.input_digest.slice(0, 19)}…) → ${one.path}\n`
    : `✔ registered ${planned.length} deliveries under records/deliveries/\n`);
  return EXIT.ok;
}
