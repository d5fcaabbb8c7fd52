/**
 * Shared types of the privacy and secret guard (SPEC §6).
 */

/** One thing the guard found: where, which rule, what (masked) and how to fix it. */
export interface GuardFinding {
  /** Path relative to the KB root, forward slashes. */
  path: string;
  /** 1-based line. */
  line: number;
  /** 1-based column (UTF-16 code units, as editors count). */
  column: number;
  /** Stable rule id, e.g. `resident-id`; the allow-list refers to it. */
  rule: string;
  /** What was found, one line. Never contains the secret in clear. */
  message: string;
  /** The offending text, masked (e.g. `138****5678`). */
  excerpt: string;
  /** How to fix it, one sentence. */
  fix: string;
}

/** A raw match of a content rule inside one text: offsets into that text. */
export interface RuleMatch {
  /** Start offset (UTF-16) of the offending text. */
  start: number;
  /** End offset (exclusive). */
  end: number;
  /** Masked excerpt. */
  excerpt: string;
  /** Overrides the rule's default message. */
  message?: string;
}

/**
 * What a rule knows about the file beyond its text: whether it is a SOPS
 * file (under records/handover/ or matching a `path_regex` of `.sops.yaml`)
 * and the creation rule it must be judged by.
 */
export interface RuleContext {
  /** True when `ENC[…]` means something in this file (it must be SOPS-encrypted). */
  sopsFile: boolean;
  /**
   * The creation rule that governs the file; null when none does; undefined
   * when the caller knows no `.sops.yaml` (scanText on a lone text: the
   * file's own metadata decides, which is not a security check).
   */
  expected?: import('../secrets/index.js').ExpectedSopsRule | null;
  /**
   * Most matches a rule needs to return (the scanner lists at most a few
   * hundred per rule and file); a rule may stop there and set `truncated`.
   */
  limit?: number;
  /** Set by a rule that stopped at `limit`: rule id → true. */
  truncated?: Set<string>;
}

/**
 * A content rule: pure function from a file's text to matches. Rules receive
 * the text with SOPS ciphertext blanked out (same length, same offsets).
 */
export interface GuardRule {
  /** Rule id (kebab-case). */
  id: string;
  /** Default message (English, may quote Chinese labels). */
  message: string;
  /** One-sentence fix. */
  fix: string;
  /** True when the rule must see the file as written (ciphertext not blanked). */
  rawText?: boolean;
  /** Returns every match in `text`. `path` is relative to the KB root. */
  scan(text: string, path: string, ctx: RuleContext): RuleMatch[];
  /**
   * A cheap necessary condition: false only when `scan` would return nothing
   * for this text, so the scanner may skip the rule (most files of a large KB
   * hold none of a rule's keywords). Absent: the rule always runs. Gets the
   * same text as `scan` (the `TextFacts` of it).
   */
  mayMatch?(facts: import('./text-facts.js').TextFacts, path: string, ctx: RuleContext): boolean;
}

/** Every rule id the guard can report (the allow-list accepts these and `*`). */
export const RULE_IDS = [
  'resident-id',
  'mobile-number',
  'patient-name',
  'medical-record-number',
  'plaintext-password',
  'connection-string',
  'private-key',
  'basic-auth',
  'secret-token',
  'unencrypted-handover',
  'bank-card',
  'binary-content',
  'symlink',
  'unscannable-file',
  'allow-list',
] as const;

export type RuleId = (typeof RULE_IDS)[number];
