/** Public surface of the compliance domain: the clause catalogue and the matrix. */
export { evaluateCompliance, CLAUSE_STATUSES, type ComplianceOptions } from './evaluate-compliance.js';
export { CATALOGUE } from './catalogue.js';
export { EVALUATORS } from './evaluators/index.js';
export { buildContext, cstDateText, DEFAULT_AT_RISK_WORKING_DAYS } from './build-context.js';
export { gatherEvidence } from './gather-evidence.js';
export { combineStatus } from './item-status.js';
export { periodBlocks, type PeriodBlock } from './period-blocks.js';
export { formatComplianceText, STATUS_LABELS } from './format-compliance-text.js';
export { cstTimeText, durationText, isoDurationText, unnamedDeadlineRule, NO_DOCS_REASON } from './finding-text.js';
export type * from './types.js';
