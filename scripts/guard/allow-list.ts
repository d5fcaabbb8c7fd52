/**
 * The allow-list `.opsbook-allow.yaml` at the KB root: findings a person has
 * looked at and accepted, each with a reason.
 *
 * ```yaml
 * allow:
 *   - path: keys/*DEMO-ONLY*        # glob over the KB-relative path
 *     rule: private-key             # a guard rule id, or "*"
 *     reason: committed demo identity, never used for real data
 *     line: 3                       # optional: only this line
 *     match: "AGE-SECRET-KEY-"      # optional: only when the source line contains this
 * ```
 *
 * An entry without a reason (or with unknown keys, a bad glob, an unknown
 * rule) is itself a finding (rule `allow-list`) and allows nothing.
 */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { isMap, isScalar, isSeq, LineCounter, parseDocument, type Node as YamlNode } from 'yaml';
import type { GuardFinding } from './types.js';
import { RULE_IDS } from './types.js';
import { globToRegExp } from './glob.js';
import { RegexRefused, type SafeRegExp } from '../secrets/go-regexp.js';

/** File name of the allow-list at the KB root. */
export const ALLOW_LIST_FILE = '.opsbook-allow.yaml';

/** One accepted finding pattern. */
export interface AllowEntry {
  path: string;
  rule: string;
  reason: string;
  line?: number;
  match?: string;
  /** Line of the entry in the allow-list file. */
  entryLine: number;
  /** Compiled `path` (RE2: linear time). */
  pathRe: SafeRegExp;
}

/** Parsed allow-list: usable entries and problems (findings of rule `allow-list`). */
export interface AllowList {
  entries: AllowEntry[];
  problems: GuardFinding[];
}

const KNOWN_KEYS = new Set(['path', 'rule', 'reason', 'line', 'match']);
const FIX = 'Give every allow-list entry `path`, `rule` and a non-empty `reason` (why this is not a leak), or delete the entry.';

/** Parses the allow-list text; never throws. `file` is the name used in findings. */
export function parseAllowList(text: string, file = ALLOW_LIST_FILE): AllowList {
  const lineCounter = new LineCounter();
  const doc = parseDocument(text, { lineCounter, prettyErrors: false });
  const problems: GuardFinding[] = [];
  const entries: AllowEntry[] = [];
  const problem = (offset: number, message: string) => {
    const { line, col } = lineCounter.linePos(offset);
    problems.push({ path: file, line, column: col, rule: 'allow-list', message, excerpt: '', fix: FIX });
  };
  const firstError = doc.errors[0];
  if (firstError) {
    problem(firstError.pos[0], `Unexpected YAML syntax in the allow-list (${firstError.message.split('\n')[0]})`);
    return { entries, problems };
  }
  if (doc.contents === null) return { entries, problems };
  const allow = isMap(doc.contents) ? doc.contents.get('allow', true) : undefined;
  if (!isMap(doc.contents) || doc.contents.items.some((p) => !isScalar(p.key) || p.key.value !== 'allow')) {
    problem(doc.contents.range?.[0] ?? 0, 'Unexpected allow-list layout, expected a mapping with one key `allow:` holding a list of entries');
    return { entries, problems };
  }
  if (allow === null || allow === undefined || (isScalar(allow) && allow.value === null)) return { entries, problems };
  if (!isSeq(allow)) {
    problem((allow as YamlNode).range?.[0] ?? 0, 'Unexpected `allow`, expected a list of entries');
    return { entries, problems };
  }
  for (const item of allow.items) {
    const at = (item as YamlNode | null)?.range?.[0] ?? allow.range?.[0] ?? 0;
    if (!isMap(item)) {
      problem(at, 'Unexpected allow-list entry, expected a mapping with path, rule and reason');
      continue;
    }
    const values: Record<string, unknown> = {};
    let bad = false;
    for (const pair of item.items) {
      const key = isScalar(pair.key) ? String(pair.key.value) : '';
      const keyAt = (pair.key as YamlNode | null)?.range?.[0] ?? at;
      if (!KNOWN_KEYS.has(key)) {
        problem(keyAt, `Unexpected key \`${key}\` in allow-list entry, expected path, rule, reason, line or match`);
        bad = true;
        continue;
      }
      values[key] = isScalar(pair.value) ? pair.value.value : pair.value;
    }
    const { path: p, rule, reason, line, match } = values;
    if (typeof reason !== 'string' || reason.trim() === '') {
      problem(at, 'Allow-list entry without a reason: say why this finding is not a leak (`reason:`)');
      bad = true;
    }
    if (typeof p !== 'string' || p.trim() === '') {
      problem(at, 'Allow-list entry without `path` (a glob relative to the KB root)');
      bad = true;
    }
    if (typeof rule !== 'string' || (rule !== '*' && !(RULE_IDS as readonly string[]).includes(rule)) || rule === 'allow-list') {
      problem(at, `Unexpected allow-list rule \`${String(rule)}\`, expected one of ${RULE_IDS.filter((r) => r !== 'allow-list').join(', ')} or *`);
      bad = true;
    }
    if (line !== undefined && !(typeof line === 'number' && Number.isInteger(line) && line > 0)) {
      problem(at, `Unexpected allow-list line \`${String(line)}\`, expected a positive integer`);
      bad = true;
    }
    if (match !== undefined && (typeof match !== 'string' || match === '')) {
      problem(at, 'Unexpected allow-list `match`, expected a non-empty string found on the finding\'s line');
      bad = true;
    }
    if (bad) continue;
    let pathRe: SafeRegExp;
    try {
      pathRe = globToRegExp((p as string).replace(/^\.\//, ''));
    } catch (err) {
      problem(at, `Unexpected allow-list path \`${String(p)}\`: ${err instanceof RegexRefused ? err.reason : String(err)}`);
      continue;
    }
    const entry: AllowEntry = {
      path: p as string,
      rule: rule as string,
      reason: (reason as string).trim(),
      entryLine: lineCounter.linePos(at).line,
      pathRe,
    };
    if (line !== undefined) entry.line = line as number;
    if (match !== undefined) entry.match = match as string;
    entries.push(entry);
  }
  return { entries, problems };
}

/** Reads `<root>/.opsbook-allow.yaml`; a missing file is an empty allow-list. */
export async function loadAllowList(root: string): Promise<AllowList> {
  let text: string;
  try {
    text = await readFile(path.join(root, ALLOW_LIST_FILE), 'utf8');
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return { entries: [], problems: [] };
    throw err;
  }
  return parseAllowList(text);
}

/** The first entry that allows `finding` (whose source line is `lineText`), if any. */
export function findAllowEntry(entries: readonly AllowEntry[], finding: GuardFinding, lineText: string): AllowEntry | undefined {
  if (finding.rule === 'allow-list') return undefined;
  return entries.find(
    (e) =>
      (e.rule === '*' || e.rule === finding.rule) &&
      e.pathRe.test(finding.path) &&
      (e.line === undefined || e.line === finding.line) &&
      (e.match === undefined || lineText.includes(e.match)),
  );
}
