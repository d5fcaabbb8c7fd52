/**
 * Public API of the secrets domain (stable for other domains).
 *
 * - `readHandoverOutline(file)`: what an encrypted hand-over manifest shows
 *   without a key (entries, clear rotation dates, recipients, whether every
 *   secret is encrypted) — for compliance clause HO-1 and rotation findings.
 * - `inspectSopsText(text)`: is the text a sops-encrypted file, and if not,
 *   located problems (no `sops` block, no MAC, no age recipient, a secret
 *   value in clear, unparsable) — for the privacy guard.
 * - `isSopsEncrypted(text)`: `inspectSopsText(text).encrypted`.
 */
export { readHandoverOutline, isSopsEncrypted, HANDOVER_CLEAR_KEYS, HANDOVER_UNENCRYPTED_REGEX } from './handover-outline.js';
export { inspectSopsText, type SopsTextInspection, type SopsTextProblem, type SopsProblemKind } from './inspect-sops-text.js';
export type { HandoverOutline, OutlineAccount, OutlineAdminAccount, OutlineDatabase, OutlineServer } from './handover-outline.js';
export { encryptText, decryptText, type DecryptResult, type EncryptOptions, type DecryptOptions } from './sops-codec.js';
export { SopsError, type SopsErrorKind } from './sops-error.js';
export type { ExpectedSopsRule, InspectOptions } from './inspect-sops-text.js';
export { readSopsConfig, parseSopsConfig, creationRuleFor, creationRuleForRelative, SOPS_CONFIG_FILE, type CreationRule } from './sops-config.js';
export { compileGoRegExp, RegexRefused, type SafeRegExp } from './go-regexp.js';
