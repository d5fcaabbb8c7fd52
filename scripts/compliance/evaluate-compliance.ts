/**
 * `evaluateCompliance`: the clause-by-clause matrix of one service period as
 * of a time (SPEC §3, §7 `compliance --json`).
 */
import { calendarFromRecords, type WorkCalendar } from '../calendar/index.js';
import type { KnowledgeBase } from '../records/types.js';
import { formatCst } from '../shared/time.js';
import { buildContext } from './build-context.js';
import { CATALOGUE } from './catalogue.js';
import { EVALUATORS } from './evaluators/index.js';
import { gatherEvidence } from './gather-evidence.js';
import type { ClauseRow, ClauseStatus, ComplianceEvidence, ComplianceResult } from './types.js';

/** Options of `evaluateCompliance`. */
export interface ComplianceOptions {
  /** `--period`; default: the period containing `asOf` (else the last one). */
  periodId?: string;
  /** Epoch ms of "now". */
  asOf: number;
  /** KB root for docs/ and hand-over files (default `kb.root`). */
  root?: string;
  /** Working-day calendar (default: built-in data + the KB's calendar records). */
  calendar?: WorkCalendar;
  /** Evidence already known; missing parts are gathered from `root`. */
  evidence?: Partial<ComplianceEvidence>;
}

/** All statuses, for counting. */
export const CLAUSE_STATUSES: readonly ClauseStatus[] = ['met', 'breached', 'at-risk', 'pending', 'manual', 'n/a'];

/**
 * Evaluates every clause of the catalogue.
 * @param kb the loaded knowledge base (needs a contract)
 * @param options period, as-of, root, calendar, evidence
 * @returns one row per clause, in catalogue order, plus counts and warnings
 * @throws UserError for an unknown period or a missing contract
 */
export async function evaluateCompliance(kb: KnowledgeBase, options: ComplianceOptions): Promise<ComplianceResult> {
  const warnings = new Set<string>();
  const root = options.root ?? kb.root;
  const calendar = options.calendar ?? calendarFromRecords(kb.calendars);
  const evidence = await gatherEvidence(kb, root, (m) => warnings.add(m), options.evidence);
  const ctx = buildContext(kb, { periodId: options.periodId, asOf: options.asOf, calendar, evidence }, warnings);
  const clauses: ClauseRow[] = CATALOGUE.map((def) => {
    const evaluate = EVALUATORS[def.evaluator];
    if (!evaluate) throw new Error(`catalogue clause ${def.id} names unknown evaluator ${def.evaluator}`);
    const r = evaluate(ctx);
    return { id: def.id, title: def.title, section: def.section, status: r.status, summary: r.summary, evidence: [...new Set(r.evidence)], findings: r.findings };
  });
  const counts = Object.fromEntries(CLAUSE_STATUSES.map((s) => [s, clauses.filter((c) => c.status === s).length])) as Record<ClauseStatus, number>;
  return {
    period: { id: ctx.period.id, start: ctx.period.start, end: ctx.period.end },
    asOf: formatCst(options.asOf),
    clauses,
    counts,
    warnings: [...warnings],
  };
}
