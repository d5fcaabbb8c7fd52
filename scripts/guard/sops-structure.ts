/**
 * A self-contained structural check that a YAML/JSON file is SOPS-encrypted
 * (SOPS-FORMAT.md §1–§3, §6): a `sops` mapping with a `mac`, `lastmodified`
 * and at least one recipient, and every leaf value an
 * `ENC[AES256_GCM,data:…,iv:…,tag:…,type:…]` string unless the file's
 * encryption rule (`unencrypted_suffix` — default `_unencrypted` — or
 * `encrypted_suffix`, `unencrypted_regex`, `encrypted_regex`, and the comment
 * regexes) leaves it clear. It cannot check the MAC (that needs the key):
 * `opsbook secrets verify` does.
 */
import { isAlias, isMap, isScalar, isSeq, parseAllDocuments, type Node as YamlNode, type YAMLMap } from 'yaml';

/** One reason the file is not (properly) encrypted; `offset` is into the text. */
export interface SopsProblem {
  message: string;
  offset: number;
  /** Masked excerpt of the offending value, when there is one. */
  excerpt?: string;
}

/** Result of the structural check. */
export interface SopsStructure {
  encrypted: boolean;
  problems: SopsProblem[];
}

/** The exact leaf layout sops writes: base64 data, 32-byte IV, 16-byte tag, a known type. */
export const ENC_VALUE_RE =
  /^ENC\[AES256_GCM,data:[A-Za-z0-9+/]+={0,2},iv:[A-Za-z0-9+/]{43}=,tag:[A-Za-z0-9+/]{22}==,type:(?:str|int|float|bool|time|bytes|comment)\]$/;

const RULE_KEYS = [
  'unencrypted_suffix',
  'encrypted_suffix',
  'unencrypted_regex',
  'encrypted_regex',
  'unencrypted_comment_regex',
  'encrypted_comment_regex',
] as const;
type RuleKey = (typeof RULE_KEYS)[number];
const OTHER_KEY_TYPES = ['pgp', 'kms', 'gcp_kms', 'azure_kv', 'hc_vault', 'hckms', 'key_groups'];

function mapGet(map: YAMLMap, key: string): unknown {
  for (const pair of map.items) {
    if (isScalar(pair.key) && pair.key.value === key) return pair.value;
  }
  return undefined;
}

function start(node: unknown, fallback = 0): number {
  const r = (node as YamlNode | undefined)?.range;
  return r ? r[0] : fallback;
}

function maskClear(v: unknown): string {
  const s = String(v);
  return s.length <= 4 ? '******' : `${s.slice(0, 2)}******`;
}

