/**
 * The main job as one pass over one load of the knowledge base: validate →
 * guard → compute (SLA and compliance per period, the Git audit, evidence
 * gathered once) → deliveries (which owed reports are due, delivered or
 * suspect) → the reports that are due or suspect. Every later step uses the
 * values of the earlier ones: nothing is parsed, scanned, audited or
 * computed twice. Writes its JSON results and reports; prints nothing (the
 * `build` command prints as the hooks report).
 */
import path from 'node:path';
import type { ComplianceResult } from '../compliance/types.js';
import type { AuditResult, MigratedRecords } from '../git/audit.js';
import type { GuardFinding } from '../guard/index.js';
import { loadKnowledgeBase, type KnowledgeBase } from '../records/index.js';
import type { AnnualAnalyses } from '../reports/analyses.js';
import type { BuiltReport, ReportKind } from '../reports/report-types.js';
import type { WrittenReport } from '../reports/write-reports.js';
import { writeJsonAtomic } from '../shared/atomic-file.js';
import { collectGarbage } from '../shared/collect-garbage.js';
import { UserError, type Diagnostic } from '../shared/errors.js';
import { formatCst } from '../shared/time.js';
import type { SlaResult } from '../sla/compute-sla.js';
import { listPeriods } from '../sla/resolve-period.js';
import { countStates, deliveryStatus, reportsToRender, suspectReports, type ReportDelivery } from '../delivery/index.js';
import { lazyProvenance } from '../delivery/report-digest.js';

export type StepName = 'validate' | 'scan' | 'compute' | 'deliveries' | 'reports';

/** How a step went: a one-line result for the summary. */
export interface StepReport {
  name: StepName;
  ok: boolean;
  ms: number;
  result: string;
}

export interface PipelineOptions {
  asOf: number;
  /** Only this service period (SLA, compliance, deliveries, reports); default: every period started by as-of. */
  period?: string;
  /** Where JSON results and `reports/` go (default `<root>/build`). */
  outDir?: string;
  /** Render no PDF (no Chromium needed). */
  skipPdf?: boolean;
  /** Render every owed report, delivered and unchanged ones too. */
  includeDelivered?: boolean;
  /** Stop after the deliveries step (no rendering). */
  skipReports?: boolean;
}

/** Called as the pipeline goes, so a command can print while it runs. */
export interface PipelineHooks {
  stepStarted?(name: StepName): void;
  /** After each step, with everything computed so far. */
  stepFinished?(step: StepReport, so: PipelineResult): void;
  progress?(name: StepName, done: number, total: number, label?: string): void;
}

/** One service period's results. */
export interface PeriodResult {
  id: string;
  sla: SlaResult;
  compliance: ComplianceResult;
}

export interface PipelineResult {
  steps: StepReport[];
  /** False when a step failed (invalid records, guard findings) and the pipeline stopped there. */
  ok: boolean;
  kb?: KnowledgeBase;
  /** The records' diagnostics plus the declared-facts check of manuals and hand-over manifests (site/check-declared-facts.ts). */
  diagnostics?: Diagnostic[];
  guard?: GuardFinding[];
  periods: PeriodResult[];
  /** The Git audit without its per-record provenance; `findings` holds the judged findings, the migrated records are in `auditMigrated`. */
  audit?: AuditResult;
  /** The `baseline-import` findings in the compact form of build/audit.json (scripts/git compactFindings). */
  auditMigrated?: MigratedRecords | null;
  /** Operator warnings (calendar years without data, evidence that could not be gathered …), deduplicated. */
  warnings: string[];
  deliveries?: ReportDelivery[];
  /**
   * Without `period`: every owed report, those of no service period too (what `report all` and the site's
   * delivery page judge); `deliveries` is its part in the periods built. Absent with `period`.
   */
  allDeliveries?: ReportDelivery[];
  reports?: { written: WrittenReport[]; index: string[] };
  /** JSON results written. */
  files: string[];
}

/** Steps after which a full collection runs (scripts/shared/collect-garbage.ts); measured in scripts/bench/RESULTS.md. */
const GC_AFTER = new Set<StepName>(['validate', 'compute', 'deliveries']);

/** Chinese note for an annual report when the Git history cannot be read (as reports/analyses.ts words it). */
const AUDIT_UNAVAILABLE = '知识库目录不是 Git 仓库（或无法读取 Git 历史），无法核对记录的登记时间与修改情况。';

/**
 * Runs the pipeline on the knowledge base at `root`.
 * @throws UserError for an unknown --period or a KB without a contract
 */
