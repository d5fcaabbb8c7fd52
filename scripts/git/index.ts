/** Public surface of the git domain: provenance audit, changed-record scope, PR summary. */
export { auditKnowledgeBase, findingsOf, lateEntryDaysOf, DEFAULT_LATE_ENTRY_DAYS, type AuditFinding, type AuditOptions, type AuditResult } from './audit.js';
export { recordProvenance, type RecordProvenance, type FieldChange, type CommitRef, type ProvenanceResult } from './provenance.js';
export { repoInfo, provenanceProblem, type RepoInfo, type GitUnavailable } from './repo-info.js';
export { SLA_FIELDS, EVENT_FIELD } from './sla-fields.js';
export { changedRecordScope, resolveBase, type ChangedScope } from './changed-record-scope.js';
export { buildPrSummary, summaryTree, renderSummary, PR_SUMMARY_MARKER, type PrSummary, type PrSummaryData, type RecordChange, type BreachDelta } from './pr-summary.js';
export { upcomingDeadlines, type Deadline, type DeadlineOptions } from './upcoming-deadlines.js';
export { materializeTree, type MaterializedTree } from './materialize-tree.js';
