/**
 * The `sops:` block (SOPS-FORMAT §6): reading any writer's layout and
 * writing an age-only block.
 */
import { Document, Pair, Scalar, YAMLMap, YAMLSeq, isMap, isScalar, isSeq } from 'yaml';
import { compileRule, RULE_KEYS, type EncryptionRule, DEFAULT_RULE } from './encryption-rule.js';
import { RegexRefused } from './go-regexp.js';
import { SopsError } from './sops-error.js';
import { parseGoBool } from './sops-value.js';
import { positionOf, rootMap, type ParsedFile } from './yaml-io.js';

/** Version written into `sops.version`: the sops format level we implement (type:time needs ≥ 3.10). */
export const SOPS_FORMAT_VERSION = '3.10.2';

export interface AgeStanza {
  recipient: string;
  /** Armored age file holding the 32-byte data key. */
  enc: string;
}

export interface SopsMetadata {
  age: AgeStanza[];
  lastmodified: string;
  mac: string;
  rule: EncryptionRule;
  /** True when the file names its rule (false: sops's default `_unencrypted` was assumed). */
  ruleExplicit: boolean;
  macOnlyEncrypted: boolean;
  version: string;
  /** Non-empty master-key lists other than age (pgp, kms, …): kept as is, cannot be re-wrapped here. */
  otherKeyTypes: string[];
  /** Line/column of `sops.mac` and of the block, for messages. */
  macPos: { line: number; column: number };
  blockPos: { line: number; column: number };
  /** Line/column of the rule's value (e.g. `sops.unencrypted_regex`), else of the block. */
  rulePos: { line: number; column: number };
}

const KEY_TYPES = ['kms', 'gcp_kms', 'azure_kv', 'hc_vault', 'pgp', 'hckms'];

function str(pf: ParsedFile, map: YAMLMap, key: string): string | undefined {
  const node = map.get(key, true);
  if (node === undefined || node === null) return undefined;
  if (!isScalar(node)) throw new SopsError('format', { file: pf.file, ...positionOf(pf, node) }, `Unexpected sops.${key}, expected a string`);
  return node.value === null || node.value === undefined ? undefined : String(node.value);
}

/**
 * Removes the `sops` entry from every document and parses the first one's.
 * Returns null when the file has no `sops` metadata at all.
 */
export function extractMetadata(pf: ParsedFile): SopsMetadata | null {
  let block: unknown;
  pf.docs.forEach((doc, i) => {
    const map = rootMap(doc);
    const n = map.items.filter((p) => isScalar(p.key) && p.key.value === 'sops');
    if (i === 0 && n.length > 1) throw new SopsError('format', { file: pf.file, ...positionOf(pf, n[1]!.key) }, 'Unexpected second `sops` key');
    if (i === 0 && n[0]) block = n[0].value;
    map.items = map.items.filter((p) => !(isScalar(p.key) && p.key.value === 'sops'));
  });
  if (block === undefined) return null;
  const where = (node: unknown) => ({ file: pf.file, ...positionOf(pf, node) });
  if (!isMap(block)) throw new SopsError('format', where(block), 'Unexpected `sops` value, expected a mapping');
  const m = block;
  if (m.get('key_groups', true) !== undefined) throw new SopsError('format', where(m), 'Unexpected sops.key_groups: files with key groups (Shamir) are not supported');
  const age: AgeStanza[] = [];
  const ageNode = m.get('age', true);
  if (ageNode !== undefined && ageNode !== null && !(isScalar(ageNode) && (ageNode.value === '' || ageNode.value === null))) {
    if (!isSeq(ageNode)) throw new SopsError('format', where(ageNode), 'Unexpected sops.age, expected a list');
    for (const item of ageNode.items) {
      if (!isMap(item)) throw new SopsError('format', where(item), 'Unexpected sops.age entry, expected recipient and enc');
      const recipient = str(pf, item, 'recipient') ?? '';
      const enc = str(pf, item, 'enc');
      if (!enc) throw new SopsError('format', where(item), `Unexpected sops.age entry without enc (recipient ${recipient || '?'})`);
      age.push({ recipient, enc });
    }
  }
  const otherKeyTypes = KEY_TYPES.filter((k) => {
    const v = m.get(k, true);
    return isSeq(v) && v.items.length > 0;
  });
  if (age.length === 0 && otherKeyTypes.length === 0) throw new SopsError('format', where(m), 'No keys found in file (sops.age is empty)');
  const rules = RULE_KEYS.filter((k) => str(pf, m, k) !== undefined);
  if (rules.length > 1) throw new SopsError('format', where(m), `Unexpected ${rules.join(' and ')} together: sops allows only one encryption rule`);
  const ruleKey = rules[0];
  const rule: EncryptionRule = ruleKey ? { kind: ruleKey, value: str(pf, m, ruleKey)! } : DEFAULT_RULE;
  const macOnly = str(pf, m, 'mac_only_encrypted');
  const macNode = m.get('mac', true);
  return {
    age,
    lastmodified: str(pf, m, 'lastmodified') ?? '',
    mac: str(pf, m, 'mac') ?? '',
    rule,
    ruleExplicit: ruleKey !== undefined,
    macOnlyEncrypted: macOnly !== undefined && parseGoBool(macOnly) === true,
    version: str(pf, m, 'version') ?? '',
    otherKeyTypes,
    macPos: positionOf(pf, macNode ?? m),
    blockPos: positionOf(pf, m),
    rulePos: positionOf(pf, ruleKey ? m.get(ruleKey, true) : m),
  };
}

