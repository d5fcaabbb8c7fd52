/**
 * Which leaves sops encrypts (SOPS-FORMAT §3): exactly one of the suffix or
 * regex rules, tested against every key in the path. Default:
 * `unencrypted_suffix: _unencrypted`.
 */

/** The rule keys sops knows, as written in the `sops:` block and `.sops.yaml`. */
export const RULE_KEYS = [
  'unencrypted_suffix',
  'encrypted_suffix',
  'unencrypted_regex',
  'encrypted_regex',
  'unencrypted_comment_regex',
  'encrypted_comment_regex',
] as const;

import { compileGoRegExp, type SafeRegExp } from './go-regexp.js';

export type RuleKey = (typeof RULE_KEYS)[number];

export interface EncryptionRule {
  kind: RuleKey;
  /** The suffix or the regex source (Go RE2 syntax, run on RE2: go-regexp.ts). */
  value: string;
}

export const DEFAULT_RULE: EncryptionRule = { kind: 'unencrypted_suffix', value: '_unencrypted' };

/**
 * Compiles a Go RE2 regex from a file on the linear-time engine (go-regexp.ts).
 * Throws RegexRefused when RE2 refuses it.
 */
export function goRegExp(source: string): SafeRegExp {
  return compileGoRegExp(source);
}

/**
 * Returns a predicate `(path, comments) => encrypt?` for a rule. `comments`
 * are the comment lines preceding the value (only used by comment rules).
 * Throws RegexRefused when the rule's regex is not acceptable RE2.
 */
export function compileRule(rule: EncryptionRule): (path: readonly string[], comments?: readonly string[]) => boolean {
  switch (rule.kind) {
    case 'unencrypted_suffix':
      return (path) => !path.some((k) => k.endsWith(rule.value));
    case 'encrypted_suffix':
      return (path) => path.some((k) => k.endsWith(rule.value));
    case 'unencrypted_regex': {
      const re = goRegExp(rule.value);
      return (path) => !path.some((k) => re.test(k));
    }
    case 'encrypted_regex': {
      const re = goRegExp(rule.value);
      return (path) => path.some((k) => re.test(k));
    }
    case 'unencrypted_comment_regex': {
      const re = goRegExp(rule.value);
      return (_p, comments = []) => !comments.some((c) => re.test(c));
    }
    case 'encrypted_comment_regex': {
      const re = goRegExp(rule.value);
      return (_p, comments = []) => comments.some((c) => re.test(c));
    }
  }
}
