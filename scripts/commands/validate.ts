/** `opsbook validate`: schemas + cross-record rules (+ the privacy guard). */
import { formatDiagnostic, type Diagnostic } from '../shared/errors.js';
import { createProgress } from '../shared/progress.js';
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
  const kb = await loadKnowledgeBase(g.root, { only, files, onProgress: (d, t) => progress.update(d, t) });
  progress.done();
  let diagnostics: Diagnostic[] = kb.diagnostics;
  if (only) diagnostics = diagnostics.filter((d) => only!.has(d.path));
  if (opts.scan !== false) {
    const { scanKnowledgeBase } = await import('../guard/index.js');
    const findings = await scanKnowledgeBase(g.root, only ? { paths: [...only] } : {});
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
    const summary = errors.length === 0
      ? `✔ ${kb.fileCount} record file(s) valid${warnings.length ? `, ${warnings.length} warning(s)` : ''}${changedNote}`
      : `✖ ${errors.length} error(s)${warnings.length ? `, ${warnings.length} warning(s)` : ''} in ${new Set(errors.map((e) => e.path)).size} file(s) of ${kb.fileCount}${changedNote}`;
    process.stderr.write(`${summary}\n`);
  }
  return errors.length ? 1 : 0;
}
