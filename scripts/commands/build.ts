/**
 * `opsbook build` — the main job (README, .ci/run): validate → scan →
 * compute (SLA, compliance, provenance audit) → reports → site, with
 * progress on a terminal and a summary at the end. Stops at the first step
 * that fails; the audit and breaches are findings to read, not failures.
 */
import fs from 'node:fs';
import path from 'node:path';
import { formatDiagnostic } from '../shared/errors.js';
import { writeFileAtomic } from '../shared/atomic-file.js';
import { createProgress } from '../shared/progress.js';
import { loadKnowledgeBase } from '../records/index.js';
import type { GlobalOptions } from './context.js';

interface Step {
  name: string;
  ms: number;
  result: string;
  ok: boolean;
}

const say = (s: string) => process.stderr.write(`${s}\n`);

async function step(steps: Step[], name: string, fn: () => Promise<{ ok: boolean; result: string }>): Promise<boolean> {
  say(`▶ ${name}`);
  const t0 = Date.now();
  const r = await fn();
  steps.push({ name, ms: Date.now() - t0, ...r });
  say(`${r.ok ? '✔' : '✖'} ${name}: ${r.result} (${((Date.now() - t0) / 1000).toFixed(1)} s)`);
  return r.ok;
}

export async function run(_args: string[], opts: Record<string, unknown>, g: GlobalOptions): Promise<number> {
  const steps: Step[] = [];
  const out = path.join(g.root, 'build');
  fs.mkdirSync(out, { recursive: true });
  const json = (file: string, value: unknown) => writeFileAtomic(path.join(out, file), `${JSON.stringify(value, null, 2)}\n`);

  // 1. validate
  let kb!: Awaited<ReturnType<typeof loadKnowledgeBase>>;
  const ok = await step(steps, 'validate', async () => {
    const progress = createProgress('  records', g.interactive);
    kb = await loadKnowledgeBase(g.root, { onProgress: (d, t) => progress.update(d, t) });
    progress.done();
    const errors = kb.diagnostics.filter((d) => d.severity === 'error');
    for (const d of kb.diagnostics) process.stdout.write(`${formatDiagnostic(d)}\n`);
    return { ok: errors.length === 0, result: `${kb.fileCount} record files, ${errors.length} error(s), ${kb.diagnostics.length - errors.length} warning(s)` };
  });
  if (!ok) return summary(steps, 1);

  // 2. privacy and secret guard (its findings are also SEC-1's evidence below)
  let guardFindings: Awaited<ReturnType<typeof import('../guard/index.js').scanKnowledgeBase>> = [];
  const scanned = await step(steps, 'scan', async () => {
    const { scanKnowledgeBase, formatFinding } = await import('../guard/index.js');
    const findings = await scanKnowledgeBase(g.root);
    guardFindings = findings;
    for (const f of findings) process.stdout.write(`${formatFinding(f)}\n`);
    return { ok: findings.length === 0, result: `${findings.length} finding(s)` };
  });
  if (!scanned) return summary(steps, 1);

  // 3. compute: SLA and compliance per started period, provenance audit
  await step(steps, 'compute', async () => {
    const { computeSla, listPeriods } = await import('../sla/index.js');
    const { evaluateCompliance, gatherEvidence } = await import('../compliance/index.js');
    const { auditKnowledgeBase } = await import('../git/index.js');
    const warnings = new Set<string>();
    const evidence = await gatherEvidence(kb, g.root, (m) => warnings.add(m), { guard: guardFindings });
    const parts: string[] = [];
    for (const p of listPeriods(kb.contract!).filter((p) => p.startMs <= g.asOf)) {
      const sla = computeSla(kb, { periodId: p.id, asOf: g.asOf });
      const matrix = await evaluateCompliance(kb, { periodId: p.id, asOf: g.asOf, root: g.root, evidence });
      await json(`sla-${p.id}.json`, sla);
      await json(`compliance-${p.id}.json`, matrix);
      for (const w of [...sla.warnings, ...matrix.warnings]) warnings.add(w);
      const breached = matrix.clauses.filter((c) => c.status === 'breached').length;
      parts.push(`${p.id}: ${sla.tickets.length} tickets, ${breached} clause(s) breached`);
    }
    const audit = await auditKnowledgeBase(g.root, { asOf: g.asOf });
    for (const n of audit.notes) warnings.add(n);
    await json('audit.json', audit.available ? { findings: audit.findings, summary: audit.summary, baseline: audit.baseline, mainLine: audit.mainLine } : { unavailable: audit.reason, findings: [] });
    parts.push(audit.available ? `audit: ${audit.summary.total} finding(s)${audit.summary.baseline ? `, ${audit.summary.baseline.records} migrated` : ''}` : `audit unavailable (${audit.reason})`);
    for (const w of warnings) say(`  warning: ${w}`);
    return { ok: true, result: `${parts.join('; ')} → build/*.json` };
  });

  // 4. reports
  const reported = await step(steps, 'reports', async () => {
    const { reportContext, writeAllReports } = await import('../reports/write-reports.js');
    const { checkChromium } = await import('../reports/pdf.js');
    const skipPdf = opts.skipPdf === true;
    if (!skipPdf) checkChromium();
    const bar = createProgress('  reports', g.interactive);
    const res = await writeAllReports(reportContext(kb, g.asOf), path.join(out, 'reports'), { skipPdf, onProgress: (d, t, l) => bar.update(d, t, l) });
    bar.done();
    const files = res.reports.reduce((n, r) => n + r.files.length, 0);
    return { ok: true, result: `${res.reports.length} reports, ${files} files → build/reports/` };
  });
  if (!reported) return summary(steps, 1);

  // 5. site
  if (opts.skipSite !== true) {
    const built = await step(steps, 'site', async () => {
      const site = await import('./site.js');
      const code = await site.run(['build'], { out: path.join(out, 'site') }, g);
      return { ok: code === 0, result: code === 0 ? 'build/site/' : `docusaurus build failed (exit ${code})` };
    });
    if (!built) return summary(steps, 1);
  }
  return summary(steps, 0);
}

function summary(steps: Step[], code: number): number {
  say('');
  say('opsbook build summary');
  for (const s of steps) say(`  ${s.ok ? '✔' : '✖'} ${s.name.padEnd(9)} ${(s.ms / 1000).toFixed(1).padStart(6)} s  ${s.result}`);
  say(code === 0 ? 'build finished' : 'build stopped: fix the problems above (path:line:col) and run again');
  return code;
}
