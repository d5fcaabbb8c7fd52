/**
 * Encrypts and decrypts whole sops files (SOPS-FORMAT §5, §9): every leaf
 * with its key path as additional data, comments, the SHA-512 MAC over the
 * plaintext values, the `sops:` block with the data key wrapped per age
 * recipient. Decryption verifies every tag and the MAC.
 */
import { createHash, randomBytes } from 'node:crypto';
import type { Scalar } from 'yaml';
import { isAgeRecipient, recipientOf, unwrapWithIdentity, wrapDataKey } from './age-keys.js';
import { compileRule, DEFAULT_RULE, type EncryptionRule } from './encryption-rule.js';
import { RegexRefused } from './go-regexp.js';
import { decryptLeaf, encryptLeaf, isEncValue, parseEnc } from './leaf-cipher.js';
import { SopsError } from './sops-error.js';
import { appendMetadata, compileMetadataRule, extractMetadata, metadataNode, type AgeStanza, type SopsMetadata } from './sops-metadata.js';
import { bytesToValue, goRfc3339, SopsValueError, valueToBytes, valueToYamlText, type SopsValue } from './sops-value.js';
import { aadOf, scalarValue, walkDocument, type CommentSlot } from './sops-walk.js';
import { blockStyle, locateComment, parseFile, positionOf, rootMap, serialize, type ParsedFile, type SopsFormat } from './yaml-io.js';

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
  /** Per stanza: opened and matching, not openable, label mismatch, wrong key, malformed. */
  stanzas: StanzaReport[];
  /**
   * Located warnings (`file:line:col  warning: …`): broken or mislabelled
   * stanzas, comments in clear (not authenticated; those the rule wants
   * encrypted are left out of `plaintext`).
   */
  warnings: string[];
  /** Clear comments found (each also a warning); `omitted` ones are not in `plaintext`. */
  clearComments: { line: number; column: number; omitted: boolean }[];
}

/** Parses a sops file and returns its metadata (the parsed documents have `sops` removed). */
export function readSopsFile(text: string, file: string, format: SopsFormat): { pf: ParsedFile; metadata: SopsMetadata } {
  const pf = parseFile(text, file, format);
  const metadata = extractMetadata(pf);
  if (!metadata) throw new SopsError('format', { file, line: 1, column: 1 }, 'Not a sops file: no `sops` metadata block');
  return { pf, metadata };
}

/** What happened to one `sops.age` stanza when the identities were tried on it. */
export interface StanzaReport {
  index: number;
  /** The `recipient` label as written in the file. */
  recipient: string;
  /**
   * - `opened`: an identity opened it and that identity's recipient is the label;
   * - `not-openable`: none of the identities opens it (normal for other recipients);
   * - `label-mismatch`: it opened, but with the identity of another recipient: the label is false;
   * - `wrong-key`: it opened to a key that does not authenticate this file's MAC;
   * - `malformed`: not an armored age file holding 32 bytes (truncated, edited).
   */
  status: 'opened' | 'not-openable' | 'label-mismatch' | 'wrong-key' | 'malformed';
  /** For opened/label-mismatch/wrong-key: the recipient of the identity that opened it. */
  openedBy?: string;
  /** One line, for `verify` and warnings. */
  message: string;
}

/** Result of openStanzas. */
export interface OpenedKey {
  dataKey: Uint8Array;
  stanzas: StanzaReport[];
}

function macOpens(metadata: SopsMetadata, key: Uint8Array): boolean | null {
  const parts = metadata.mac ? parseEnc(metadata.mac) : null;
  if (!parts || !metadata.lastmodified) return null;
  const aads = [metadata.lastmodified];
  const norm = goRfc3339(metadata.lastmodified.replace(/\.\d+/, ''));
  if (norm && norm !== metadata.lastmodified) aads.push(norm);
  return aads.some((aad) => decryptLeaf(key, parts, aad) !== null);
}

/**
 * Tries every identity on every stanza (a truncated stanza never stops the
 * others), checks that the identity which opened a stanza is the recipient
 * the stanza names, and picks the data key that authenticates the MAC.
 * Throws SopsError when no stanza yields a key.
 */
