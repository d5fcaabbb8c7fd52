/**
 * Scans one file's text with every rule: the guard's own regex rules (one
 * pass each, precompiled) and secretlint. Returns findings sorted by position,
 * with overlapping findings reduced to the highest-priority rule.
 *
 * The content rules read a normalised view of the text (normalizeForScan:
 * full-width digits as ASCII, invisible characters removed, control bytes as
 * spaces) and report offsets of the original. SOPS/age ciphertext is blanked
 * only in SOPS files (RuleContext.sopsFile): anywhere else `ENC[…]` is text
 * like any other and is read.
 */
import type { GuardFinding, GuardRule, RuleContext, RuleMatch } from './types.js';
import { normalizeForScan } from './decode-text.js';
import { LineIndex } from './line-index.js';
import { RULES, RULE_PRIORITY } from './rules/index.js';
import { createSecretlintScanner, type SecretlintScanner } from './secretlint-scanner.js';
import { TextFacts } from './text-facts.js';

/** Options of scanText. */
export interface ScanTextOptions {
  /** A shared secretlint scanner (created once per batch); `false` skips secretlint; default: a module-wide scanner. */
  secretlint?: SecretlintScanner | boolean;
  /**
   * What the file is (SOPS file, its creation rule). Default: a SOPS file
   * when under records/handover/, judged by its own metadata (no
   * `.sops.yaml` known) — scanKnowledgeBase always passes the repository's rule.
   */
  context?: RuleContext;
  /**
   * Skip a rule whose `mayMatch` says it cannot match (default true). Only
   * tests turn this off, to show that the gates never change a result.
   */
  gates?: boolean;
}

/** A finding that still knows its offsets and source line (for de-duplication and the allow-list). */
export interface LocatedFinding extends GuardFinding {
  start: number;
  end: number;
  lineText: string;
}

const CIPHERTEXT_RE = /ENC\[AES256_GCM,[^\]\r\n]{0,65536}\]|-----BEGIN AGE ENCRYPTED FILE-----[\s\S]{0,65536}?-----END AGE ENCRYPTED FILE-----/g;

/** Replaces SOPS/age ciphertext with spaces (newlines kept), so offsets stay valid and base64 never looks like a number. */
export function blankCiphertext(text: string): string {
  if (!text.includes('ENC[') && !text.includes('AGE ENCRYPTED FILE')) return text;
  return text.replace(CIPHERTEXT_RE, (m) => m.replace(/[^\r\n]/g, ' '));
}

let defaultScanner: SecretlintScanner | undefined;

/** The context scanText assumes when none is given. */
export function defaultContext(path: string): RuleContext {
  return { sopsFile: path.startsWith('records/handover/') };
}

interface Raw {
  rule: string;
  match: RuleMatch;
  message: string;
  fix: string;
  own: boolean;
}

/**
 * Keeps, among overlapping matches, the highest-priority rule (then our own
 * before secretlint's, then the longest). Linear in the text plus the
 * matches: a coverage map replaces pairwise comparison (30,000 phone numbers
 * on one line used to take 24 s).
 */
function reduceOverlaps(raw: Raw[], textLength: number): Raw[] {
  raw.sort(
    (a, b) =>
      (RULE_PRIORITY[a.rule] ?? 99) - (RULE_PRIORITY[b.rule] ?? 99) ||
      Number(b.own) - Number(a.own) ||
      b.match.end - b.match.start - (a.match.end - a.match.start) ||
      a.match.start - b.match.start,
  );
  const covered = new Uint8Array(textLength + 1);
  const kept: Raw[] = [];
  for (const r of raw) {
    const start = Math.max(0, Math.min(r.match.start, textLength));
    const end = Math.max(start, Math.min(r.match.end, textLength));
    let overlaps = false;
    for (let i = start; i < end; i++) {
      if (covered[i]) {
        overlaps = true;
        break;
      }
    }
    if (overlaps) continue;
    covered.fill(1, start, end);
    kept.push(r);
  }
  return kept;
}

/** Findings of one rule in one file beyond this are summed up in the last one kept (a generated file can hold 100,000). */
export const MAX_FINDINGS_PER_RULE = 200;

