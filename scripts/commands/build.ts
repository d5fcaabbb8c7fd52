/**
 * `opsbook build [--period ID] [--skip-site] [--skip-pdf] [--include-delivered]`
 * — the main job (README, .ci/run): validate → scan → compute (SLA,
 * compliance, provenance audit) → deliveries → reports (only those due or
 * suspect) → site, on one load of the knowledge base (scripts/pipeline; the
 * site's generated pages reuse its KB and results), with
 * progress on a terminal and a summary at the end. Stops at the first step
 * that fails; the audit, breaches and suspect reports are findings to read,
 * not failures.
 */
import path from 'node:path';
import { formatDiagnostic } from '../shared/errors.js';
import { createProgress, type Progress } from '../shared/progress.js';
import { formatSuspectText, suspectReports } from '../delivery/index.js';
import { runPipeline, type PipelineResult, type StepName, type StepReport } from '../pipeline/run-pipeline.js';
import type { GlobalOptions } from './context.js';

const say = (s: string) => process.stderr.write(`${s}\n`);
const LABEL: Record<StepName, string> = { validate: '  records', scan: '  scan', compute: '  compute', deliveries: '  digests', reports: '  reports' };

export async function run(_args: string[], opts: Record<string, unknown>, g: GlobalOptions): Promise<number> {
  const skipPdf = opts.skipPdf === true;
  if (!skipPdf) (await import('../reports/pdf.js')).checkOffice();
  const { formatFinding } = await import('../guard/index.js');
  const steps: StepReport[] = [];
  let bar: Progress | undefined;
  let started = 0;
  const res = await runPipeline(g.root, {
    asOf: g.asOf,
    period: typeof opts.period === 'string' ? opts.period : undefined,
    skipPdf,
    includeDelivered: opts.includeDelivered === true,
  }, {
    stepStarted(name) {
      say(`▶ ${name}`);
      started = Date.now();
      bar = createProgress(LABEL[name], g.interactive);
    },
    progress(_name, done, total, label) {
      bar?.update(done, total, label);
    },
    stepFinished(s, so) {
      bar?.done();
      bar = undefined;
      steps.push(s);
      if (s.name === 'validate') for (const d of so.diagnostics ?? []) process.stdout.write(`${formatDiagnostic(d)}\n`);
      if (s.name === 'scan') for (const f of so.guard ?? []) process.stdout.write(`${formatFinding(f)}\n`);
      if (s.name === 'compute') for (const w of so.warnings) say(`  warning: ${w}`);
      if (s.name === 'deliveries') {
        const text = formatSuspectText(suspectReports(so.deliveries ?? []));
        if (text) say(text.split('\n').map((l) => `  ${l}`).join('\n'));
      }
      say(`${s.ok ? '✔' : '✖'} ${s.name}: ${s.result} (${((Date.now() - started) / 1000).toFixed(1)} s)`);
    },
  });
  if (!res.ok) return summary(steps, 1);

  if (opts.skipSite !== true) {
    say('▶ site');
    const s = await siteStep(res, g);
    steps.push(s);
    say(`${s.ok ? '✔' : '✖'} site: ${s.result} (${(s.ms / 1000).toFixed(1)} s)`);
    if (!s.ok) return summary(steps, 1);
  }
  return summary(steps, 0);
}

/**
 * The site step: the generated pages from the pipeline's load and results (no second load, SLA, compliance or
 * digest pass), then the Docusaurus build into `build/site` (scripts/commands/site.ts). Exported for the bench
 * (scripts/bench/site-rebuild.ts), which times this step as the build runs it.
 */
export async function siteStep(res: PipelineResult, g: GlobalOptions): Promise<StepReport> {
  const t0 = Date.now();
  const site = await import('./site.js');
  const { loadEngines, reuseResults } = await import('../site/engines.js');
  const engines = await reuseResults(await loadEngines(), { kb: res.kb!, asOf: g.asOf, periods: res.periods, deliveries: res.allDeliveries });
  const code = await site.run(['build'], { out: path.join(g.root, 'build', 'site'), generate: { kb: res.kb, engines } }, g);
  return { name: 'site' as StepName, ok: code === 0, ms: Date.now() - t0, result: code === 0 ? 'build/site/' : `docusaurus build failed (exit ${code})` };
}

function summary(steps: StepReport[], code: number): number {
  say('');
  say('opsbook build summary');
  for (const s of steps) say(`  ${s.ok ? '✔' : '✖'} ${s.name.padEnd(10)} ${(s.ms / 1000).toFixed(1).padStart(6)} s  ${s.result}`);
  say(code === 0 ? 'build finished' : 'build stopped: fix the problems above (path:line:col) and run again');
  return code;
}
