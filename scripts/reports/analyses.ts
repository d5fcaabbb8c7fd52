/**
 * The annual report's inputs computed by other domains: SLA clocks
 * (scripts/sla), the compliance matrix (scripts/compliance) and the Git
 * provenance audit (scripts/git). Their answers are narrowed to the shapes of
 * SPEC §7 (`toSlaView`, ...), so builders and tests depend on those shapes
 * only, and a report still builds (saying what is missing) without them.
 */
import { evaluateCompliance } from '../compliance/index.js';
import { auditKnowledgeBase } from '../git/index.js';
import type { KnowledgeBase } from '../records/index.js';
import { computeSla } from '../sla/index.js';

/** One ticket's clocks (SPEC §7 `sla --json` tickets[]). */
export interface SlaTicketView {
  id: string;
  severity: string;
  category?: string;
  responseMinutes: number | null;
  response: string;
  onsite: string;
  resolutionMinutes: number | null;
  /** Reported outside working hours (SLA domain's rule). */
  afterHours?: boolean;
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
  /** One Chinese line on what was judged. */
  summary?: string;
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
  /** Commit author date (ISO with offset). */
  date?: string;
  /** late-entry: days between the event and the first commit. */
  days?: number;
  /** retroactive-edit: the value before and after. */
  old?: unknown;
  new?: unknown;
  message: string;
}

/** What the annual report gets from the other domains; absent parts are listed in `missing`. */
export interface AnnualAnalyses {
  sla?: SlaView;
  compliance?: ComplianceView;
  audit?: AuditFindingView[];
  /** Why the audit could not run (e.g. not a Git repository), Chinese. */
  auditUnavailable?: string;
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
      ...(typeof t.afterHours === 'boolean' ? { afterHours: t.afterHours } : {}),
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
      ...(typeof c.summary === 'string' ? { summary: c.summary } : {}),
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
      ...(typeof f.date === 'string' ? { date: f.date } : {}),
      ...(typeof f.days === 'number' ? { days: f.days } : {}),
      ...('old' in f ? { old: f.old } : {}),
      ...('new' in f ? { new: f.new } : {}),
      message: f.message,
    });
  }
  return out;
}

/**
 * Computes the analyses the annual report of one period needs: SLA clocks
 * (scripts/sla computeSla), the compliance matrix (scripts/compliance
 * evaluateCompliance) and the Git provenance audit (scripts/git
 * auditKnowledgeBase, findings of the period's records only).
 * @param kb loaded knowledge base
 * @param opts period id, as-of (epoch ms) and KB root
 */
export async function loadAnalyses(kb: KnowledgeBase, opts: { periodId: string; asOf: number; root: string }): Promise<AnnualAnalyses> {
  const out: AnnualAnalyses = { missing: [] };
  const sla = toSlaView(computeSla(kb, { periodId: opts.periodId, asOf: opts.asOf }));
  if (sla) out.sla = sla;
  else out.missing.push('scripts/sla computeSla() returned an unexpected shape; SLA attainment is left out');

  const comp = toComplianceView(await evaluateCompliance(kb, { periodId: opts.periodId, asOf: opts.asOf, root: opts.root }));
  if (comp) out.compliance = comp;
  else out.missing.push('scripts/compliance evaluateCompliance() returned an unexpected shape; the compliance matrix is left out');

  const audit = await auditKnowledgeBase(opts.root);
  if (audit.available) {
    out.audit = toAuditView(audit.findings) ?? [];
  } else {
    out.auditUnavailable = '知识库目录不是 Git 仓库（或无法读取 Git 历史），无法核对记录的登记时间与修改情况。';
  }
  return out;
}
