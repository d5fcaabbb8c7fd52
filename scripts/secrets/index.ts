/**
 * Public API of the secrets domain (stable for other domains).
 *
 * - `readHandoverOutline(file)`: what an encrypted hand-over manifest shows
 *   without a key (entries, clear rotation dates, recipients, whether every
 *   secret is encrypted) — for compliance clause HO-1 and rotation findings.
 * - `isSopsEncrypted(text)`: true for a sops-encrypted file — for the guard.
 */
export { readHandoverOutline, isSopsEncrypted, HANDOVER_CLEAR_KEYS, HANDOVER_UNENCRYPTED_REGEX } from './handover-outline.js';
export type { HandoverOutline, OutlineAccount, OutlineAdminAccount, OutlineDatabase, OutlineServer } from './handover-outline.js';
export { encryptText, decryptText, type DecryptResult, type EncryptOptions, type DecryptOptions } from './sops-codec.js';
export { SopsError, type SopsErrorKind } from './sops-error.js';
