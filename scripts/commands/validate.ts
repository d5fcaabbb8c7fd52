/** `opsbook validate`: schemas + cross-record rules (+ the privacy guard). */
import { formatDiagnostic, type Diagnostic } from '../shared/errors.js';
import { createProgress } from '../shared/progress.js';
import { weight } from '../records/cap-diagnostics.js';
import { loadKnowledgeBase } from '../records/index.js';
import type { GlobalOptions } from './context.js';

export async function run(_args: string[], opts: Record<string, unknown>, g: GlobalOptions): Promise<number> {
  const json = !!opts.json;
  const progress = createProgress('validating', g.interactive && !json);
  let only: Set<string> | undefined;
  let files: string[] | undefined;
  let changedNote = '';
  if (typeof opts.changed === 'string') {
    const { changedRecordScope } = await import('../git/index.js');
    const scope = await changedRecordScope(g.root, opts.changed);
    only = scope.files;
    files = scope.recordFiles;
    changedNote = ` (changed since ${opts.changed}: ${scope.changed.length} file(s), ${scope.files.size} checked)`;
  }
  const scan = opts.scan !== false;
  // The guard scans beside the loader, on a second core when there is one, and hands the loader the record
  // files it has read (scripts/guard/scan-in-background.ts); otherwise it scans after the load the record
  // files the loader has read. Either way each file is read once.
  const guard = scan ? (await import('../guard/scan-in-background.js')).startKnowledgeBaseScan(g.root, { ...(only ? { paths: [...only] } : {}), feedRecords: true }) : undefined;
  let kb;
  try {
    kb = await loadKnowledgeBase(g.root, { only, files, ...(guard?.loadOptions() ?? {}), cache: true, onProgress: (d, t) => progress.update(d, t) });
  } catch (err) {
    await guard?.cancel();
    throw err;
  }
  progress.done();
  let diagnostics: Diagnostic[] = kb.diagnostics;
  if (only) diagnostics = diagnostics.filter((d) => only!.has(d.path));
  if (guard) {
    // nothing after the scan needs the bytes: the guard frees each file's as it goes
    const { findings } = await guard.result(kb.fileBytes ? { contents: kb.fileBytes, releaseContents: true } : {});
    diagnostics = [...diagnostics, ...findings.map((f) => ({ path: f.path, line: f.line, column: f.column, message: `${f.message} (${f.excerpt}) — ${f.fix}`, rule: f.rule, severity: 'error' as const }))];
  }
  // One declaration per fact: manuals and hand-over manifests agree with the contract's databases (scripts/site).
  const { checkDeclaredFacts } = await import('../site/check-declared-facts.js');
  diagnostics = [...diagnostics, ...(await checkDeclaredFacts(g.root, kb))];
  const errors = diagnostics.filter((d) => d.severity === 'error');
  const warnings = diagnostics.filter((d) => d.severity === 'warning');
  if (json) {
    process.stdout.write(`${JSON.stringify({ valid: errors.length === 0, files: kb.fileCount, records: kb.records.length, errors: errors.length, warnings: warnings.length, diagnostics }, null, 2)}\n`);
  } else {
    for (const d of diagnostics) process.stdout.write(`${formatDiagnostic(d)}\n`);
    // the problems a `more-problems` line stands for count too: 100 errors, 80 of them not shown
    let errorCount = 0;
    let warningCount = 0;
    let hidden = 0;
    for (const d of diagnostics) {
      const w = weight(d);
      errorCount += w.errors;
      warningCount += w.warnings;
      if (d.rule === 'more-problems') hidden += w.errors + w.warnings;
    }
    const notShown = hidden ? ` (${hidden} not shown)` : '';
    const summary = errors.length === 0
      ? `✔ ${kb.fileCount} record file(s) valid${warningCount ? `, ${warningCount} warning(s)${notShown}` : ''}${changedNote}`
      : `✖ ${errorCount} error(s)${warningCount ? `, ${warningCount} warning(s)` : ''} in ${new Set(errors.map((e) => e.path)).size} file(s) of ${kb.fileCount}${notShown}${changedNote}`;
    process.stderr.write(`${summary}\n`);
  }
  return errors.length ? 1 : 0;
}
