/**
 * From the bytes of a file to the text the rules read, without letting bytes
 * hide a leak:
 *
 * - UTF-16 (with or without BOM) and GB18030/GBK text is decoded as such, so
 *   `住院号` written in another encoding is still read;
 * - NUL and other control bytes are a finding of their own (`binary-content`)
 *   and the text is still scanned, with each control character read as a space;
 * - only a file with a binary extension (image, font, archive) that really
 *   holds binary data is skipped; the same bytes under records/ or in a
 *   Markdown/YAML file are a finding and scanned.
 */
import { isUtf8 } from 'node:buffer';
import path from 'node:path';
import { BINARY_EXTENSIONS } from './list-files.js';

/** Result of decoding one file. */
export interface DecodedFile {
  /** The text to scan (empty for a skipped binary). */
  text: string;
  /** Skip the file (a real binary with a binary extension): reason for `skipped`. */
  skip?: string;
  /** Why the bytes are themselves a finding (control bytes, not UTF-8), with the UTF-16 offset in `text` of the first one. */
  problem?: { message: string; offset: number };
}

/** Characters that are control bytes in text: C0 except tab/LF/CR, DEL, C1. */
// eslint-disable-next-line no-control-regex
export const CONTROL_RE = /[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f]/;

function utf16Guess(buf: Buffer): 'utf-16le' | 'utf-16be' | null {
  if (buf.length >= 2 && buf[0] === 0xff && buf[1] === 0xfe) return 'utf-16le';
  if (buf.length >= 2 && buf[0] === 0xfe && buf[1] === 0xff) return 'utf-16be';
  const n = Math.min(buf.length, 4096) & ~1;
  if (n < 8) return null;
  // UTF-16 text of ASCII-range characters is ~50% NUL bytes: without any NUL (nearly every file) it is not UTF-16.
  const nul = buf.indexOf(0);
  if (nul === -1 || nul >= n) return null;
  let evenNul = 0;
  let oddNul = 0;
  for (let i = 0; i < n; i += 2) {
    if (buf[i] === 0) evenNul++;
    if (buf[i + 1] === 0) oddNul++;
  }
  const half = n / 2;
  if (oddNul > half * 0.3 && evenNul < half * 0.05) return 'utf-16le';
  if (evenNul > half * 0.3 && oddNul < half * 0.05) return 'utf-16be';
  return null;
}

/** Valid UTF-8 (the WHATWG definition a fatal TextDecoder applies), checked natively without decoding. */
function isValidUtf8(buf: Buffer): boolean {
  return isUtf8(buf);
}

/** True when the bytes look like a real binary (NUL bytes and many non-text bytes). */
function looksBinary(buf: Buffer): boolean {
  const n = Math.min(buf.length, 8000);
  let nul = 0;
  let odd = 0;
  for (let i = 0; i < n; i++) {
    const b = buf[i]!;
    if (b === 0) nul++;
    else if (b < 9 || (b > 13 && b < 32)) odd++;
  }
  return nul > 0 && (nul + odd) / Math.max(1, n) > 0.02;
}

/** Decodes `buf` (the file at KB-relative `rel`) for scanning. */
export function decodeForScan(rel: string, buf: Buffer): DecodedFile {
  const ext = path.extname(rel).toLowerCase();
  const underRecords = rel.startsWith('records/');
  const utf16 = utf16Guess(buf);
  if (utf16) {
    const text = new TextDecoder(utf16).decode(buf).replace(/^\uFEFF/, '');
    return { text, problem: { message: `${utf16.toUpperCase()} text (records and manuals must be UTF-8)`, offset: 0 } };
  }
  if (BINARY_EXTENSIONS.has(ext) && !underRecords && looksBinary(buf)) {
    return { text: '', skip: 'binary content' };
  }
  let text: string;
  let problem: DecodedFile['problem'];
  if (isValidUtf8(buf)) {
    text = buf.toString('utf8');
  } else {
    // Not UTF-8: read it as GB18030 (a superset of GBK/GB2312, what Chinese Windows tools write).
    try {
      text = new TextDecoder('gb18030').decode(buf);
    } catch {
      text = buf.toString('latin1');
    }
    problem = { message: 'not UTF-8 (read as GB18030); records and manuals must be UTF-8', offset: 0 };
  }
  if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
  const m = CONTROL_RE.exec(text);
  if (m && !problem) {
    const code = m[0].charCodeAt(0);
    const name = code === 0 ? 'NUL byte' : `control character U+${code.toString(16).toUpperCase().padStart(4, '0')}`;
    problem = { message: `${name} in a text file (binary or control bytes hide text from review)`, offset: m.index };
  } else if (m && problem) {
    problem = { ...problem, message: `${problem.message}, with control bytes` };
  }
  return problem ? { text, problem } : { text };
}

