/**
 * age side of sops (SOPS-FORMAT §7): wrapping the 32-byte data key for each
 * recipient as an armored age file, unwrapping it with the identities found
 * the way the sops CLI finds them.
 */
import { readFileSync, existsSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Decrypter, Encrypter, armor, identityToRecipient } from 'age-encryption';

/** Loose syntax check of an age recipient (X25519 `age1…` or post-quantum `age1pq1…`). */
export function isAgeRecipient(text: string): boolean {
  return /^age1[02-9ac-hj-np-z]{20,}$/.test(text);
}

/** Splits a comma/whitespace-separated recipient list as sops does for `--age` and `.sops.yaml`. */
export function parseRecipientList(text: string): string[] {
  return text.split(/[\s,]+/).map((s) => s.trim()).filter((s) => s !== '');
}

/** Wraps the data key for one recipient: an armored age file (with final newline). */
export async function wrapDataKey(dataKey: Uint8Array, recipient: string): Promise<string> {
  const e = new Encrypter();
  e.addRecipient(recipient);
  return armor.encode(await e.encrypt(dataKey));
}

/**
 * Tries the identities on one armored age file; returns the data key, or
 * null when no identity matches. Throws on a malformed file.
 */
export async function unwrapDataKey(enc: string, identities: readonly string[]): Promise<Uint8Array | null> {
  const raw = armor.decode(enc);
  const d = new Decrypter();
  for (const id of identities) d.addIdentity(id);
  try {
    return await d.decrypt(raw);
  } catch (err) {
    if (/no identity matched/i.test((err as Error).message)) return null;
    throw err;
  }
}

/** The recipient (public key) of an identity; null when the identity is not one typage can derive. */
export async function recipientOf(identity: string): Promise<string | null> {
  try {
    return await identityToRecipient(identity);
  } catch {
    return null;
  }
}

/**
 * Opens one armored age file with one identity: the data key, null when the
 * identity does not match, or throws when the file is malformed.
 */
export async function unwrapWithIdentity(enc: string, identity: string): Promise<Uint8Array | null> {
  return unwrapDataKey(enc, [identity]);
}

/** Where an identity came from (for messages; never the key itself). */
export interface IdentitySource {
  source: string;
  identities: string[];
}

/** Parses an age key file's text: one key a line, blank and `#` lines ignored. */
export function parseIdentityText(text: string, source: string): string[] {
  const out: string[] = [];
  text.split(/\r?\n/).forEach((line, i) => {
    const t = line.trim();
    if (t === '' || t.startsWith('#')) return;
    if (!/^AGE-SECRET-KEY-(PQ-)?1[0-9A-Z]+$/.test(t)) {
      throw new Error(`${source}:${i + 1}:1  Unexpected line in age key file, expected AGE-SECRET-KEY-1…`);
    }
    out.push(t);
  });
  return out;
}

/**
 * Collects age identities as the sops CLI does: `SOPS_AGE_KEY`,
 * `SOPS_AGE_KEY_FILE`, then `$XDG_CONFIG_HOME/sops/age/keys.txt`
 * (default `~/.config/sops/age/keys.txt`).
 */
export function loadIdentities(env: NodeJS.ProcessEnv = process.env): IdentitySource[] {
  const out: IdentitySource[] = [];
  if (env.SOPS_AGE_KEY) out.push({ source: 'SOPS_AGE_KEY', identities: parseIdentityText(env.SOPS_AGE_KEY, 'SOPS_AGE_KEY') });
  if (env.SOPS_AGE_KEY_FILE) {
    const file = env.SOPS_AGE_KEY_FILE;
    let text: string;
    try {
      text = readFileSync(file, 'utf8');
    } catch (err) {
      throw new Error(`Cannot read SOPS_AGE_KEY_FILE ${file}: ${(err as NodeJS.ErrnoException).code ?? (err as Error).message}`);
    }
    out.push({ source: file, identities: parseIdentityText(text, file) });
  }
  const configHome = env.XDG_CONFIG_HOME || path.join(env.HOME || os.homedir(), '.config');
  const userFile = path.join(configHome, 'sops', 'age', 'keys.txt');
  if (existsSync(userFile)) out.push({ source: userFile, identities: parseIdentityText(readFileSync(userFile, 'utf8'), userFile) });
  return out;
}