/** Checks the structure of a SOPS file; never throws. */
export function checkSopsStructure(text: string): SopsStructure {
  const problems: SopsProblem[] = [];
  const fail = (message: string, offset: number, excerpt?: string) => {
    problems.push(excerpt === undefined ? { message, offset } : { message, offset, excerpt });
  };
  const docs = parseAllDocuments(text);
  if (!Array.isArray(docs)) {
    fail('file is empty, expected a SOPS-encrypted document', 0);
    return { encrypted: false, problems };
  }
  for (const doc of docs) {
    const err = doc.errors[0];
    if (err) {
      fail(`YAML syntax error (${err.message.split('\n')[0]}), expected a SOPS-encrypted document`, err.pos[0]);
      return { encrypted: false, problems };
    }
  }
  const first = docs[0];
  if (!first || !isMap(first.contents)) {
    fail('top level is not a mapping, expected a SOPS-encrypted document with a `sops` block', start(first?.contents));
    return { encrypted: false, problems };
  }
  const sops = mapGet(first.contents, 'sops');
  if (!isMap(sops)) {
    fail('no `sops` metadata block: the file is not SOPS-encrypted', 0);
    return { encrypted: false, problems };
  }

  // Metadata: MAC, lastmodified, recipients, encryption rule.
  const mac = mapGet(sops, 'mac');
  if (!isScalar(mac) || typeof mac.value !== 'string' || !ENC_VALUE_RE.test(mac.value)) {
    fail('`sops.mac` is missing or not an ENC[AES256_GCM,…] value', start(mac, start(sops)));
  }
  const lastmodified = mapGet(sops, 'lastmodified');
  if (!isScalar(lastmodified) || typeof lastmodified.value !== 'string' || lastmodified.value === '') {
    fail('`sops.lastmodified` is missing', start(sops));
  }
  const age = mapGet(sops, 'age');
  let recipients = 0;
  if (isSeq(age)) {
    for (const item of age.items) {
      const r = isMap(item) ? mapGet(item, 'recipient') : undefined;
      const enc = isMap(item) ? mapGet(item, 'enc') : undefined;
      const ok =
        isScalar(r) && typeof r.value === 'string' && /^age1[0-9a-z]+$/.test(r.value.trim()) &&
        isScalar(enc) && typeof enc.value === 'string' && enc.value.includes('-----BEGIN AGE ENCRYPTED FILE-----');
      if (ok) recipients++;
      else fail('`sops.age` entry without a valid `recipient` (age1…) and `enc` (armored age file)', start(item, start(age)));
    }
  }
  for (const k of OTHER_KEY_TYPES) {
    const v = mapGet(sops, k);
    if (isSeq(v) && v.items.length > 0) recipients += v.items.length;
  }
  if (recipients === 0) fail('`sops` block lists no recipients (age, pgp, kms, …)', start(sops));

  const present = RULE_KEYS.filter((k) => mapGet(sops, k) !== undefined);
  if (present.length > 1) fail(`\`sops\` block has more than one encryption rule (${present.join(', ')})`, start(sops));
  const ruleKey: RuleKey = present[0] ?? 'unencrypted_suffix';
  const ruleNode = mapGet(sops, ruleKey);
  const ruleText = isScalar(ruleNode) ? String(ruleNode.value ?? '') : present.length === 0 ? '_unencrypted' : '';
  let ruleRe: RegExp | undefined;
  if (ruleKey.endsWith('regex')) {
    try {
      ruleRe = new RegExp(ruleText);
    } catch {
      fail(`\`sops.${ruleKey}\` \`${ruleText}\` is not a valid regular expression`, start(ruleNode, start(sops)));
      return { encrypted: false, problems };
    }
  }
  const anyKey = (path: string[], test: (k: string) => boolean) => path.some(test);
  const shouldEncrypt = (path: string[], comments: string[]): boolean => {
    switch (ruleKey) {
      case 'unencrypted_suffix':
        return !anyKey(path, (k) => ruleText !== '' && k.endsWith(ruleText));
      case 'encrypted_suffix':
        return anyKey(path, (k) => ruleText !== '' && k.endsWith(ruleText));
      case 'unencrypted_regex':
        return !anyKey(path, (k) => ruleRe!.test(k));
      case 'encrypted_regex':
        return anyKey(path, (k) => ruleRe!.test(k));
      case 'unencrypted_comment_regex':
        return !comments.some((c) => ruleRe!.test(c));
      case 'encrypted_comment_regex':
        return comments.some((c) => ruleRe!.test(c));
    }
  };

  const walkMap = (node: YAMLMap, path: string[], comments: string[], top: boolean): void => {
    node.items.forEach((pair, i) => {
      const keyNode = pair.key;
      if (!isScalar(keyNode) || typeof keyNode.value !== 'string') {
        fail(`non-string key under \`${path.join('.') || '(top level)'}\``, start(keyNode));
        return;
      }
      if (top && keyNode.value === 'sops') return;
      const own = [keyNode.commentBefore, (pair.value as YamlNode | null)?.commentBefore, i === 0 ? node.commentBefore : undefined]
        .filter((c): c is string => typeof c === 'string');
      walk(pair.value, [...path, keyNode.value], [...comments, ...own]);
    });
  };
  const walk = (node: unknown, path: string[], comments: string[]): void => {
    if (node === null || node === undefined) return;
    if (isAlias(node)) {
      fail(`alias at \`${path.join('.')}\`: sops files contain no aliases`, start(node));
      return;
    }
    if (isMap(node)) {
      walkMap(node, path, comments, false);
      return;
    }
    if (isSeq(node)) {
      for (const item of node.items) walk(item, path, [...comments, ...(typeof (item as YamlNode | null)?.commentBefore === 'string' ? [(item as YamlNode).commentBefore!] : [])]);
      return;
    }
    if (isScalar(node)) {
      const v = node.value;
      if (v === null || v === '') return; // sops leaves null and "" as they are
      if (!shouldEncrypt(path, comments)) return;
      if (typeof v === 'string' && ENC_VALUE_RE.test(v)) return;
      fail(`value of \`${path.join('.')}\` is in clear text, expected ENC[AES256_GCM,…]`, start(node), maskClear(v));
    }
  };
  for (const doc of docs) {
    if (doc.contents === null) continue;
    if (!isMap(doc.contents)) {
      fail('document is not a mapping, expected a SOPS-encrypted mapping', start(doc.contents));
      continue;
    }
    walkMap(doc.contents, [], [], true);
  }
  return { encrypted: problems.length === 0, problems };
}

/** True when `text` is structurally a SOPS-encrypted file (see checkSopsStructure). */
export function isSopsStructurallyEncrypted(text: string): boolean {
  return checkSopsStructure(text).encrypted;
}