/**
 * The text the content rules read, and a map back to the original offsets:
 * full-width ASCII (０-９, Ａ-Ｚ, ：) read as ASCII, unusual spaces and dashes
 * as ' ' and '-', control characters as spaces, invisible format characters
 * (zero-width space/joiners, soft hyphen, bidi controls, word joiner) removed.
 * `toOriginal(i)` maps an offset of `text` to one of the input.
 */
export interface NormalizedText {
  text: string;
  toOriginal(offset: number): number;
}

// eslint-disable-next-line no-control-regex
const NEEDS_NORMALIZING = /[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\xa0\xad\u180e\u2000-\u2015\u2028-\u202f\u205f-\u2064\ufeff\uff01-\uff5e]/;
/** Characters normalizeForScan removes (then offsets shift and a map back is needed). */
const REMOVED = /[\xad\u180e\u200b-\u200f\u202a-\u202e\u2060-\u2064\ufeff]/;
/** Characters normalizeForScan replaces one for one (everything NEEDS_NORMALIZING holds but REMOVED). */
// eslint-disable-next-line no-control-regex
const REPLACED = /[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\xa0\u2000-\u200a\u2010-\u2015\u2028\u2029\u202f\u205f\uff01-\uff5e]/g;

/** The replacement of one REPLACED character (the same choice as the loop below). */
function replacement(ch: string): string {
  const c = ch.charCodeAt(0);
  if (c >= 0xff01) return String.fromCharCode(c - 0xfee0);
  if (c >= 0x2010 && c <= 0x2015) return '-';
  return ' ';
}

export function normalizeForScan(input: string): NormalizedText {
  if (!NEEDS_NORMALIZING.test(input)) return { text: input, toOriginal: (i) => i };
  // Most text only needs one-for-one replacements (full-width punctuation in Chinese prose): the
  // offsets do not move, so no map is built. Lone surrogates (never in decoded file text) take the
  // loop below, which turns them into U+FFFD as it always did.
  if (!REMOVED.test(input) && (input as string & { isWellFormed(): boolean }).isWellFormed()) {
    const n = input.length;
    return { text: input.replace(REPLACED, replacement), toOriginal: (i) => Math.min(Math.max(i, 0), n) };
  }
  return normalizeByLoop(input);
}

/** normalizeForScan the long way, one character at a time with a map back (exported for the test that compares both ways). */
export function normalizeByLoop(input: string): NormalizedText {
  const out = new Uint16Array(input.length);
  const map = new Int32Array(input.length + 1);
  let n = 0;
  for (let i = 0; i < input.length; i++) {
    const c = input.charCodeAt(i);
    let r: number;
    if (c < 0x7f && (c >= 0x20 || c === 9 || c === 10 || c === 13)) r = c;
    else if (c >= 0xff01 && c <= 0xff5e) r = c - 0xfee0;
    else if (c === 0xad || c === 0x180e || (c >= 0x200b && c <= 0x200f) || (c >= 0x202a && c <= 0x202e) || (c >= 0x2060 && c <= 0x2064) || c === 0xfeff) continue;
    else if (c === 0xa0 || (c >= 0x2000 && c <= 0x200a) || c === 0x202f || c === 0x205f || c === 0x2028 || c === 0x2029) r = 0x20;
    else if (c >= 0x2010 && c <= 0x2015) r = 0x2d;
    else if (c < 0x20 || (c >= 0x7f && c <= 0x9f)) r = 0x20;
    else r = c;
    out[n] = r;
    map[n++] = i;
  }
  map[n] = input.length;
  const decoder = new TextDecoder('utf-16le');
  const text = decoder.decode(out.subarray(0, n));
  return { text, toOriginal: (i) => map[Math.min(Math.max(i, 0), n)]! };
}
