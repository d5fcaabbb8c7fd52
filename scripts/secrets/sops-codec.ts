/**
 * Encrypts and decrypts whole sops files (SOPS-FORMAT §5, §9): every leaf
 * with its key path as additional data, comments, the SHA-512 MAC over the
 * plaintext values, the `sops:` block with the data key wrapped per age
 * recipient. Decryption verifies every tag and the MAC.
 */
import { createHash, randomBytes } from 'node:crypto';
import type { Scalar } from 'yaml';
import { isAgeRecipient, unwrapDataKey, wrapDataKey } from './age-keys.js';
import { compileRule, DEFAULT_RULE, type EncryptionRule } from './encryption-rule.js';
import { RegexRefused } from './go-regexp.js';
import { decryptLeaf, encryptLeaf, isEncValue, parseEnc } from './leaf-cipher.js';
import { SopsError } from './sops-error.js';
import { appendMetadata, compileMetadataRule, extractMetadata, metadataNode, type AgeStanza, type SopsMetadata } from './sops-metadata.js';
import { bytesToValue, goRfc3339, SopsValueError, valueToBytes, valueToYamlText, type SopsValue } from './sops-value.js';
import { aadOf, scalarValue, walkDocument, type CommentSlot } from './sops-walk.js';
import { blockStyle, parseFile, positionOf, rootMap, serialize, type ParsedFile, type SopsFormat } from './yaml-io.js';

/**
 * Ciphertexts of values seen on decrypt, keyed by path, type and plaintext.
 * Re-encrypting an unchanged value with the same data key reuses its
 * ciphertext (sops's IV stash), so diffs show only what changed.
 */
export type Stash = Map<string, string>;

function stashKey(aad: string, type: string, bytes: Uint8Array): string {
  return `${aad}\u0000${type}\u0000${Buffer.from(bytes).toString('base64')}`;
}

/** sha256("sops"), the prefix of the MAC when `mac_only_encrypted` is set. */
const MAC_ONLY_PREFIX = createHash('sha256').update('sops').digest();

export interface EncryptOptions {
  /** Path shown in messages. */
  file: string;
  format: SopsFormat;
  /** age recipients (`age1…`). */
  recipients: string[];
  rule?: EncryptionRule;
  macOnlyEncrypted?: boolean;
  /** Reuse this data key (edit); default: a fresh random key. */
  dataKey?: Uint8Array;
  /** Reuse ciphertexts of unchanged values (needs the same dataKey). */
  stash?: Stash;
  /** Wrapped keys to keep for recipients that stay (needs the same dataKey). */
  wrapped?: AgeStanza[];
  /** Time for `lastmodified` (epoch ms); default now. */
  now?: number;
}

/** `time.Now().UTC().Format(time.RFC3339)` */
export function sopsTimestamp(ms: number): string {
  return `${new Date(ms).toISOString().slice(0, 19)}Z`;
}

function setEncrypted(node: Scalar, enc: string, format: SopsFormat): void {
  node.value = enc;
  node.tag = undefined;
  node.type = format === 'json' ? 'QUOTE_DOUBLE' : 'PLAIN';
}

function setPlain(node: Scalar, v: SopsValue, format: SopsFormat): void {
  const { text, quote } = valueToYamlText(v);
  node.value = text;
  node.tag = undefined;
  if (format === 'json') {
    node.type = v.type === 'int' || v.type === 'float' || v.type === 'bool' ? 'PLAIN' : 'QUOTE_DOUBLE';
  } else if (v.type === 'str' && text.includes('\n') && !/[\x00-\x08\x0b-\x1f\x7f]/.test(text)) {
    node.type = 'BLOCK_LITERAL';
  } else {
    node.type = quote ? 'QUOTE_DOUBLE' : 'PLAIN';
  }
}

function commentLines(slot: CommentSlot): string[] {
  return String(slot.holder[slot.field] ?? '').split('\n');
}

/**
 * Encrypts a plaintext YAML/JSON text to a sops file text. Throws SopsError
 * on input sops would refuse (empty file, non-mapping top level, non-string
 * keys, an existing `sops` key, duplicate keys).
 */
