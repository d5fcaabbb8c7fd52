/**
 * Types of the compliance matrix (SPEC §3, §7 `compliance --json`).
 */
import type { WorkCalendar } from '../calendar/index.js';
import type { Contract, KnowledgeBase } from '../records/types.js';
import type { JudgedTicket, ResolvedPeriod, SlaPolicy } from '../sla/index.js';

/** Status of a clause or of one item judged under it. */
export type ClauseStatus = 'met' | 'breached' | 'pending' | 'at-risk' | 'manual' | 'n/a';

/** Something wrong (or notable) about one record. */
export interface Finding {
  /** Record id (or a file path for guard findings, the contract id for absences). */
  record: string;
  message: string;
}

/** What an evaluator returns. */
export interface ClauseResult {
  status: ClauseStatus;
  /** Ids of the records judged. */
  evidence: string[];
  findings: Finding[];
  /** One line in Chinese: what was judged and the outcome. */
  summary: string;
}

/** One row of the catalogue (data, not code). */
export interface ClauseDefinition {
  id: string;
  /** The clause in the contract's own words (Chinese). */
  title: string;
  /** Seed section, e.g. （二）3（5）. */
  section: string;
  /** Name of the evaluator in `evaluators/index.ts`. */
  evaluator: string;
}

/** One system's manuals (the subset of site/check-manuals `ManualCheck` used here). */
export interface ManualEvidence {
  system: string;
  docsDir: string | null;
  omManual: { path: string; sections: Record<string, boolean> } | null;
  userManual: string | null;
  faq: string | null;
  featureGuides: { version: string; path: string }[];
  releaseNotes: { version: string; releaseId: string; path: string }[];
}

/** One privacy/secret guard finding (subset of guard `GuardFinding`). */
export interface GuardEvidence {
  path: string;
  line: number;
  column: number;
  rule: string;
  message: string;
}

/** One hand-over manifest's outline (subset of secrets `HandoverOutline`), or why it could not be read. */
export type HandoverEvidence =
  | {
      file: string;
      system: string | null;
      databases: { name: string | null; accounts: { username: string | null; rotatedAt: string | null }[] }[];
      adminAccounts: { application: string | null; username: string | null; rotatedAt: string | null }[];
      servers: { hostname: string | null; rotatedAt: string | null }[];
      allEncrypted: boolean;
      plaintextLeaves: string[];
      error?: undefined;
    }
  | { file: string; error: string };

/** Evidence from outside records/: manuals, guard, hand-over manifests. `null` = could not be gathered. */
export interface ComplianceEvidence {
  /**
   * `[]` when the KB has no docs/ folder: such a KB has no manuals to judge,
   * so the parts of S-4, S-8 and HO-1 that judge pages are `n/a` (SPEC §8).
   */
  manuals: ManualEvidence[] | null;
  guard: GuardEvidence[] | null;
  handover: HandoverEvidence[] | null;
}

/** A period the contract does not state: its `sla` key, the working days used, and whether that is the default. */
export interface GracePeriod {
  key: string;
  workingDays: number;
  isDefault: boolean;
}

/** Everything an evaluator may read. */
export interface ComplianceContext {
  kb: KnowledgeBase;
  contract: Contract;
  policy: SlaPolicy;
  period: ResolvedPeriod;
  periods: ResolvedPeriod[];
  /** Epoch ms of "now". */
  asOf: number;
  /** `YYYY-MM-DD` (CST) of asOf. */
  asOfDate: string;
  calendar: WorkCalendar;
  /** Tickets of the period (reported by asOf), as of asOf, with their clocks. */
  tickets: JudgedTicket[];
  evidence: ComplianceEvidence;
  /** `sla.at_risk_working_days` (default 3). */
  atRiskWorkingDays: number;
  /** Periods the contract does not state (`sla` keys with documented defaults; findings cite them). */
  grace: {
    /** written reply after an unresolvable ticket is closed. */
    writtenReply: GracePeriod;
    /** S-4: training and feature guide after an operation-changing release. */
    training: GracePeriod;
    /** SEC-2: return or destruction of hospital data after the last period. */
    disposal: GracePeriod;
  };
  /** `sla.report_due_working_days`. */
  reportDueWorkingDays: number;
  /** Adds a warning to the result (deduplicated). */
  warn(message: string): void;
  /** True when the date/time lies in the period and at or before asOf. */
  inPeriod(text: string | undefined): boolean;
  /** The N-th working day strictly after the CST date of `eventText` (calendar warnings are collected). */
  dueAfter(eventText: string, workingDays: number): string;
  /** Judges a due date (`YYYY-MM-DD`, inclusive) against a completion time (absent = not done yet). */
  judgeDue(due: string, doneText: string | undefined): 'met' | 'breached' | 'pending' | 'at-risk';
}

/** An evaluator: one small named function per clause. */
export type Evaluator = (ctx: ComplianceContext) => ClauseResult;

/** One row of the matrix. */
export interface ClauseRow extends ClauseResult {
  id: string;
  title: string;
  section: string;
}

/** The `compliance --json` document. */
export interface ComplianceResult {
  period: { id: string; start: string; end: string };
  asOf: string;
  clauses: ClauseRow[];
  /** Number of clauses per status. */
  counts: Record<ClauseStatus, number>;
  warnings: string[];
}
