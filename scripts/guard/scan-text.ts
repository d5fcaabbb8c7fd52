/**
 * Scans one file's text with every rule: the guard's own regex rules (one
 * pass each, precompiled) and secretlint. Returns findings sorted by position,
 * with overlapping findings reduced to the highest-priority rule.
 */
import type { GuardFinding, RuleMatch } from './types.js';
import { LineIndex } from './line-index.js';
import { RULES, RULE_PRIORITY } from './rules/index.js';
import { createSecretlintScanner, type SecretlintScanner } from './secretlint-scanner.js';

/** Options of scanText. */
export interface ScanTextOptions {
  /** A shared secretlint scanner (created once per batch); `false` skips secretlint; default: a module-wide scanner. */
  secretlint?: SecretlintScanner | boolean;
}

/** A finding that still knows its offsets and source line (for de-duplication and the allow-list). */
export interface LocatedFinding extends GuardFinding {
  start: number;
  end: number;
  lineText: string;
}

const CIPHERTEXT_RE = /ENC\[AES256_GCM,[^\]\r\n]*\]|-----BEGIN AGE ENCRYPTED FILE-----[\s\S]*?-----END AGE ENCRYPTED FILE-----/g;

/** Replaces SOPS/age ciphertext with spaces (newlines kept), so offsets stay valid and base64 never looks like a number. */
export function blankCiphertext(text: string): string {
  if (!text.includes('ENC[') && !text.includes('AGE ENCRYPTED FILE')) return text;
  return text.replace(CIPHERTEXT_RE, (m) => m.replace(/[^\r\n]/g, ' '));
}

let defaultScanner: SecretlintScanner | undefined;

/** Scans one text; `path` is KB-relative (it decides path-scoped rules such as unencrypted-handover). */
export async function scanTextLocated(path: string, input: string, opts: ScanTextOptions = {}): Promise<LocatedFinding[]> {
  const text = input.charCodeAt(0) === 0xfeff ? input.slice(1) : input;
  const blanked = blankCiphertext(text);
  const raw: { rule: string; match: RuleMatch; message: string; fix: string; own: boolean }[] = [];
  for (const rule of RULES) {
    for (const match of rule.scan(rule.rawText ? text : blanked, path)) {
      raw.push({ rule: rule.id, match, message: match.message ?? rule.message, fix: rule.fix, own: true });
    }
  }
  const scanner =
    opts.secretlint === false
      ? undefined
      : typeof opts.secretlint === 'object'
        ? opts.secretlint
        : (defaultScanner ??= createSecretlintScanner());
  if (scanner) {
    for (const m of await scanner.scan(path, text)) raw.push({ rule: m.rule, match: m, message: m.message, fix: m.fix, own: false });
  }

  // Overlapping findings: keep the highest-priority rule; for the same rule our
  // own (more precise) match before secretlint's, then the longest.
  raw.sort(
    (a, b) =>
      (RULE_PRIORITY[a.rule] ?? 99) - (RULE_PRIORITY[b.rule] ?? 99) ||
      Number(b.own) - Number(a.own) ||
      b.match.end - b.match.start - (a.match.end - a.match.start) ||
      a.match.start - b.match.start,
  );
  const kept: typeof raw = [];
  for (const r of raw) {
    const { start, end } = r.match;
    const overlaps = kept.some((k) => start < k.match.end && k.match.start < end);
    if (!overlaps) kept.push(r);
  }

  const index = new LineIndex(text);
  return kept
    .map((r) => {
      const { line, column } = index.position(r.match.start);
      return {
        path,
        line,
        column,
        rule: r.rule,
        message: r.message,
        excerpt: r.match.excerpt,
        fix: r.fix,
        start: r.match.start,
        end: r.match.end,
        lineText: index.lineText(line),
      };
    })
    .sort((a, b) => a.start - b.start || a.rule.localeCompare(b.rule));
}

/**
 * Scans the text of a single file (KB-relative `path`) and returns its
 * findings, sorted by position. No allow-list is applied.
 */
export async function scanText(path: string, text: string, opts: ScanTextOptions = {}): Promise<GuardFinding[]> {
  return (await scanTextLocated(path, text, opts)).map(toFinding);
}

/** Strips the internal fields of a located finding. */
export function toFinding(f: LocatedFinding): GuardFinding {
  return { path: f.path, line: f.line, column: f.column, rule: f.rule, message: f.message, excerpt: f.excerpt, fix: f.fix };
}