export async function runPipeline(root: string, opts: PipelineOptions, hooks: PipelineHooks = {}): Promise<PipelineResult> {
  const out = opts.outDir ?? path.join(root, 'build');
  const res: PipelineResult = { steps: [], ok: true, periods: [], warnings: [], files: [] };
  const warnings = new Set<string>();
  const json = async (file: string, value: unknown) => {
    const f = path.join(out, file);
    await writeJsonAtomic(f, value);
    res.files.push(f);
  };
  const step = async (name: StepName, fn: () => Promise<{ ok: boolean; result: string }>): Promise<boolean> => {
    hooks.stepStarted?.(name);
    const t0 = Date.now();
    const r = await fn();
    // the next step starts from the memory this one left live, not from the garbage it made (at 100k the heap
    // reached 2–3× its live size by the reports step, where the pandoc workers add their own)
    if (GC_AFTER.has(name)) collectGarbage();
    res.warnings = [...warnings];
    const s: StepReport = { name, ms: Date.now() - t0, ...r };
    res.steps.push(s);
    if (!r.ok) res.ok = false;
    hooks.stepFinished?.(s, res);
    return r.ok;
  };

  // the guard starts on its own thread beside the load when the machine has a core for it, reading the files
  // itself and handing the record files to the loader (each file read once); else it scans after the load,
  // from the bytes the loader kept (scripts/guard/scan-in-background.ts)
  const { startKnowledgeBaseScan } = await import('../guard/scan-in-background.js');
  const guardScan = startKnowledgeBaseScan(root, { feedRecords: true });
  try {
    return await runSteps();
  } finally {
    await guardScan.cancel(); // after the result was taken: harmless; on an early return or throw: lets the process exit
  }

  async function runSteps(): Promise<PipelineResult> {
    // 1. validate: the one load
    let kb!: KnowledgeBase;
    // without the guard thread: the bytes the loader read, for the guard (each file read once); released once scanned
    let bytes: KnowledgeBase['fileBytes'];
    const valid = await step('validate', async () => {
      kb = await loadKnowledgeBase(root, { ...guardScan.loadOptions(), onProgress: (d, t) => hooks.progress?.('validate', d, t) });
      bytes = kb.fileBytes;
      delete kb.fileBytes;
      res.kb = kb;
      // + manuals and hand-over manifests agree with the contract's databases
      const diagnostics = [...kb.diagnostics, ...(await (await import('../site/check-declared-facts.js')).checkDeclaredFacts(root, kb))];
      res.diagnostics = diagnostics;
      const errors = diagnostics.filter((d) => d.severity === 'error').length;
      return { ok: errors === 0, result: `${kb.fileCount} record files, ${errors} error(s), ${diagnostics.length - errors} warning(s)` };
    });
    if (!valid) return res;
    if (!kb.contract) throw new UserError(`${path.join(root, 'records/contract.yaml')}: no valid contract record; the build needs the contract`);
    const contract = kb.contract;
    const all = listPeriods(contract);
    if (opts.period !== undefined && !all.some((p) => p.id === opts.period)) {
      throw new UserError(`Unexpected --period \`${opts.period}\`, expected one of ${all.map((p) => `\`${p.id}\``).join(', ')}`);
    }
    const periods = opts.period !== undefined ? all.filter((p) => p.id === opts.period) : all.filter((p) => p.startMs <= opts.asOf);

    // 2. privacy and secret guard (its findings are also SEC-1's evidence)
    const scanned = await step('scan', async () => {
      res.guard = (await guardScan.result(bytes ? { contents: bytes, releaseContents: true } : {})).findings;
      bytes = undefined;
      return { ok: res.guard.length === 0, result: `${res.guard.length} finding(s)` };
    });
    if (!scanned) return res;

    // 3. compute: evidence once, SLA and compliance per period, the audit once
    const analyses = new Map<string, AnnualAnalyses>();
    await step('compute', async () => {
      const { computeSla } = await import('../sla/index.js');
      const { evaluateCompliance, gatherEvidence } = await import('../compliance/index.js');
      const { auditKnowledgeBase, compactFindings } = await import('../git/index.js');
      const evidence = await gatherEvidence(kb, root, (m) => warnings.add(m), { guard: res.guard ?? [] });
      const full = await auditKnowledgeBase(root, { asOf: opts.asOf });
      // keep the findings, not the per-record provenance of every record (hundreds of MB at 100k records), and the
      // migrated records in their compact form (one full finding each was 120 MB at 100k)
      const compact = full.available ? compactFindings(full.findings) : { findings: [], migrated: null };
      const audit = (full.available ? { ...full, records: [], findings: compact.findings } : full) as AuditResult;
      res.auditMigrated = compact.migrated;
      for (const n of audit.notes) warnings.add(n);
      res.audit = audit;
      const parts: string[] = [];
      for (const p of periods) {
        const sla = computeSla(kb, { periodId: p.id, asOf: opts.asOf });
        const compliance = await evaluateCompliance(kb, { periodId: p.id, asOf: opts.asOf, root, evidence });
        for (const w of [...sla.warnings, ...compliance.warnings]) warnings.add(w);
        res.periods.push({ id: p.id, sla, compliance });
        analyses.set(p.id, audit.available ? { sla, compliance, audit: audit.findings, migrated: compact.migrated } : { sla, compliance, auditUnavailable: AUDIT_UNAVAILABLE });
        parts.push(`${p.id}: ${sla.tickets.length} tickets, ${compliance.clauses.filter((c) => c.status === 'breached').length} clause(s) breached`);
      }
      parts.push(audit.available ? `audit: ${audit.summary.total} finding(s)${audit.summary.baseline ? `, ${audit.summary.baseline.records} migrated` : ''}` : `audit unavailable (${audit.reason})`);
      return { ok: true, result: parts.join('; ') };
    });

    // 4. deliveries: which owed reports are due, delivered, suspect
    const provenance = lazyProvenance(kb);
    const digestCtx = {
      kb, asOf: opts.asOf, provenance,
      analyses: async (pid: string) => analyses.get(pid) ?? (await import('../reports/analyses.js')).loadAnalyses(kb, { periodId: pid, asOf: opts.asOf, root }),
    };
    await step('deliveries', async () => {
      // one pass of digests: without --period every owed report is judged (the site lists them all), then kept to the periods built
      const ids = periods.map((p) => p.id);
      const onProgress = (d: number, t: number) => hooks.progress?.('deliveries', d, t);
      const all = opts.period === undefined ? await deliveryStatus(digestCtx, { onProgress }) : undefined;
      const status = all ? all.filter((r) => r.period !== null && ids.includes(r.period)) : await deliveryStatus(digestCtx, { periods: ids, onProgress });
      res.deliveries = status;
      res.allDeliveries = all;
      for (const p of res.periods) {
        await json(`sla-${p.id}.json`, p.sla);
        await json(`compliance-${p.id}.json`, { ...p.compliance, suspectReports: suspectReports(status.filter((r) => r.period === p.id)) });
      }
      const audit = res.audit!;
      await json('audit.json', audit.available ? { findings: audit.findings, migrated: res.auditMigrated ?? null, summary: audit.summary, baseline: audit.baseline, mainLine: audit.mainLine } : { unavailable: audit.reason, findings: [] });
      await json('deliveries.json', { asOf: formatCst(opts.asOf), periods: periods.map((p) => p.id), counts: countStates(status), reports: status });
      // the SLA's parsed-time caches served compute and the digests; the reports parse the few times they show
      (await import('../sla/index.js')).clearParseMemo();
      const c = countStates(status);
      return { ok: true, result: `${status.length} owed: ${c.due} due, ${c.suspect} suspect, ${c.delivered} delivered and unchanged → build/*.json` };
    });
    if (opts.skipReports) return res;

    // 5. reports: the due and suspect ones (every owed one with includeDelivered), built from this load
    await step('reports', async () => {
      const { buildAnnualReport } = await import('../reports/annual-report.js');
      const { buildInspectionReport } = await import('../reports/inspection-report.js');
      const { buildMaintenanceReport, buildWrittenReply } = await import('../reports/ticket-reports.js');
      const { writeAllReports } = await import('../reports/write-reports.js');
      const ctx = { kb, asOf: opts.asOf, provenance };
      const pick = opts.includeDelivered ? res.deliveries!.filter((r) => r.reason !== 'not-owed') : reportsToRender(res.deliveries!);
      // built as the renderer asks (it converts one report while the next is built), from this run's analyses
      const build = async (kind: ReportKind, id: string): Promise<BuiltReport> => {
        switch (kind) {
          case 'annual': return buildAnnualReport(ctx, id, await digestCtx.analyses(id));
          case 'maintenance': return buildMaintenanceReport(ctx, id);
          case 'written-reply': return buildWrittenReply(ctx, id);
          default: return buildInspectionReport(ctx, id, kind);
        }
      };
      const only = pick.map((r) => ({ kind: r.kind, id: r.id }));
      const written = await writeAllReports(ctx, path.join(out, 'reports'), { skipPdf: opts.skipPdf, only, build, onProgress: (d, t, l) => hooks.progress?.('reports', d, t, l) });
      res.reports = { written: written.reports, index: written.index };
      for (const w of written.reports.flatMap((r) => r.warnings)) warnings.add(w);
      const skipped = opts.includeDelivered ? 0 : res.deliveries!.filter((r) => r.state === 'delivered').length;
      const files = written.reports.reduce((n, r) => n + r.files.length, 0);
      return { ok: true, result: `${written.reports.length} rendered (${files} files), ${skipped} delivered and unchanged skipped → ${path.relative(root, path.join(out, 'reports')) || '.'}/` };
    });
    return res;
  }
}