/**
 * Compiles the file's own rule (sops metadata) on RE2; a pattern RE2 refuses
 * is one located SopsError naming the file and key.
 */
export function compileMetadataRule(meta: SopsMetadata, file: string): ReturnType<typeof compileRule> {
  try {
    return compileRule(meta.rule);
  } catch (err) {
    const reason = err instanceof RegexRefused ? err.reason : String(err);
    throw new SopsError('format', { file, line: meta.rulePos.line || 1, column: meta.rulePos.column || 1 }, `Unexpected sops.${meta.rule.kind}: ${reason}`);
  }
}

function quoted(text: string): Scalar {
  const s = new Scalar(text);
  s.type = 'QUOTE_DOUBLE';
  return s;
}

/** Builds the `sops` mapping sops ≥ 3.10 writes for an age-only file. */
export function metadataNode(meta: Pick<SopsMetadata, 'age' | 'lastmodified' | 'mac' | 'rule' | 'macOnlyEncrypted'>, format: 'yaml' | 'json'): YAMLMap {
  const m = new YAMLMap();
  const s = (v: string) => (format === 'json' ? quoted(v) : new Scalar(v));
  const ages = new YAMLSeq();
  for (const a of meta.age) {
    const item = new YAMLMap();
    item.set(s('recipient'), s(a.recipient));
    const enc = new Scalar(a.enc.endsWith('\n') ? a.enc : `${a.enc}\n`);
    enc.type = format === 'json' ? 'QUOTE_DOUBLE' : 'BLOCK_LITERAL';
    item.set(s('enc'), enc);
    ages.items.push(item);
  }
  m.set(s('age'), ages);
  m.set(s('lastmodified'), quoted(meta.lastmodified));
  m.set(s('mac'), s(meta.mac));
  m.set(s(meta.rule.kind), s(meta.rule.value));
  if (meta.macOnlyEncrypted) {
    const t = new Scalar('true');
    t.type = 'PLAIN';
    m.set(s('mac_only_encrypted'), t);
  }
  m.set(s('version'), s(SOPS_FORMAT_VERSION));
  return m;
}

/** Appends the `sops` block to every document (SerializeMetadata). */
export function appendMetadata(docs: Document[], node: YAMLMap): void {
  for (const doc of docs) {
    rootMap(doc).items.push(new Pair(new Scalar('sops'), node.clone()));
  }
}
