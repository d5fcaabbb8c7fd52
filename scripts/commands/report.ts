/**
 * `opsbook report <annual|inspection|database-inspection|maintenance|written-reply|all> [ID]
 *  [--period ID] [--format md|docx|pdf|html] [--out PATH] [--skip-pdf] [--final]`: builds
 * the contract's reports (SPEC §4). One report goes to --out or
 * build/reports/<name>.<ext> under the KB root; `all` writes every due report
 * (md, docx and pdf of every kind) and an index into build/reports/ or
 * --out DIR. A report whose period has not ended, whose inputs are
 * uncommitted or whose records lack required content is marked 草稿;
 * `--final` refuses it and lists what is missing (exit 1). Written paths go
 * to stdout, warnings and progress to stderr.
 */
import path from 'node:path';
import { loadKnowledgeBase } from '../records/index.js';
import { EXIT, formatDiagnostic, UserError } from '../shared/errors.js';
import { createProgress } from '../shared/progress.js';
import { REPORT_KINDS, type DraftReason, type ReportKind } from '../reports/report-types.js';
import { checkOffice } from '../reports/pdf.js';
import { buildOne, reportContext, writeAllReports, writeReport, type ReportFormat } from '../reports/write-reports.js';
import type { GlobalOptions } from './context.js';

const EXT: Record<ReportFormat, string> = { md: 'md', docx: 'docx', pdf: 'pdf', html: 'html' };

/** One line per draft reason: `path:1:1  年度运维总结报告 Y1: message  report-draft` (no path: the KB root). */
function draftLines(title: string, id: string, reasons: DraftReason[]): string[] {
  return reasons.map((r) => formatDiagnostic({
    path: r.path ?? 'records', line: r.path ? 1 : 0, column: r.path ? 1 : 0, rule: 'report-draft', severity: 'error',
    message: `${title} ${id}: ${r.record && !r.path ? `${r.record} ` : ''}${r.field ? `${r.field}: ` : ''}${r.message}`,
  }));
}

/**
 * Runs `report`.
 * @returns 0 when written, 1 when `--final` refused a draft, 2 for bad arguments or a missing renderer
 */
export async function run(args: string[], opts: Record<string, unknown>, globals: GlobalOptions): Promise<number> {
  const [kindArg, id] = args;
  if (kindArg !== 'all' && !REPORT_KINDS.includes(kindArg as ReportKind)) {
    throw new UserError(`Unexpected report kind \`${kindArg ?? ''}\`, expected one of ${[...REPORT_KINDS, 'all'].join(', ')}`);
  }
  const format = (opts.format as ReportFormat | undefined) ?? 'md';
  const out = typeof opts.out === 'string' ? path.resolve(opts.out) : undefined;
  const period = typeof opts.period === 'string' ? opts.period : undefined;
  const skipPdf = opts.skipPdf === true;
  const final = opts.final === true;

  const kb = await loadKnowledgeBase(globals.root);
  const invalid = new Set(kb.diagnostics.filter((d) => d.severity === 'error').map((d) => d.path)).size;
  if (invalid) process.stderr.write(`warning: ${invalid} record file(s) are invalid and left out of the reports (run \`opsbook validate\`)\n`);
  if (!kb.contract) throw new UserError(`${path.join(globals.root, 'records/contract.yaml')}: no valid contract record; reports need the contract (run \`opsbook validate\`)`);
  const ctx = reportContext(kb, globals.asOf);

  if (kindArg === 'all') {
    if (id !== undefined) throw new UserError('Unexpected id with `report all`, expected no id (use `report <kind> <id>` for one report)');
    if (!skipPdf) checkOffice();
    const outDir = out ?? path.join(globals.root, 'build', 'reports');
    const progress = createProgress('reports', globals.interactive);
    // only what is due or suspect against the delivery register (scripts/delivery), unless --include-delivered
    const { deliveryStatus, reportsToRender, countStates } = await import('../delivery/index.js');
    const status = opts.includeDelivered ? undefined : await deliveryStatus({ kb, asOf: globals.asOf, provenance: ctx.provenance });
    const only = status ? reportsToRender(status).map((r) => ({ kind: r.kind, id: r.id })) : undefined;
    const res = await writeAllReports(ctx, outDir, { skipPdf, final, only, onProgress: (d, t, l) => progress.update(d, t, l) });
    const drafts = res.reports.filter((r) => r.draft.length).length;
    progress.done(`wrote ${res.reports.length} report(s) to ${path.relative(process.cwd(), outDir) || '.'}${drafts ? ` (${drafts} marked 草稿)` : ''}`);
    if (status) process.stderr.write(`${countStates(status).delivered} report(s) delivered and unchanged, not rendered (--include-delivered renders them too)\n`);
    for (const w of new Set(res.reports.flatMap((r) => r.warnings))) process.stderr.write(`warning: ${w}\n`);
    for (const r of res.reports) for (const f of r.files) process.stdout.write(`${f}\n`);
    for (const f of res.index) process.stdout.write(`${f}\n`);
    if (res.refused.length) {
      for (const r of res.refused) for (const l of draftLines(r.title, r.id, r.draft)) process.stderr.write(`${l}\n`);
      process.stderr.write(`--final: refused ${res.refused.length} draft report(s); complete the records above, commit them, and run again\n`);
      return EXIT.findings;
    }
    return EXIT.ok;
  }

  const kind = kindArg as ReportKind;
  if (format === 'pdf') checkOffice();
  const report = await buildOne(ctx, kind, id, period);
  for (const w of report.warnings) process.stderr.write(`warning: ${w}\n`);
  if (final && report.draft.length) {
    for (const l of draftLines(report.title, report.id, report.draft)) process.stderr.write(`${l}\n`);
    process.stderr.write(`--final: ${report.title} ${report.id} is a draft (${report.draft.length} reason(s) above); nothing written\n`);
    return EXIT.findings;
  }
  if (report.draft.length) process.stderr.write(`note: ${report.title} ${report.id} is marked 草稿 (${report.draft.length} reason(s); --final lists them)\n`);
  const file = out ?? path.join(globals.root, 'build', 'reports', `${report.fileBase}.${EXT[format]}`);
  for (const f of await writeReport(report, format, file, globals.asOf)) process.stdout.write(`${f}\n`);
  return EXIT.ok;
}