export async function encryptText(plaintext: string, opts: EncryptOptions): Promise<string> {
  const { file, format } = opts;
  if (plaintext.trim() === '') throw new SopsError('format', { file, line: 1, column: 1 }, 'File cannot be completely empty');
  if (opts.recipients.length === 0) throw new SopsError('key', { file }, 'No age recipients: give --age or a matching creation_rules entry in .sops.yaml');
  for (const r of opts.recipients) {
    if (!isAgeRecipient(r)) throw new SopsError('key', { file }, `Unexpected age recipient \`${r}\`, expected age1…`);
  }
  const pf = parseFile(plaintext, file, format);
  for (const doc of pf.docs) {
    const sops = rootMap(doc).items.find((p) => (p.key as Scalar | null)?.value === 'sops');
    if (sops) throw new SopsError('format', { file, ...positionOf(pf, sops.key) }, 'File already encrypted (it has a top-level `sops` key)');
  }
  const rule = opts.rule ?? DEFAULT_RULE;
  let shouldEncrypt: ReturnType<typeof compileRule>;
  try {
    shouldEncrypt = compileRule(rule);
  } catch (err) {
    throw new SopsError('format', { file }, `Unexpected ${rule.kind}: ${err instanceof RegexRefused ? err.reason : String(err)}`);
  }
  const macOnly = opts.macOnlyEncrypted ?? false;
  const dataKey = opts.dataKey ?? randomBytes(32);
  const stash = opts.stash ?? new Map<string, string>();
  const hash = createHash('sha512');
  if (macOnly) hash.update(MAC_ONLY_PREFIX);

  const encryptBytes = (bytes: Uint8Array, aad: string, type: string): string => {
    const k = stashKey(aad, type, bytes);
    const reused = stash.get(k);
    return reused ?? encryptLeaf(dataKey, bytes, aad, type);
  };

  for (const doc of pf.docs) {
    if (format === 'yaml') blockStyle(doc);
    const slots: CommentSlot[] = [];
    walkDocument(pf, doc, {
      leaf(node, path) {
        const v = scalarValue(pf, node);
        if (v === null) return;
        const bytes = valueToBytes(v);
        const enc = shouldEncrypt(path, commentsBefore(node));
        if (!macOnly || enc) hash.update(bytes);
        if (!enc || bytes.length === 0) return;
        setEncrypted(node, encryptBytes(bytes, aadOf(path), v.type), format);
      },
      comment(slot) {
        slots.push(slot);
      },
    });
    for (const slot of slots) {
      if (!shouldEncrypt(slot.path, [])) continue;
      const aad = aadOf(slot.path);
      const out = commentLines(slot).map((line) => (line === '' ? line : encryptBytes(Buffer.from(line, 'utf8'), aad, 'comment')));
      slot.holder[slot.field] = out.join('\n');
    }
  }
  const mac = hash.digest('hex').toUpperCase();
  const lastmodified = sopsTimestamp(opts.now ?? Date.now());
  const macEnc = encryptLeaf(dataKey, Buffer.from(mac, 'utf8'), lastmodified, 'str');
  const age: AgeStanza[] = [];
  for (const recipient of opts.recipients) {
    const kept = opts.wrapped?.find((w) => w.recipient === recipient);
    age.push(kept ?? { recipient, enc: await wrapDataKey(dataKey, recipient) });
  }
  appendMetadata(pf.docs, metadataNode({ age, lastmodified, mac: macEnc, rule, macOnlyEncrypted: macOnly }, format));
  return serialize(pf);
}

function commentsBefore(node: Scalar): string[] {
  return node.commentBefore ? node.commentBefore.split('\n') : [];
}

export interface DecryptOptions {
  file: string;
  format: SopsFormat;
  /** age identities (`AGE-SECRET-KEY-1…`). */
  identities: string[];
  /** Where the identities came from, for the "wrong key" message. */
  identitySources?: string[];
}

export interface DecryptResult {
  /** The plaintext file text (the `sops` block removed). */
  plaintext: string;
  metadata: SopsMetadata;
  dataKey: Uint8Array;
  /** Ciphertexts by plaintext, for minimal re-encryption after an edit. */
  stash: Stash;
  /** The computed MAC (upper-case hex SHA-512). */
  mac: string;
  /** Number of leaves decrypted and comments decrypted. */
  counts: { values: number; comments: number };
}

/** Parses a sops file and returns its metadata (the parsed documents have `sops` removed). */
export function readSopsFile(text: string, file: string, format: SopsFormat): { pf: ParsedFile; metadata: SopsMetadata } {
  const pf = parseFile(text, file, format);
  const metadata = extractMetadata(pf);
  if (!metadata) throw new SopsError('format', { file, line: 1, column: 1 }, 'Not a sops file: no `sops` metadata block');
  return { pf, metadata };
}

/** Recovers the 32-byte data key with the given identities. */
export async function recoverDataKey(metadata: SopsMetadata, opts: DecryptOptions): Promise<Uint8Array> {
  const { file } = opts;
  const where = { file, ...metadata.blockPos };
  if (metadata.age.length === 0) {
    throw new SopsError('key', where, `No age recipients in the file (only ${metadata.otherKeyTypes.join(', ')}), which this tool cannot use`);
  }
  if (opts.identities.length === 0) {
    throw new SopsError('key', where, 'No age identity: set SOPS_AGE_KEY_FILE (or SOPS_AGE_KEY) to the private key of one of the recipients');
  }
  for (const [i, a] of metadata.age.entries()) {
    let key: Uint8Array | null;
    try {
      key = await unwrapDataKey(a.enc, opts.identities);
    } catch (err) {
      throw new SopsError('integrity', where, `sops.age[${i}].enc (${a.recipient || 'no recipient'}) is not a valid armored age file: ${(err as Error).message}`);
    }
    if (key) {
      if (key.length !== 32) throw new SopsError('integrity', where, `sops.age[${i}].enc holds a ${key.length}-byte data key, expected 32 bytes`);
      return key;
    }
  }
  const from = opts.identitySources?.length ? ` from ${opts.identitySources.join(', ')}` : '';
  throw new SopsError('key', where, `Wrong key: none of the ${opts.identities.length} age identit${opts.identities.length === 1 ? 'y' : 'ies'}${from} matches the recipients ${metadata.age.map((a) => a.recipient).join(', ')}`);
}

