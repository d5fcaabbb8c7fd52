/**
 * Privacy and secret guard (SPEC §6): public API.
 */
export type { GuardFinding, GuardRule, RuleMatch, RuleId, RuleContext } from './types.js';
export { RULE_IDS } from './types.js';
export { scanText, type ScanTextOptions } from './scan-text.js';
export {
  scanKnowledgeBase,
  scanKnowledgeBaseDetailed,
  DEFAULT_SCAN_DIRS,
  scanDirsOf,
  ruleContextFor,
  type ScanOptions,
  type ScanResult,
  type AllowedFinding,
} from './scan-knowledge-base.js';
export { ALLOW_LIST_FILE, parseAllowList, loadAllowList, type AllowEntry, type AllowList } from './allow-list.js';
export { formatFinding } from './format-finding.js';
export { createSecretlintScanner, type SecretlintScanner } from './secretlint-scanner.js';
export { isResidentId, residentIdCheckChar } from './rules/resident-id.js';
export { luhnValid } from './rules/bank-card.js';
export { decodeForScan, normalizeForScan } from './decode-text.js';
export { MAX_FINDINGS_PER_RULE } from './scan-text.js';
export { startKnowledgeBaseScan, guardThreadWanted, type BackgroundScan, type BackgroundScanOptions } from './scan-in-background.js';
