/**
 * The input digest of a report as it would be printed now (the
 * 输入记录摘要 of its header: sha256 over its input records' bytes, see
 * reports/provenance.ts), computed from the report builders themselves so
 * that "which records a report rests on" stays the builders' rule.
 *
 * At a vendor's scale the register holds tens of thousands of delivered
 * reports; building each against the whole knowledge base costs a scan of
 * every record. A per-record report (maintenance, written reply,
 * inspection) is therefore built against a view holding only its own record
 * and the reference records it may cite; `report-digest.test.ts` checks on
 * the fixture knowledge base that the view gives the same inputs as the
 * whole knowledge base for every report.
 */
import fs from 'node:fs';
import path from 'node:path';
import type { Inspection, KnowledgeBase, LoadedRecord, Ticket } from '../records/types.js';
import type { AnnualAnalyses } from '../reports/analyses.js';
import { buildAnnualReport } from '../reports/annual-report.js';
import { buildInspectionReport, inspectionReportInputs } from '../reports/inspection-report.js';
import { collectProvenance, inputDigest, type Provenance } from '../reports/provenance.js';
import type { BuiltReport, ReportContext } from '../reports/report-types.js';
import { buildMaintenanceReport, buildWrittenReply, ticketReportInputs } from '../reports/ticket-reports.js';
import type { DeliveryKind } from './register.js';

/** Record bytes read on first use and kept (a report's digest needs only its inputs' bytes). */
class LazyBytes extends Map<string, Buffer> {
  constructor(private readonly root: string, private readonly known: ReadonlySet<string>) {
    super();
  }

  override get(p: string): Buffer | undefined {
    let b = super.get(p);
    if (b === undefined && this.known.has(p)) {
      b = fs.readFileSync(path.join(this.root, p));
      super.set(p, b);
    }
    return b;
  }

  override has(p: string): boolean {
    return this.known.has(p);
  }
}

/**
 * The provenance of a loaded KB (commit, dirty flag) whose record bytes are
 * read only when a digest needs them, instead of every record up front.
 */
export function lazyProvenance(kb: KnowledgeBase): Provenance {
  // commit and dirty flag (two git processes; `git status` walks records/) only when a rendered header asks
  let git: Pick<Provenance, 'commit' | 'dirty'> | undefined;
  const facts = () => (git ??= collectProvenance({ ...kb, records: [] }));
  return {
    get commit() { return facts().commit; },
    get dirty() { return facts().dirty; },
    bytes: new LazyBytes(kb.root, new Set(kb.records.map((r) => r.path))),
  };
}

/** What computing digests needs. */
export interface DigestContext {
  kb: KnowledgeBase;
  asOf: number;
  provenance: Provenance;
  /**
   * The analyses of a period's annual report. Given by callers that computed
   * them (build); otherwise SLA and compliance are computed here, for the
   * report's inputs only.
   */
  analyses?: (periodId: string) => Promise<AnnualAnalyses>;
}

interface Lookup {
  contract: LoadedRecord[];
  tickets: Map<string, Ticket>;
  inspections: Map<string, Inspection>;
}
const lookups = new WeakMap<KnowledgeBase, Lookup>();
function lookup(kb: KnowledgeBase): Lookup {
  let l = lookups.get(kb);
  if (!l) {
    l = {
      contract: kb.records.filter((r) => r.kind === 'contract'),
      tickets: new Map(kb.tickets.map((t) => [t.id, t])),
      inspections: new Map(kb.inspections.map((i) => [i.id, i])),
    };
    lookups.set(kb, l);
  }
  return l;
}

/**
 * The knowledge base as a per-record report sees it: its own ticket or
 * inspection, the contract, and every reference kind (people, releases,
 * interfaces …) as loaded.
 */
export function reportView(kb: KnowledgeBase, kind: DeliveryKind, id: string): KnowledgeBase {
  const l = lookup(kb);
  if (kind === 'maintenance' || kind === 'written-reply') {
    const t = l.tickets.get(id);
    return { ...kb, records: l.contract, tickets: t ? [t] : [] };
  }
  if (kind === 'inspection' || kind === 'database-inspection') {
    const ins = l.inspections.get(id);
    return { ...kb, records: l.contract, inspections: ins ? [ins] : [] };
  }
  return kb;
}

/** Analyses good enough for an annual report's inputs (which records it rests on): SLA and compliance, no Git audit. */
async function analysesForInputs(kb: KnowledgeBase, periodId: string, asOf: number): Promise<AnnualAnalyses> {
  const { computeSla } = await import('../sla/index.js');
  const { evaluateCompliance } = await import('../compliance/index.js');
  return {
    sla: computeSla(kb, { periodId, asOf }),
    compliance: await evaluateCompliance(kb, { periodId, asOf, root: kb.root, evidence: { manuals: [], guard: [], handover: [] } }),
    auditUnavailable: '（仅用于计算输入记录摘要）',
  };
}

/**
 * Builds a report (a per-record one against its view).
 * @throws UserError when the KB does not owe that report (e.g. the ticket is no longer a resolved fault)
 */
export async function buildForDigest(ctx: DigestContext, kind: DeliveryKind, id: string): Promise<BuiltReport> {
  const rc: ReportContext = { kb: reportView(ctx.kb, kind, id), asOf: ctx.asOf, provenance: ctx.provenance };
  switch (kind) {
    case 'maintenance': return buildMaintenanceReport(rc, id);
    case 'written-reply': return buildWrittenReply(rc, id);
    case 'inspection':
    case 'database-inspection': return buildInspectionReport(rc, id, kind);
    case 'annual': {
      const analyses = ctx.analyses ? await ctx.analyses(id) : await analysesForInputs(ctx.kb, id, ctx.asOf);
      return buildAnnualReport(rc, id, analyses);
    }
  }
}

/**
 * The input records of a report, as its builder names them. A per-record report's are asked of
 * the builder's own inputs function (against its view) without building the report: at a
 * vendor's scale the register holds tens of thousands of them, and building each one's Markdown
 * tree (and its printed digest) only to read its inputs was most of the deliveries step.
 * An annual report is built (its inputs follow from its sections).
 * @throws UserError when the KB does not owe that report
 */
export async function reportInputs(ctx: DigestContext, kind: DeliveryKind, id: string): Promise<string[]> {
  const rc: ReportContext = { kb: reportView(ctx.kb, kind, id), asOf: ctx.asOf, provenance: ctx.provenance };
  switch (kind) {
    case 'maintenance':
    case 'written-reply': return ticketReportInputs(rc, kind, id);
    case 'inspection':
    case 'database-inspection': return inspectionReportInputs(rc, id, kind);
    case 'annual': return (await buildForDigest(ctx, kind, id)).inputs;
  }
}

/** `sha256:<hex>` as the report header prints it. */
export function digestOf(provenance: Provenance, inputs: Iterable<string>): string {
  return `sha256:${inputDigest(provenance, inputs)}`;
}

/** The digest a report would print now. */
export async function currentDigest(ctx: DigestContext, kind: DeliveryKind, id: string): Promise<string> {
  return digestOf(ctx.provenance, await reportInputs(ctx, kind, id));
}
