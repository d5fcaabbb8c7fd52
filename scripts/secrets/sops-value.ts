/**
 * Leaf values as sops sees them: yaml.v3 scalar typing (SOPS-FORMAT §8),
 * sops's `ToBytes` serialisation (§2) and the conversions back from the
 * `type:` tag of an encrypted value. Everything works on strings and
 * BigInt, never on JS `Date` or number parsing that differs from Go.
 */

/** A typed leaf value, mirroring the Go types sops handles. */
export type SopsValue =
  | { type: 'str'; value: string }
  | { type: 'int'; value: bigint }
  | { type: 'float'; value: number }
  | { type: 'bool'; value: boolean }
  /** `value` is Go's `time.MarshalText` form (RFC 3339, fraction trimmed, `Z` for UTC). */
  | { type: 'time'; value: string }
  | { type: 'bytes'; value: Uint8Array };

export type SopsType = SopsValue['type'];

const INT64_MIN = -(2n ** 63n);
const INT64_MAX = 2n ** 63n - 1n;
const UINT64_MAX = 2n ** 64n - 1n;

/** Thrown when a value cannot be represented the way sops would. */
export class SopsValueError extends Error {}

/** Go `strconv.FormatFloat(f, 'f', -1, 64)`: shortest round-trip digits, never an exponent. */
export function formatGoFloat(f: number): string {
  if (Number.isNaN(f)) return 'NaN';
  if (f === Infinity) return '+Inf';
  if (f === -Infinity) return '-Inf';
  if (f === 0) return Object.is(f, -0) ? '-0' : '0';
  const sign = f < 0 ? '-' : '';
  // toExponential() without an argument gives the shortest unique digits.
  const [mant, expText] = Math.abs(f).toExponential().split('e') as [string, string];
  const digits = mant.replace('.', '');
  const exp = Number(expText);
  let out: string;
  if (exp >= 0) {
    out = digits.length <= exp + 1 ? digits + '0'.repeat(exp + 1 - digits.length) : `${digits.slice(0, exp + 1)}.${digits.slice(exp + 1)}`;
  } else {
    out = `0.${'0'.repeat(-exp - 1)}${digits}`;
  }
  return sign + out;
}

