/**
 * The annual report's inputs computed by other domains: SLA clocks
 * (scripts/sla), the compliance matrix (scripts/compliance) and the Git
 * provenance audit (scripts/git). They are imported at run time and checked
 * against the shapes of SPEC §7, so the report builds (saying what is
 * missing) even when a module is absent or its answer has an unexpected shape.
 */
import type { KnowledgeBase } from '../records/index.js';

/** One ticket's clocks (SPEC §7 `sla --json` tickets[]). */
export interface SlaTicketView {
  id: string;
  severity: string;
  category?: string;
  responseMinutes: number | null;
  response: string;
  onsite: string;
  resolutionMinutes: number | null;
}

export interface SlaView {
  tickets: SlaTicketView[];
}

/** One clause row of the compliance matrix (SPEC §7 `compliance --json`). */
export interface ClauseView {
  id: string;
  title?: string;
  section?: string;
  status: string;
  evidence: string[];
  findings: { record?: string; message: string }[];
}

export interface ComplianceView {
  clauses: ClauseView[];
}

/** One provenance finding (SPEC §7 `audit --json`). */
export interface AuditFindingView {
  record: string;
  kind: string;
  field?: string;
  commit?: string;
  author?: string;
  message: string;
}

/** What the annual report gets from the other domains; absent parts are listed in `missing`. */
export interface AnnualAnalyses {
  sla?: SlaView;
  compliance?: ComplianceView;
  audit?: AuditFindingView[];
  /** One English sentence per analysis that could not be obtained (for stderr). */
  missing: string[];
}

const isObj = (x: unknown): x is Record<string, unknown> => typeof x === 'object' && x !== null;
const numOrNull = (x: unknown): number | null => (typeof x === 'number' && Number.isFinite(x) ? x : null);

/** Checks and narrows an SLA result; null when it does not have the SPEC shape. */
export function toSlaView(x: unknown): SlaView | null {
  if (!isObj(x) || !Array.isArray(x.tickets)) return null;
  const tickets: SlaTicketView[] = [];
  for (const t of x.tickets) {
    if (!isObj(t) || typeof t.id !== 'string' || typeof t.severity !== 'string') return null;
    tickets.push({
      id: t.id,
      severity: t.severity,
      ...(typeof t.category === 'string' ? { category: t.category } : {}),
      responseMinutes: numOrNull(t.responseMinutes),
      response: typeof t.response === 'string' ? t.response : 'n/a',
      onsite: typeof t.onsite === 'string' ? t.onsite : 'n/a',
      resolutionMinutes: numOrNull(t.resolutionMinutes),
    });
  }
  return { tickets };
}

/** Checks and narrows a compliance result; null when it does not have the SPEC shape. */
export function toComplianceView(x: unknown): ComplianceView | null {
  if (!isObj(x) || !Array.isArray(x.clauses)) return null;
  const clauses: ClauseView[] = [];
  for (const c of x.clauses) {
    if (!isObj(c) || typeof c.id !== 'string' || typeof c.status !== 'string') return null;
    const evidence = Array.isArray(c.evidence) ? c.evidence.map((e) => (typeof e === 'string' ? e : isObj(e) && typeof e.id === 'string' ? e.id : String(e))) : [];
    const findings = Array.isArray(c.findings)
      ? c.findings.filter(isObj).map((f) => ({
        ...(typeof f.record === 'string' ? { record: f.record } : {}),
        message: typeof f.message === 'string' ? f.message : JSON.stringify(f),
      }))
      : [];
    clauses.push({
      id: c.id,
      ...(typeof c.title === 'string' ? { title: c.title } : {}),
      ...(typeof c.section === 'string' ? { section: c.section } : {}),
      status: c.status,
      evidence,
      findings,
    });
  }
  return { clauses };
}

/** Checks and narrows audit findings (an array, or `{ findings: [...] }`). */
export function toAuditView(x: unknown): AuditFindingView[] | null {
  const list = Array.isArray(x) ? x : isObj(x) && Array.isArray(x.findings) ? x.findings : null;
  if (!list) return null;
  const out: AuditFindingView[] = [];
  for (const f of list) {
    if (!isObj(f) || typeof f.message !== 'string') return null;
    out.push({
      record: typeof f.record === 'string' ? f.record : '',
      kind: typeof f.kind === 'string' ? f.kind : '',
      ...(typeof f.field === 'string' ? { field: f.field } : {}),
      ...(typeof f.commit === 'string' ? { commit: f.commit } : {}),
      ...(typeof f.author === 'string' ? { author: f.author } : {}),
      message: f.message,
    });
  }
  return out;
}

// Module specifiers held in variables: the modules are written by other
// engineers and may not exist yet; TypeScript must not resolve them statically.
const SLA_MODULE = '../sla/index.js';
const COMPLIANCE_MODULE = '../compliance/index.js';
const GIT_MODULE = '../git/index.js';

async function tryImport(spec: string): Promise<Record<string, unknown> | null> {
  try {
    return (await import(spec)) as Record<string, unknown>;
  } catch (err) {
    const code = (err as { code?: string }).code;
    if (code === 'ERR_MODULE_NOT_FOUND' || code === 'MODULE_NOT_FOUND') return null;
    throw err;
  }
}

/**
 * Computes the analyses the annual report of one period needs.
 * @param kb loaded knowledge base
 * @param opts period id, as-of (epoch ms) and KB root
 */
export async function loadAnalyses(kb: KnowledgeBase, opts: { periodId: string; asOf: number; root: string }): Promise<AnnualAnalyses> {
  const out: AnnualAnalyses = { missing: [] };
  const sla = await tryImport(SLA_MODULE);
  if (sla && typeof sla.computeSla === 'function') {
    const view = toSlaView(await (sla.computeSla as (k: unknown, o: unknown) => unknown)(kb, { periodId: opts.periodId, asOf: opts.asOf }));
    if (view) out.sla = view;
    else out.missing.push('scripts/sla computeSla() returned an unexpected shape; SLA sections show record data only');
  } else {
    out.missing.push('scripts/sla (computeSla) is not available; SLA attainment is left out of the annual report');
  }
  const comp = await tryImport(COMPLIANCE_MODULE);
  if (comp && typeof comp.evaluateCompliance === 'function') {
    const view = toComplianceView(await (comp.evaluateCompliance as (k: unknown, o: unknown) => unknown)(kb, { periodId: opts.periodId, asOf: opts.asOf, root: opts.root }));
    if (view) out.compliance = view;
    else out.missing.push('scripts/compliance evaluateCompliance() returned an unexpected shape; the compliance matrix is left out');
  } else {
    out.missing.push('scripts/compliance (evaluateCompliance) is not available; the compliance matrix is left out of the annual report');
  }
  const git = await tryImport(GIT_MODULE);
  const auditFn = git && (['auditProvenance', 'runAudit', 'audit'] as const).map((n) => git[n]).find((f) => typeof f === 'function');
  if (auditFn) {
    const view = toAuditView(await (auditFn as (k: unknown, o: unknown) => unknown)(kb, { asOf: opts.asOf, root: opts.root }));
    if (view) out.audit = view;
    else out.missing.push('scripts/git audit returned an unexpected shape; the 数据可信度 section is left out');
  } else {
    out.missing.push('scripts/git (provenance audit) is not available; the 数据可信度 section is left out');
  }
  return out;
}