export async function openStanzas(metadata: SopsMetadata, opts: DecryptOptions): Promise<OpenedKey> {
  const { file } = opts;
  const where = { file, ...metadata.blockPos };
  if (metadata.age.length === 0) {
    throw new SopsError('key', where, `No age recipients in the file (only ${metadata.otherKeyTypes.join(', ')}), which this tool cannot use`);
  }
  if (opts.identities.length === 0) {
    throw new SopsError('key', where, 'No age identity: set SOPS_AGE_KEY_FILE (or SOPS_AGE_KEY) to the private key of one of the recipients');
  }
  const ids = await Promise.all(opts.identities.map(async (identity) => ({ identity, recipient: await recipientOf(identity) })));
  const stanzas: StanzaReport[] = [];
  const keys: { key: Uint8Array; stanza: StanzaReport }[] = [];
  for (const [index, a] of metadata.age.entries()) {
    const label = a.recipient.trim();
    const shown = label || '(no recipient)';
    let opened: { key: Uint8Array; by: string | null } | null = null;
    let malformed: string | null = null;
    for (const id of ids) {
      try {
        const key = await unwrapWithIdentity(a.enc, id.identity);
        if (key) {
          opened = { key, by: id.recipient };
          break;
        }
      } catch (err) {
        malformed = (err as Error).message.split('\n')[0] ?? 'unreadable';
        break;
      }
    }
    let report: StanzaReport;
    if (malformed !== null) {
      report = { index, recipient: label, status: 'malformed', message: `sops.age[${index}] (${shown}) is not a valid armored age file: ${malformed}` };
    } else if (!opened) {
      report = { index, recipient: label, status: 'not-openable', message: `sops.age[${index}] (${shown}): not openable with this identity` };
    } else if (opened.key.length !== 32) {
      report = { index, recipient: label, status: 'malformed', message: `sops.age[${index}] (${shown}) holds a ${opened.key.length}-byte data key, expected 32 bytes` };
    } else if (opened.by !== null && opened.by !== label) {
      report = { index, recipient: label, status: 'label-mismatch', openedBy: opened.by, message: `sops.age[${index}] is labelled ${shown} but was opened with the identity of ${opened.by}: the label does not match` };
      keys.push({ key: opened.key, stanza: report });
    } else {
      report = { index, recipient: label, status: 'opened', openedBy: opened.by ?? label, message: `sops.age[${index}] (${shown}): opened with this identity, label matches` };
      keys.push({ key: opened.key, stanza: report });
    }
    stanzas.push(report);
  }
  if (keys.length === 0) {
    const broken = stanzas.filter((s) => s.status === 'malformed');
    if (broken.length > 0 && broken.length === stanzas.length) throw new SopsError('integrity', where, broken.map((b) => b.message).join('; '));
    const from = opts.identitySources?.length ? ` from ${opts.identitySources.join(', ')}` : '';
    throw new SopsError('key', where, `Wrong key: none of the ${opts.identities.length} age identit${opts.identities.length === 1 ? 'y' : 'ies'}${from} matches the recipients ${metadata.age.map((a) => a.recipient).join(', ')}`);
  }
  // The right key is the one that authenticates the MAC; a stanza wrapping another key is reported.
  let chosen = keys.find((k) => macOpens(metadata, k.key) === true) ?? keys[0]!;
  for (const k of keys) {
    if (k !== chosen && !Buffer.from(k.key).equals(Buffer.from(chosen.key)) && macOpens(metadata, k.key) === false) {
      k.stanza.status = 'wrong-key';
      k.stanza.message = `sops.age[${k.stanza.index}] (${k.stanza.recipient || '(no recipient)'}) opens to a data key that does not authenticate this file`;
    }
  }
  if (macOpens(metadata, chosen.key) === false && keys.length > 1) chosen = keys[0]!;
  return { dataKey: chosen.key, stanzas };
}

/** Recovers the 32-byte data key with the given identities (see openStanzas). */
export async function recoverDataKey(metadata: SopsMetadata, opts: DecryptOptions): Promise<Uint8Array> {
  return (await openStanzas(metadata, opts)).dataKey;
}

/**
 * Decrypts a sops file text, verifying every GCM tag, every comment and the
 * MAC. Throws SopsError naming the file, line and key path on any failure.
 */
export async function decryptText(text: string, opts: DecryptOptions): Promise<DecryptResult> {
  const { file, format } = opts;
  const { pf, metadata } = readSopsFile(text, file, format);
  const { dataKey, stanzas } = await openStanzas(metadata, opts);
  const warnings: string[] = [];
  const at = (line: number, column: number) => `${file}:${line || 1}:${column || 1}`;
  for (const st of stanzas) {
    if (st.status === 'malformed' || st.status === 'label-mismatch' || st.status === 'wrong-key') warnings.push(`${at(metadata.blockPos.line, metadata.blockPos.column)}  warning: ${st.message}`);
  }
  const clearComments: DecryptResult['clearComments'] = [];
  const commentCursor = { from: 0 };
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
      const all = commentLines(slot);
      // A comment in clear is not authenticated: anyone can add one to a committed file.
      const wantEncrypted = shouldEncrypt(slot.path, []);
      const kept: string[] = [];
      for (const line of all) {
        if (line.trim() === '' || isEncValue(line)) {
          kept.push(line);
          continue;
        }
        const pos = locateComment(text, line, commentCursor);
        clearComments.push({ ...pos, omitted: wantEncrypted });
        warnings.push(
          wantEncrypted
            ? `${at(pos.line, pos.column)}  warning: comment in clear text where the file's rule encrypts comments: not authenticated (anyone can add it), not printed`
            : `${at(pos.line, pos.column)}  warning: comment in clear text (sops leaves comments here unencrypted): not authenticated`,
        );
        if (!wantEncrypted) kept.push(line);
      }
      if (kept.length !== all.length) slot.holder[slot.field] = kept.length > 0 && kept.some((l) => l.trim() !== '') ? kept.join('\n') : null;
      const lines = kept;
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
  return { plaintext: serialize(pf), metadata, dataKey, stash, mac, counts, stanzas, warnings, clearComments };
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
