/**
 * `.sops.yaml` creation rules, read as the sops CLI reads them: the first
 * rule whose `path_regex` matches the file path (relative to the directory
 * of `.sops.yaml`) gives the recipients and the encryption rule.
 */
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { LineCounter, parseDocument } from 'yaml';
import { parseRecipientList } from './age-keys.js';
import { goRegExp, RULE_KEYS, type EncryptionRule } from './encryption-rule.js';
import { SopsError } from './sops-error.js';

export interface CreationRule {
  pathRegex?: string;
  recipients: string[];
  rule?: EncryptionRule;
  macOnlyEncrypted: boolean;
}

function ageList(v: unknown): string[] {
  if (typeof v === 'string') return parseRecipientList(v);
  if (Array.isArray(v)) return v.flatMap((x) => (typeof x === 'string' ? parseRecipientList(x) : []));
  return [];
}

/** Reads `<dir>/.sops.yaml`; null when absent. Throws SopsError when malformed. */
export function readSopsConfig(dir: string): CreationRule[] | null {
  const file = path.join(dir, '.sops.yaml');
  if (!existsSync(file)) return null;
  const lines = new LineCounter();
  const doc = parseDocument(readFileSync(file, 'utf8'), { lineCounter: lines });
  const shown = '.sops.yaml';
  if (doc.errors[0]) {
    const p = doc.errors[0].linePos?.[0];
    throw new SopsError('format', { file: shown, line: p?.line, column: p?.col }, `Unexpected YAML: ${doc.errors[0].message.split('\n')[0]}`);
  }
  const data = doc.toJS() as { creation_rules?: unknown } | null;
  const rules = data?.creation_rules;
  if (!Array.isArray(rules)) throw new SopsError('format', { file: shown, line: 1, column: 1 }, 'Unexpected .sops.yaml without creation_rules, expected a list of rules');
  return rules.map((r: Record<string, unknown>, i) => {
    const keys = RULE_KEYS.filter((k) => typeof r[k] === 'string');
    if (keys.length > 1) throw new SopsError('format', { file: shown }, `creation_rules[${i}] has ${keys.join(' and ')}: only one encryption rule is allowed`);
    let recipients = ageList(r.age);
    if (Array.isArray(r.key_groups)) {
      if (r.key_groups.length > 1) throw new SopsError('format', { file: shown }, `creation_rules[${i}] has several key_groups (Shamir), which is not supported`);
      recipients = [...recipients, ...ageList((r.key_groups[0] as Record<string, unknown> | undefined)?.age)];
    }
    const k = keys[0];
    return {
      pathRegex: typeof r.path_regex === 'string' ? r.path_regex : undefined,
      recipients,
      rule: k ? { kind: k, value: r[k] as string } : undefined,
      macOnlyEncrypted: r.mac_only_encrypted === true,
    };
  });
}

/**
 * The creation rule for a file: the first with an empty `path_regex` or one
 * that matches the path relative to `root` (forward slashes). Null when none.
 */
export function creationRuleFor(rules: CreationRule[], root: string, filePath: string): CreationRule | null {
  const abs = path.resolve(filePath);
  const rel = path.relative(root, abs);
  const subject = (rel.startsWith('..') || path.isAbsolute(rel) ? abs : rel).split(path.sep).join('/');
  for (const r of rules) {
    if (!r.pathRegex) return r;
    if (goRegExp(r.pathRegex).test(subject)) return r;
  }
  return null;
}
