/**
 * What an encrypted hand-over manifest shows without any key: entries by
 * name, the clear audit fields, the recipients, and whether every secret is
 * encrypted. Used by compliance (clause HO-1, rotation) and the privacy guard.
 */
import { readFile } from 'node:fs/promises';
import { isMap, isScalar, isSeq, type YAMLMap } from 'yaml';
import { compileRule } from './encryption-rule.js';
import { inspectSopsText } from './inspect-sops-text.js';
import { isEncValue } from './leaf-cipher.js';
import { SopsError, readProblem } from './sops-error.js';
import { extractMetadata } from './sops-metadata.js';
import { parseFile, formatOf, rootMap, type ParsedFile } from './yaml-io.js';
import { scalarValue } from './sops-walk.js';

/** Fields of a hand-over manifest that may stay in clear (the `unencrypted_regex` of `.sops.yaml`). */
export const HANDOVER_CLEAR_KEYS = ['system', 'updated_at', 'rotated_at', 'name', 'engine', 'username', 'role', 'application', 'hostname', 'os'] as const;

/** The `unencrypted_regex` for hand-over manifests (anchored: container keys stay encrypted). */
export const HANDOVER_UNENCRYPTED_REGEX = `^(${HANDOVER_CLEAR_KEYS.join('|')})$`;

/** Keys whose values must be encrypted whatever the file's rule says. */
const ALWAYS_SECRET = /^(password|passwd|secret|token|key|ip|host|ips|address)$/i;

export interface OutlineAccount {
  username: string | null;
  role: string | null;
  /** `YYYY-MM-DD` when kept in clear, else null (absent or encrypted). */
  rotatedAt: string | null;
  /** Fields of the entry whose values are encrypted. */
  encryptedFields: string[];
}

export interface OutlineDatabase {
  name: string | null;
  engine: string | null;
  encryptedFields: string[];
  accounts: OutlineAccount[];
}

export interface OutlineAdminAccount extends OutlineAccount {
  application: string | null;
}

export interface OutlineServer {
  hostname: string | null;
  role: string | null;
  os: string | null;
  rotatedAt: string | null;
  encryptedFields: string[];
}

export interface HandoverOutline {
  /** The path as given. */
  file: string;
  system: string | null;
  updatedAt: string | null;
  databases: OutlineDatabase[];
  adminAccounts: OutlineAdminAccount[];
  servers: OutlineServer[];
  /** age recipients the data key is wrapped for. */
  recipients: string[];
  /** `sops.lastmodified` (RFC 3339 UTC). */
  lastmodified: string | null;
  /** True when there is no plaintext value except the allowed clear fields, and a MAC is present. */
  allEncrypted: boolean;
  /** Paths (e.g. `servers[0].ip`) of values in clear that should be encrypted. */
  plaintextLeaves: string[];
  /** The file's encryption rule, e.g. `unencrypted_regex: ^(system|…)$`. */
  rule: string;
}

function clear(map: YAMLMap, key: string): string | null {
  const n = map.get(key, true);
  if (!isScalar(n) || n.value === null || n.value === undefined) return null;
  const s = String(n.value);
  return isEncValue(s) ? null : s;
}

function encryptedFields(map: YAMLMap): string[] {
  return map.items.filter((p) => isScalar(p.value) && isEncValue(String(p.value.value))).map((p) => String((p.key as { value: unknown }).value));
}

function items(map: YAMLMap, key: string): YAMLMap[] {
  const n = map.get(key, true);
  return isSeq(n) ? n.items.filter((i): i is YAMLMap => isMap(i)) : [];
}

function account(m: YAMLMap): OutlineAccount {
  return { username: clear(m, 'username'), role: clear(m, 'role'), rotatedAt: clear(m, 'rotated_at'), encryptedFields: encryptedFields(m) };
}

/** Paths of plaintext leaves that should be encrypted (by the file's rule, the clear-key list, or always-secret keys). */
function plaintextLeaves(pf: ParsedFile, rule: ReturnType<typeof compileRule>): string[] {
  const out: string[] = [];
  const clearKeys = new Set<string>(HANDOVER_CLEAR_KEYS);
  const visit = (node: unknown, keyPath: string[], shown: string): void => {
    if (isMap(node)) {
      for (const p of node.items) {
        const k = String((p.key as { value: unknown }).value);
        visit(p.value, [...keyPath, k], shown ? `${shown}.${k}` : k);
      }
    } else if (isSeq(node)) {
      node.items.forEach((it, i) => visit(it, keyPath, `${shown}[${i}]`));
    } else if (isScalar(node)) {
      const v = scalarValue(pf, node);
      if (v === null || (v.type === 'str' && (v.value === '' || isEncValue(v.value)))) return;
      const last = keyPath[keyPath.length - 1] ?? '';
      if (rule(keyPath) || !clearKeys.has(last) || ALWAYS_SECRET.test(last)) out.push(shown);
    }
  };
  for (const doc of pf.docs) visit(doc.contents, [], '');
  return out;
}

/**
 * Reads a `*.sops.yaml` hand-over manifest without any key and returns its
 * outline. Throws SopsError when the file is not readable YAML or has no
 * sops metadata.
 */
export async function readHandoverOutline(filePath: string): Promise<HandoverOutline> {
  let text: string;
  try {
    text = await readFile(filePath, 'utf8');
  } catch (err) {
    throw new SopsError('format', { file: filePath }, readProblem(err));
  }
  const pf = parseFile(text, filePath, formatOf(filePath));
  const meta = extractMetadata(pf);
  if (!meta) throw new SopsError('format', { file: filePath, line: 1, column: 1 }, 'Not a sops file: no `sops` metadata block (hand-over manifests must be encrypted)');
  const root = rootMap(pf.docs[0]!);
  let rule: ReturnType<typeof compileRule>;
  try {
    rule = compileRule(meta.rule);
  } catch {
    rule = () => true; // a regex RE2 refuses exempts nothing: every clear value counts as a leak
  }
  const leaks = plaintextLeaves(pf, rule);
  return {
    file: filePath,
    system: clear(root, 'system'),
    updatedAt: clear(root, 'updated_at'),
    databases: items(root, 'databases').map((db) => ({
      name: clear(db, 'name'),
      engine: clear(db, 'engine'),
      encryptedFields: encryptedFields(db),
      accounts: items(db, 'accounts').map(account),
    })),
    adminAccounts: items(root, 'admin_accounts').map((m) => ({ ...account(m), application: clear(m, 'application') })),
    servers: items(root, 'servers').map((m) => ({
      hostname: clear(m, 'hostname'),
      role: clear(m, 'role'),
      os: clear(m, 'os'),
      rotatedAt: clear(m, 'rotated_at'),
      encryptedFields: encryptedFields(m),
    })),
    recipients: meta.age.map((a) => a.recipient),
    lastmodified: meta.lastmodified || null,
    allEncrypted: leaks.length === 0 && isEncValue(meta.mac),
    plaintextLeaves: leaks,
    rule: `${meta.rule.kind}: ${meta.rule.value}`,
  };
}

/**
 * True when the text is a sops-encrypted YAML or JSON file: a `sops` block
 * with a MAC and at least one age recipient, and every value its rule marks
 * as secret is an `ENC[…]` string. Never throws. Same as
 * `inspectSopsText(text).encrypted`, which also says where and why not.
 */
export function isSopsEncrypted(text: string): boolean {
  return inspectSopsText(text).encrypted;
}
