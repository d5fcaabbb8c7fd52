/**
 * The sops leaf cipher (SOPS-FORMAT §2): AES-256-GCM with a 32-byte IV, the
 * key path as additional data, and the `ENC[AES256_GCM,…]` text form.
 */
import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';

const ENC_RE = /^ENC\[AES256_GCM,data:(.+),iv:(.+),tag:(.+),type:(.+)\]/;
const B64_RE = /^[A-Za-z0-9+/]*={0,2}$/;

/** The parts of an `ENC[…]` string. */
export interface EncParts {
  data: Buffer;
  iv: Buffer;
  tag: Buffer;
  type: string;
}

/** True when the text looks like a sops-encrypted value. */
export function isEncValue(text: string): boolean {
  return ENC_RE.test(text);
}

/** Parses an `ENC[…]` string; null when it does not have that form. */
export function parseEnc(text: string): EncParts | null {
  const m = ENC_RE.exec(text);
  if (!m) return null;
  const [data, iv, tag] = [m[1]!, m[2]!, m[3]!];
  if (![data, iv, tag].every((p) => B64_RE.test(p))) return null;
  const parts = { data: Buffer.from(data, 'base64'), iv: Buffer.from(iv, 'base64'), tag: Buffer.from(tag, 'base64'), type: m[4]! };
  if (parts.iv.length === 0 || parts.tag.length !== 16) return null;
  return parts;
}

/** Encrypts bytes as sops does; `iv` is normally fresh (32 random bytes). */
export function encryptLeaf(key: Uint8Array, plaintext: Uint8Array, aad: string, type: string, iv: Buffer = randomBytes(32)): string {
  const c = createCipheriv('aes-256-gcm', key, iv);
  c.setAAD(Buffer.from(aad, 'utf8'));
  const data = Buffer.concat([c.update(plaintext), c.final()]);
  const tag = c.getAuthTag();
  return `ENC[AES256_GCM,data:${data.toString('base64')},iv:${iv.toString('base64')},tag:${tag.toString('base64')},type:${type}]`;
}

/** Opens a parsed value; returns null when the GCM tag does not verify. */
export function decryptLeaf(key: Uint8Array, parts: EncParts, aad: string): Buffer | null {
  try {
    const d = createDecipheriv('aes-256-gcm', key, parts.iv);
    d.setAAD(Buffer.from(aad, 'utf8'));
    d.setAuthTag(parts.tag);
    return Buffer.concat([d.update(parts.data), d.final()]);
  } catch {
    return null;
  }
}
