/** Public surface of the git domain: provenance audit, changed-record scope, PR summary. */
export {
  auditKnowledgeBase, findingsOf, summarizeAudit, compactFindings, migratedAmong, type MigratedRecords, type MigratedLanding, type MigratedRecord, lateEntryDaysOf, whoText, DEFAULT_LATE_ENTRY_DAYS, AUDIT_KINDS, AUDIT_SEVERITY, AUDIT_KIND_DESCRIPTION,
  type AuditFinding, type AuditKind, type AuditSeverity, type AuditOptions, type AuditResult, type AuditSummary, type BaselineInfo,
} from './audit.js';
export { recordProvenance, type RecordProvenance, type FieldChange, type CommitRef, type Landing, type ProvenanceResult, type MainLineSummary } from './provenance.js';
export { readMainLine, type MainLine, type Step, type CommitInfo } from './main-line.js';
export { verifyCommits, signatureProblem, type SignatureCheck, type SignatureStatus } from './signatures.js';
export { repoInfo, provenanceProblem, type RepoInfo, type GitUnavailable } from './repo-info.js';
export { SLA_FIELDS, EVENT_FIELD, fieldLabel } from './sla-fields.js';
export { changedRecordScope, resolveBase, type ChangedScope } from './changed-record-scope.js';
export { buildPrSummary, summaryTree, renderSummary, PR_SUMMARY_MARKER, type PrSummary, type PrSummaryData, type RecordChange, type BreachDelta } from './pr-summary.js';
export { upcomingDeadlines, type Deadline, type DeadlineOptions } from './upcoming-deadlines.js';
export { materializeTree, type MaterializedTree } from './materialize-tree.js';