/**
 * Decrypts a sops file text, verifying every GCM tag, every comment and the
 * MAC. Throws SopsError naming the file, line and key path on any failure.
 */
export async function decryptText(text: string, opts: DecryptOptions): Promise<DecryptResult> {
  const { file, format } = opts;
  const { pf, metadata } = readSopsFile(text, file, format);
  const dataKey = await recoverDataKey(metadata, opts);
  const shouldEncrypt = compileMetadataRule(metadata, file);
  const macOnly = metadata.macOnlyEncrypted;
  const hash = createHash('sha512');
  if (macOnly) hash.update(MAC_ONLY_PREFIX);
  const stash: Stash = new Map();
  const counts = { values: 0, comments: 0 };

  for (const doc of pf.docs) {
    const allPaths: string[][] = [];
    const slots: CommentSlot[] = [];
    walkDocument(pf, doc, { leaf() {}, mapPath: (p) => allPaths.push(p) });
    walkDocument(pf, doc, {
      leaf(node, path) {
        const where = { file, ...positionOf(pf, node) };
        const key = path.join('.') || '(top level)';
        const v = scalarValue(pf, node);
        if (v === null) return;
        const enc = shouldEncrypt(path, commentsBefore(node));
        let plain: SopsValue = v;
        if (enc && !(v.type === 'str' && v.value === '')) {
          const parts = v.type === 'str' ? parseEnc(v.value) : null;
          if (!parts) throw new SopsError('integrity', where, `Value at ${key} is not encrypted, expected ENC[AES256_GCM,…] (plaintext in a sops file)`);
          const aad = aadOf(path);
          const bytes = decryptLeaf(dataKey, parts, aad);
          if (!bytes) throw new SopsError('integrity', where, `Value at ${key} fails authentication: it was edited or moved from another key`);
          try {
            plain = bytesToValue(parts.type, bytes);
          } catch (err) {
            throw new SopsError('integrity', where, `Value at ${key}: ${err instanceof SopsValueError ? err.message : String(err)}`);
          }
          stash.set(stashKey(aad, plain.type, valueToBytes(plain)), String(node.value));
          setPlain(node, plain, format);
          counts.values += 1;
        }
        if (!macOnly || enc) hash.update(valueToBytes(plain));
      },
      comment(slot) {
        slots.push(slot);
      },
    });
    for (const slot of slots) {
      const lines = commentLines(slot);
      if (!lines.some((l) => isEncValue(l))) continue;
      const own = aadOf(slot.path);
      const candidates = [own, ...slot.path.map((_, i) => aadOf(slot.path.slice(0, slot.path.length - 1 - i))), ...allPaths.map(aadOf)];
      const uniq = [...new Set(candidates)];
      const out = lines.map((line) => {
        if (!isEncValue(line)) return line;
        const parts = parseEnc(line);
        const where = { file, ...positionOf(pf, slot.holder) };
        if (!parts || parts.type !== 'comment') throw new SopsError('integrity', where, `Encrypted comment near ${slot.path.join('.') || 'the top level'} is malformed`);
        for (const aad of uniq) {
          const bytes = decryptLeaf(dataKey, parts, aad);
          if (bytes) {
            const t = bytes.toString('utf8');
            stash.set(stashKey(own, 'comment', bytes), line);
            counts.comments += 1;
            return t;
          }
        }
        throw new SopsError('integrity', where, `Encrypted comment near ${slot.path.join('.') || 'the top level'} fails authentication: it was edited`);
      });
      slot.holder[slot.field] = out.join('\n');
    }
  }
  const mac = hash.digest('hex').toUpperCase();
  verifyMac(metadata, dataKey, mac, file);
  return { plaintext: serialize(pf), metadata, dataKey, stash, mac, counts };
}

function verifyMac(metadata: SopsMetadata, dataKey: Uint8Array, mac: string, file: string): void {
  const where = { file, ...metadata.macPos };
  if (!metadata.mac) throw new SopsError('integrity', { file, ...metadata.blockPos }, 'MAC is missing (sops.mac): the file cannot be verified');
  const parts = parseEnc(metadata.mac);
  if (!parts) throw new SopsError('integrity', where, 'MAC is malformed (sops.mac is not ENC[AES256_GCM,…])');
  const aads = [metadata.lastmodified];
  const norm = goRfc3339(metadata.lastmodified.replace(/\.\d+/, ''));
  if (norm && norm !== metadata.lastmodified) aads.push(norm);
  let stored: Buffer | null = null;
  for (const aad of aads) {
    stored = decryptLeaf(dataKey, parts, aad);
    if (stored) break;
  }
  if (!stored) throw new SopsError('integrity', where, 'MAC fails authentication: sops.mac or sops.lastmodified was edited');
  if (stored.toString('utf8') !== mac) {
    throw new SopsError('integrity', where, 'MAC mismatch: values were added, removed, reordered or swapped outside sops');
  }
}
