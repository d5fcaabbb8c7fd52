/**
 * Synthetic data for the guard's tests: checksum-valid resident ID numbers
 * and well-formed SOPS ciphertext, computed rather than written into
 * fixtures, so no real-looking identifier is ever committed as data.
 */
import { randomBytes } from 'node:crypto';
import { residentIdCheckChar } from './rules/resident-id.js';

/** A checksum-valid resident ID number for region `region` (6 digits), birth date `yyyymmdd`, sequence `seq` (3 digits). */
export function makeResidentId(region: string, yyyymmdd: string, seq: string): string {
  const first17 = `${region}${yyyymmdd}${seq}`;
  if (!/^\d{17}$/.test(first17)) throw new Error(`bad ID parts ${first17}`);
  return first17 + residentIdCheckChar(first17);
}

/** The same number with a wrong check character. */
export function withWrongCheck(id: string): string {
  const right = id[17]!;
  const wrong = right === '0' ? '1' : right === 'X' ? '0' : String((Number(right) + 1) % 10);
  return id.slice(0, 17) + wrong;
}

/** A random, well-formed SOPS leaf (`ENC[AES256_GCM,data:…,iv:…,tag:…,type:…]`). */
export function fakeEnc(type = 'str', bytes = 8): string {
  const b64 = (n: number) => randomBytes(n).toString('base64');
  return `ENC[AES256_GCM,data:${b64(bytes)},iv:${b64(32)},tag:${b64(16)},type:${type}]`;
}

/** A minimal `sops:` block with one age recipient (the recipient is a syntactically valid fake). */
export function fakeSopsBlock(extra = '    unencrypted_suffix: _unencrypted\n'): string {
  return (
    'sops:\n' +
    '    age:\n' +
    '        - recipient: age1qqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqq\n' +
    '          enc: |\n' +
    '            -----BEGIN AGE ENCRYPTED FILE-----\n' +
    `            ${randomBytes(48).toString('base64')}\n` +
    '            -----END AGE ENCRYPTED FILE-----\n' +
    '    lastmodified: "2026-11-20T02:00:00Z"\n' +
    `    mac: ${fakeEnc('str', 64)}\n` +
    extra +
    '    version: 3.13.2\n'
  );
}