/** Go `strconv.ParseFloat(s, 64)` for the forms sops can meet; null when Go would fail. */
export function parseGoFloat(s: string): number | null {
  const t = s.replace(/^[+-]/, '');
  const neg = s.startsWith('-');
  if (/^(inf|infinity)$/i.test(t)) return neg ? -Infinity : Infinity;
  if (/^nan$/i.test(t)) return s === t ? NaN : null;
  if (/^0[xX]/.test(t)) {
    // hex float: mantissa p exponent (exponent is mandatory in Go)
    const m = /^0[xX]([0-9a-fA-F]*)(?:\.([0-9a-fA-F]*))?[pP]([+-]?\d+)$/.exec(t);
    if (!m || (m[1] === '' && !m[2])) return null;
    const frac = m[2] ?? '';
    const mant = parseInt((m[1] || '0') + frac, 16);
    const v = mant * 2 ** (Number(m[3]) - 4 * frac.length);
    return neg ? -v : v;
  }
  if (!/^(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?$/.test(t)) return null;
  const v = Number(t);
  return neg ? -v : v;
}

/** Go `strconv.ParseBool`. */
export function parseGoBool(s: string): boolean | null {
  if (['1', 't', 'T', 'TRUE', 'true', 'True'].includes(s)) return true;
  if (['0', 'f', 'F', 'FALSE', 'false', 'False'].includes(s)) return false;
  return null;
}

/** Go `strconv.ParseInt(s, 0, 64)` (base prefixes, leading-0 octal); null on failure. */
function parseGoIntBase0(s: string, allowUnsigned: boolean): bigint | null {
  const m = /^([+-]?)(.*)$/.exec(s)!;
  const neg = m[1] === '-';
  let body = m[2]!;
  let re = /^[0-9]+$/;
  let prefix = '';
  if (/^0[xX]/.test(body)) { prefix = '0x'; body = body.slice(2); re = /^[0-9a-fA-F]+$/; }
  else if (/^0[oO]/.test(body)) { prefix = '0o'; body = body.slice(2); re = /^[0-7]+$/; }
  else if (/^0[bB]/.test(body)) { prefix = '0b'; body = body.slice(2); re = /^[01]+$/; }
  else if (/^0[0-9]/.test(body)) { prefix = '0o'; body = body.slice(1); re = /^[0-7]+$/; }
  if (!re.test(body)) return null;
  if (allowUnsigned && neg) return null;
  let v = BigInt(prefix + body);
  if (neg) v = -v;
  if (allowUnsigned) return v <= UINT64_MAX ? v : null;
  return v >= INT64_MIN && v <= INT64_MAX ? v : null;
}

/** Go `strconv.Atoi` on 64-bit (base 10 only). */
export function parseGoDecimalInt(s: string): bigint | null {
  if (!/^[+-]?\d+$/.test(s)) return null;
  const v = BigInt(s);
  return v >= INT64_MIN && v <= INT64_MAX ? v : null;
}

function pad(n: number | string, w: number): string {
  return String(n).padStart(w, '0');
}

function daysIn(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

/**
 * yaml.v3 `parseTimestamp` followed by Go `time.MarshalText`: returns the
 * RFC 3339 form sops hashes, or null when the text is not a yaml.v3 timestamp.
 */
export function goYamlTimestamp(s: string): string | null {
  if (!/^\d{4}-/.test(s)) return null;
  const m =
    /^(\d{4})-(\d{1,2})-(\d{1,2})(?:(?:([Tt])(\d{1,2}):(\d{1,2}):(\d{1,2})(?:\.(\d+))?(Z|[+-]\d{2}:\d{2}))|(?: (\d{1,2}):(\d{1,2}):(\d{1,2})(?:\.(\d+))?))?$/.exec(s);
  if (!m) return null;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  if (mo < 1 || mo > 12 || d < 1 || d > daysIn(y, mo)) return null;
  const hasT = m[4] !== undefined;
  const hasSpace = m[10] !== undefined;
  const h = Number(hasT ? m[5] : hasSpace ? m[10] : 0);
  const mi = Number(hasT ? m[6] : hasSpace ? m[11] : 0);
  const se = Number(hasT ? m[7] : hasSpace ? m[12] : 0);
  if (h > 23 || mi > 59 || se > 59) return null;
  const fracRaw = (hasT ? m[8] : m[13]) ?? '';
  const frac = fracRaw.slice(0, 9).replace(/0+$/, '');
  let zone = 'Z';
  if (hasT) {
    const off = m[9]!;
    if (off !== 'Z') {
      const oh = Number(off.slice(1, 3));
      const om = Number(off.slice(4, 6));
      if (oh > 23 || om > 59) return null;
      zone = oh === 0 && om === 0 ? 'Z' : off;
    }
  }
  return `${pad(y, 4)}-${pad(mo, 2)}-${pad(d, 2)}T${pad(h, 2)}:${pad(mi, 2)}:${pad(se, 2)}${frac ? '.' + frac : ''}${zone}`;
}

/** Go `time.UnmarshalText` (RFC 3339) then MarshalText; null when invalid. */
export function goRfc3339(s: string): string | null {
  const m = /^(\d{4})-(\d{2})-(\d{2})[Tt](\d{2}):(\d{2}):(\d{2})(\.\d+)?(Z|z|[+-]\d{2}:\d{2})$/.exec(s);
  if (!m) return null;
  return goYamlTimestamp(`${m[1]}-${m[2]}-${m[3]}T${m[4]}:${m[5]}:${m[6]}${m[7] ?? ''}${m[8] === 'z' ? 'Z' : m[8]}`);
}

const YAML_STYLE_FLOAT = /^[-+]?(\.[0-9]+|[0-9]+(\.[0-9]*)?)([eE][-+]?[0-9]+)?$/;

/**
 * Types a plain (unquoted, untagged) YAML scalar the way yaml.v3 decodes it
 * into `interface{}`; null for YAML null. Throws for uint64-only integers,
 * which sops cannot walk.
 */
export function resolvePlainScalar(text: string): SopsValue | null {
  switch (text) {
    case '': case '~': case 'null': case 'Null': case 'NULL': return null;
    case 'true': case 'True': case 'TRUE': return { type: 'bool', value: true };
    case 'false': case 'False': case 'FALSE': return { type: 'bool', value: false };
    case '.nan': case '.NaN': case '.NAN': return { type: 'float', value: NaN };
    case '.inf': case '.Inf': case '.INF': case '+.inf': case '+.Inf': case '+.INF': return { type: 'float', value: Infinity };
    case '-.inf': case '-.Inf': case '-.INF': return { type: 'float', value: -Infinity };
    default: break;
  }
  const c = text[0]!;
  if (c === '.') {
    const f = parseGoFloat(text);
    return f === null ? { type: 'str', value: text } : { type: 'float', value: f };
  }
  if (!/[0-9+-]/.test(c)) return { type: 'str', value: text };
  const ts = goYamlTimestamp(text);
  if (ts !== null) return { type: 'time', value: ts };
  const plain = text.replace(/_/g, '');
  const i = parseGoIntBase0(plain, false);
  if (i !== null) return { type: 'int', value: i };
  if (parseGoIntBase0(plain, true) !== null) {
    throw new SopsValueError(`integer \`${text}\` is above the int64 range, which sops cannot handle`);
  }
  if (YAML_STYLE_FLOAT.test(plain)) {
    const f = parseGoFloat(plain);
    if (f !== null) return { type: 'float', value: f };
  }
  return { type: 'str', value: text };
}

/** sops `ToBytes`: the bytes that are encrypted and fed into the MAC. */
export function valueToBytes(v: SopsValue): Buffer {
  switch (v.type) {
    case 'str': return Buffer.from(v.value, 'utf8');
    case 'int': return Buffer.from(v.value.toString(), 'utf8');
    case 'float': return Buffer.from(formatGoFloat(v.value), 'utf8');
    case 'bool': return Buffer.from(v.value ? 'True' : 'False', 'utf8');
    case 'time': return Buffer.from(v.value, 'utf8');
    case 'bytes': return Buffer.from(v.value);
  }
}

/** Converts decrypted bytes back to a value by the `type:` tag (sops `Cipher.Decrypt`). */
export function bytesToValue(type: string, bytes: Buffer): SopsValue {
  const s = bytes.toString('utf8');
  switch (type) {
    case 'str': return { type: 'str', value: s };
    case 'int': {
      const v = parseGoDecimalInt(s);
      if (v === null) throw new SopsValueError(`decrypted int \`${s}\` is not a 64-bit integer`);
      return { type: 'int', value: v };
    }
    case 'float': {
      const v = parseGoFloat(s);
      if (v === null) throw new SopsValueError(`decrypted float \`${s}\` is not a number`);
      return { type: 'float', value: v };
    }
    case 'bool': {
      const v = parseGoBool(s);
      if (v === null) throw new SopsValueError(`decrypted bool \`${s}\` is not a boolean`);
      return { type: 'bool', value: v };
    }
    case 'time': {
      const v = goRfc3339(s);
      if (v === null) throw new SopsValueError(`decrypted time \`${s}\` is not RFC 3339`);
      return { type: 'time', value: v };
    }
    case 'bytes': return { type: 'bytes', value: new Uint8Array(bytes) };
    default: throw new SopsValueError(`unknown value type \`${type}\``);
  }
}

/**
 * YAML source text for a decrypted value that yaml.v3 (and this module)
 * types back to the same value, plus whether it must be double-quoted.
 */
export function valueToYamlText(v: SopsValue): { text: string; quote: boolean } {
  switch (v.type) {
    case 'str': {
      const plain = v.value === '' ? null : safeResolve(v.value);
      const needsQuote = v.value === '' || plain === null || plain.type !== 'str' || /^\s|\s$/.test(v.value);
      return { text: v.value, quote: needsQuote };
    }
    case 'int': return { text: v.value.toString(), quote: false };
    case 'float': {
      if (Number.isNaN(v.value)) return { text: '.nan', quote: false };
      if (v.value === Infinity) return { text: '.inf', quote: false };
      if (v.value === -Infinity) return { text: '-.inf', quote: false };
      const t = formatGoFloat(v.value);
      return { text: /^-?\d+$/.test(t) ? `${t}.0` : t, quote: false };
    }
    case 'bool': return { text: v.value ? 'true' : 'false', quote: false };
    case 'time': return { text: v.value, quote: false };
    case 'bytes': return { text: Buffer.from(v.value).toString('utf8'), quote: true };
  }
}

function safeResolve(text: string): SopsValue | null {
  try {
    return resolvePlainScalar(text);
  } catch {
    return { type: 'int', value: 0n }; // uint64-looking: must be quoted
  }
}