/** Raw matches kept per rule before overlaps are resolved (the rest are only counted). */
const RAW_CAP = 10 * MAX_FINDINGS_PER_RULE;

function capPerRule(kept: Raw[], uncounted: ReadonlyMap<string, number>, truncated: ReadonlySet<string>): Raw[] {
  const byRule = new Map<string, Raw[]>();
  for (const r of kept) {
    const list = byRule.get(r.rule);
    if (list) list.push(r);
    else byRule.set(r.rule, [r]);
  }
  const out: Raw[] = [];
  for (const list of byRule.values()) {
    const rule = list[0]!.rule;
    const more = Math.max(0, list.length - MAX_FINDINGS_PER_RULE) + (uncounted.get(rule) ?? 0);
    if (more === 0 && !truncated.has(rule)) {
      out.push(...list);
      continue;
    }
    list.sort((a, b) => a.match.start - b.match.start);
    const shown = list.slice(0, MAX_FINDINGS_PER_RULE);
    const last = shown[shown.length - 1]!;
    const note = truncated.has(rule) ? `more than ${more} more of this kind in this file, not all listed` : `+${more} more of this kind in this file`;
    shown[shown.length - 1] = { ...last, message: `${last.message} (${note})` };
    out.push(...shown);
  }
  return out;
}

/** Scans one text; `path` is KB-relative (it decides path-scoped rules such as unencrypted-handover). */
export async function scanTextLocated(path: string, input: string, opts: ScanTextOptions = {}): Promise<LocatedFinding[]> {
  const text = input.charCodeAt(0) === 0xfeff ? input.slice(1) : input;
  const base = opts.context ?? defaultContext(path);
  const norm = normalizeForScan(base.sopsFile ? blankCiphertext(text) : text);
  // The rules whose gate lets this text through (on most records of a large KB: none, after one
  // keyword pass and one digit-run pass shared by all the rules).
  let rules: readonly GuardRule[] = RULES;
  if (opts.gates !== false) {
    const normFacts = new TextFacts(norm.text);
    let rawFacts: TextFacts | undefined;
    rules = RULES.filter((rule) => !rule.mayMatch || rule.mayMatch(rule.rawText ? (rawFacts ??= new TextFacts(text)) : normFacts, path, base));
  }
  const scanner =
    opts.secretlint === false
      ? undefined
      : typeof opts.secretlint === 'object'
        ? opts.secretlint
        : (defaultScanner ??= createSecretlintScanner());
  if (rules.length === 0 && !scanner) return [];

  const truncated = new Set<string>();
  const ctx: RuleContext = { ...base, limit: RAW_CAP, truncated };
  const raw: Raw[] = [];
  const uncounted = new Map<string, number>();
  const perRule = new Map<string, number>();
  const room = (id: string) => {
    const n = (perRule.get(id) ?? 0) + 1;
    perRule.set(id, n);
    if (n <= RAW_CAP) return true;
    uncounted.set(id, (uncounted.get(id) ?? 0) + 1);
    return false;
  };
  for (const rule of rules) {
    if (rule.rawText) {
      for (const match of rule.scan(text, path, ctx)) if (room(rule.id)) raw.push({ rule: rule.id, match, message: match.message ?? rule.message, fix: rule.fix, own: true });
      continue;
    }
    for (const m of rule.scan(norm.text, path, ctx)) {
      if (!room(rule.id)) continue;
      const start = norm.toOriginal(m.start);
      const end = m.end > m.start ? norm.toOriginal(m.end - 1) + 1 : start;
      raw.push({ rule: rule.id, match: { ...m, start, end }, message: m.message ?? rule.message, fix: rule.fix, own: true });
    }
  }
  if (scanner) {
    for (const m of await scanner.scan(path, text)) raw.push({ rule: m.rule, match: m, message: m.message, fix: m.fix, own: false });
  }

  if (raw.length === 0) return [];
  const kept = capPerRule(reduceOverlaps(raw, text.length), uncounted, truncated);
  const index = new LineIndex(text);
  const lineTexts = new Map<number, string>();
  const lineTextOf = (line: number) => {
    let t = lineTexts.get(line);
    if (t === undefined) lineTexts.set(line, (t = index.lineText(line)));
    return t;
  };
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
        lineText: lineTextOf(line),
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
