/**
 * Rule `private-key` (own part): age identities (`AGE-SECRET-KEY-1…`, the
 * private keys of the SOPS hand-over) and PuTTY private-key files. PEM/OpenSSH
 * private keys are found by secretlint (see secretlint-scanner.ts) and
 * reported under the same rule id.
 */
import type { GuardRule, RuleMatch } from '../types.js';

/** Bech32 age identity: HRP `AGE-SECRET-KEY-`, separator `1`, 58 data+checksum characters. */
const AGE_KEY_RE = /AGE-SECRET-KEY-1[02-9ACDEFGHJKLMNPQRSTUVWXYZ]{58}(?![0-9A-Za-z])/g;
const PUTTY_RE = /^PuTTY-User-Key-File-[23]:.*$/gm;

export const privateKeyRule: GuardRule = {
  id: 'private-key',
  message: 'private key (私钥)',
  fix: 'Delete the private key from the repository, rotate it (it stays in Git history) and load it from SOPS_AGE_KEY_FILE or a key store instead.',
  mayMatch: ({ text }) => text.includes('AGE-SECRET-KEY-') || text.includes('PuTTY-User-Key-File-'),
  scan(text) {
    const out: RuleMatch[] = [];
    if (text.includes('AGE-SECRET-KEY-')) {
      for (const m of text.matchAll(AGE_KEY_RE)) {
        out.push({ start: m.index, end: m.index + m[0].length, excerpt: `AGE-SECRET-KEY-1${m[0].slice(16, 19)}******`, message: 'age private key (age 私钥)' });
      }
    }
    if (text.includes('PuTTY-User-Key-File-')) {
      for (const m of text.matchAll(PUTTY_RE)) {
        out.push({ start: m.index, end: m.index + m[0].length, excerpt: m[0].slice(0, 40), message: 'PuTTY private key file (私钥)' });
      }
    }
    return out;
  },
};
