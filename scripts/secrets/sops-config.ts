/**
 * `.sops.yaml` creation rules, read as the sops CLI reads them: the first
 * rule whose `path_regex` matches the file path (relative to the directory
 * of `.sops.yaml`) gives the recipients and the encryption rule.
 *
 * Every regex is compiled here, on RE2 (go-regexp.ts): a pattern RE2 refuses
 * is one located error naming `.sops.yaml`, the line and the key, never an
 * internal error, and no pattern can make matching slower than linear.
 */
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { isMap, isScalar, isSeq, LineCounter, parseDocument, type Node as YamlNode, type YAMLMap } from 'yaml';
import { parseRecipientList } from './age-keys.js';
import { compileRule, RULE_KEYS, type EncryptionRule } from './encryption-rule.js';
import { compileGoRegExp, RegexRefused, type SafeRegExp } from './go-regexp.js';
import { SopsError } from './sops-error.js';

export interface CreationRule {
  pathRegex?: string;
  /** `path_regex` compiled on RE2. */
  pathRe?: SafeRegExp;
  recipients: string[];
  rule?: EncryptionRule;
  macOnlyEncrypted: boolean;
  /** 0-based index in `creation_rules` and the line of the entry (for messages). */
  index: number;
  line: number;
}

/** File name of the sops configuration at the root. */
export const SOPS_CONFIG_FILE = '.sops.yaml';

function ageList(v: unknown): string[] {
  if (typeof v === 'string') return parseRecipientList(v);
  if (isScalar(v) && typeof v.value === 'string') return parseRecipientList(v.value);
  if (isSeq(v)) return v.items.flatMap((x) => ageList(x));
  return [];
}

/** Parses the text of a `.sops.yaml`; throws SopsError (one located line) when malformed. */
export function parseSopsConfig(text: string, shown = SOPS_CONFIG_FILE): CreationRule[] {
  const lines = new LineCounter();
  let doc;
  try {
    doc = parseDocument(text, { lineCounter: lines, uniqueKeys: true });
  } catch (err) {
    throw new SopsError('format', { file: shown, line: 1, column: 1 }, `Unexpected content: ${(err as Error).message.split('\n')[0]}`);
  }
  const at = (node: unknown) => {
    const r = (node as YamlNode | null | undefined)?.range;
    if (!r) return { file: shown, line: 1, column: 1 };
    const p = lines.linePos(r[0]);
    return { file: shown, line: p.line, column: p.col };
  };
  if (doc.errors[0]) {
    const p = doc.errors[0].linePos?.[0];
    throw new SopsError('format', { file: shown, line: p?.line ?? 1, column: p?.col ?? 1 }, `Unexpected YAML: ${doc.errors[0].message.split('\n')[0]}`);
  }
  const top = doc.contents;
  const rulesNode = isMap(top) ? top.get('creation_rules', true) : undefined;
  if (!isSeq(rulesNode)) throw new SopsError('format', at(rulesNode ?? top), `Unexpected ${SOPS_CONFIG_FILE} without creation_rules, expected a list of rules`);
  return rulesNode.items.map((item, i) => {
    if (!isMap(item)) throw new SopsError('format', at(item), `Unexpected creation_rules[${i}], expected a mapping (path_regex, age, …)`);
    const m = item as YAMLMap;
    const scalarString = (key: string): string | undefined => {
      const n = m.get(key, true);
      if (n === undefined || n === null) return undefined;
      if (!isScalar(n) || n.value === null) return undefined;
      if (typeof n.value !== 'string') throw new SopsError('format', at(n), `Unexpected creation_rules[${i}].${key}, expected a string`);
      return n.value;
    };
    const keys = RULE_KEYS.filter((k) => scalarString(k) !== undefined);
    if (keys.length > 1) throw new SopsError('format', at(m), `creation_rules[${i}] has ${keys.join(' and ')}: only one encryption rule is allowed`);
    let recipients = ageList(m.get('age', true));
    const groups = m.get('key_groups', true);
    if (isSeq(groups)) {
      if (groups.items.length > 1) throw new SopsError('format', at(groups), `creation_rules[${i}] has several key_groups (Shamir), which is not supported`);
      const g = groups.items[0];
      if (isMap(g)) recipients = [...recipients, ...ageList(g.get('age', true))];
    }
    const pathRegex = scalarString('path_regex');
    let pathRe: SafeRegExp | undefined;
    if (pathRegex !== undefined && pathRegex !== '') {
      try {
        pathRe = compileGoRegExp(pathRegex);
      } catch (err) {
        throw new SopsError('format', at(m.get('path_regex', true)), `Unexpected creation_rules[${i}].path_regex: ${(err as RegexRefused).reason ?? String(err)}`);
      }
    }
    const k = keys[0];
    const rule: EncryptionRule | undefined = k ? { kind: k, value: scalarString(k)! } : undefined;
    if (rule) {
      try {
        compileRule(rule);
      } catch (err) {
        throw new SopsError('format', at(m.get(rule.kind, true)), `Unexpected creation_rules[${i}].${rule.kind}: ${(err as RegexRefused).reason ?? String(err)}`);
      }
    }
    const macOnly = m.get('mac_only_encrypted');
    return {
      pathRegex,
      pathRe,
      recipients,
      rule,
      macOnlyEncrypted: macOnly === true || macOnly === 'true',
      index: i,
      line: at(m).line,
    };
  });
}

/** Reads `<dir>/.sops.yaml`; null when absent. Throws SopsError when malformed. */
export function readSopsConfig(dir: string): CreationRule[] | null {
  const file = path.join(dir, SOPS_CONFIG_FILE);
  if (!existsSync(file)) return null;
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (err) {
    throw new SopsError('format', { file: SOPS_CONFIG_FILE }, `cannot read the file (${(err as NodeJS.ErrnoException).code ?? (err as Error).message})`);
  }
  return parseSopsConfig(text);
}

/** The creation rule for a KB-relative path (forward slashes): the first with no `path_regex` or one that matches. */
export function creationRuleForRelative(rules: readonly CreationRule[], rel: string): CreationRule | null {
  for (const r of rules) {
    if (!r.pathRe) return r;
    if (r.pathRe.test(rel)) return r;
  }
  return null;
}

/**
 * The creation rule for a file: the first with an empty `path_regex` or one
 * that matches the path relative to `root` (forward slashes). Null when none.
 */
export function creationRuleFor(rules: readonly CreationRule[], root: string, filePath: string): CreationRule | null {
  const abs = path.resolve(filePath);
  const rel = path.relative(root, abs);
  const subject = (rel.startsWith('..') || path.isAbsolute(rel) ? abs : rel).split(path.sep).join('/');
  return creationRuleForRelative(rules, subject);
}
