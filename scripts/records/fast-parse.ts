/**
 * The fast path of record parsing: js-yaml, which reads a plain record about
 * ten times faster than the `yaml` library's Document API, for files that
 * use only the YAML both libraries read alike. It answers "here is the data"
 * or "not sure": any file it is not sure about (and any file that turns out
 * invalid) goes through parse-yaml-file.ts, which has the source positions
 * and the precise messages. Scalars are resolved by the `yaml` library's own
 * YAML 1.2 core tags, so both paths type `1`, `0x1F`, `.inf`, `~` alike; a
 * property test (fast-parse.test.ts) checks that whatever this path accepts
 * the positional path reads as the same data without any error.
 */
import { FAILSAFE_SCHEMA, load, Type } from 'js-yaml';
import { Document, isScalar } from 'yaml';
import { CONTROL_CHAR } from './text-checks.js';

interface CoreTag {
  tag: string;
  test?: RegExp;
  default?: boolean | string;
  resolve(value: string, onError: (msg: string) => void, options: object): unknown;
}

/** The `yaml` library's YAML 1.2 core scalar tags (null, bool, int, float), in its resolution order. */
const CORE_SCALARS = (new Document(null, { version: '1.2' }).schema.tags as unknown as CoreTag[]).filter((t) => t.default === true && t.test);
const YAML_OPTIONS = new Document(null, { version: '1.2' }).options;
/** First characters of every core scalar: `~`, null/true/false in their spellings, numbers, `.inf`/`.nan`. */
const MAY_START_CORE = new Uint8Array(128);
for (const c of '~nNtTfF0123456789+-.') MAY_START_CORE[c.charCodeAt(0)] = 1;

/**
 * Which core tag a plain scalar resolves to (index in CORE_SCALARS, -1 for a
 * string), computed once per scalar: js-yaml asks every implicit type in
 * turn with the same text.
 */
let memoText: string | undefined;
let memoIndex = -1;
export function coreIndex(text: string): number {
  if (text === memoText) return memoIndex;
  memoText = text;
  memoIndex = -1;
  const c = text.charCodeAt(0);
  if (text.length === 0 || (c < 128 && MAY_START_CORE[c] === 1)) {
    for (let k = 0; k < CORE_SCALARS.length; k++) {
      if (CORE_SCALARS[k]!.test!.test(text)) {
        memoIndex = k;
        break;
      }
    }
  }
  return memoIndex;
}

/** The JS value of a plain scalar as both paths read it (the `yaml` library's core tags). */
export function plainScalarValue(text: string): unknown {
  const k = coreIndex(text);
  if (k < 0) return text;
  const v = CORE_SCALARS[k]!.resolve(text, () => {}, YAML_OPTIONS);
  return isScalar(v) ? v.value : v;
}

/** V8 keeps a substring of at least this many characters as a view of its parent string (a SlicedString). */
const SLICE_MIN = 13;

/**
 * A copy of `s` that does not keep its source text alive. js-yaml slices scalars out of the file's text and
 * V8 keeps a slice of 13 characters or more as a view of the whole text, so each record kept every file's text
 * (115 MB at 100k tickets, whose texts are two-byte for their Chinese). The JSON round trip makes a flat
 * string, one-byte when it can be.
 */
export function ownString(s: string): string {
  return JSON.parse(JSON.stringify(s)) as string;
}

// one js-yaml type per `yaml` tag, each under its own name: js-yaml keeps only the last type of a
// tag name, and the fast path never sees explicit tags (they take the positional path)
const SCHEMA = FAILSAFE_SCHEMA.extend({
  implicit: [...CORE_SCALARS.map((t, i) => new Type(`${t.tag}#${i}`, {
    kind: 'scalar',
    resolve: (data: unknown) => typeof data === 'string' && coreIndex(data) === i,
    construct: (data: string) => {
      let failed = false;
      const v = t.resolve(data, () => { failed = true; }, YAML_OPTIONS);
      if (failed) throw new Error('unresolvable scalar');
      return isScalar(v) ? v.value : v;
    },
  })),
  // last: every other plain scalar is a string, taken as its own copy (ownString)
  new Type('tag:yaml.org,2002:str#own', { kind: 'scalar', resolve: (data: unknown) => typeof data === 'string' && data.length >= SLICE_MIN, construct: ownString })],
});

/**
 * Text the fast path leaves to the positional parser: control and other
 * non-printable characters, a carriage return without line feed, tabs, a
 * byte order mark after the start (CONTROL); tags, anchors, aliases,
 * reserved indicators and explicit keys (a `!`, `&`, `*`, `@`, backquote or
 * `?` where a node may start), directives and document markers, a `#` glued
 * to a quoted scalar or flow collection, a flow collection used as a key
 * (INDICATORS). Lines long enough for the 1024-character implicit-key limit
 * are left out by plainLines. Each precise pattern runs only when a cheap
 * character test finds one of its characters.
 */
const CONTROL = /[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\t\ufeff\ufffe\uffff]/;
const MAYBE_INDICATOR = /[!&*@`?%#\]}]|^(?:---|\.\.\.)/m;
const INDICATORS = /(?:^|[\s,[\]{}:])[!&*@`]|(?:^|[\s,[\]{}])\?(?:\s|$)|^(?:%|---|\.\.\.)|["'\]}]#|[\]}]\s*:/m;

/** Offset of the first character or construct the fast path leaves to the positional parser, or -1. */
function notPlainAt(text: string): number {
  let m = CONTROL.exec(text);
  if (m) return m.index;
  if (text.includes('\r')) {
    m = /\r(?!\n)/.exec(text);
    if (m) return m.index;
  }
  if (!MAYBE_INDICATOR.test(text)) return -1;
  m = INDICATORS.exec(text);
  return m ? m.index : -1;
}

/** Index just past the closing quote of the quoted scalar opening at `i`, or -1 when it does not close before `end`. */
function closeQuote(text: string, i: number, end: number): number {
  const q = text.charCodeAt(i);
  for (let j = i + 1; j < end; j++) {
    const c = text.charCodeAt(j);
    if (q === 0x22 && c === 0x5c) j++;
    else if (c === q) {
      if (q === 0x27 && text.charCodeAt(j + 1) === 0x27) j++;
      else return j + 1;
    }
  }
  return -1;
}

/** Index just past the flow collection opening at `i`, or -1 unless it closes before `end` without quotes or comments inside. */
export function closeFlow(text: string, i: number, end: number): number {
  let depth = 0;
  for (let j = i; j < end; j++) {
    const c = text.charCodeAt(j);
    if (c === 0x5b || c === 0x7b) depth++;
    else if (c === 0x5d || c === 0x7d) {
      if (--depth === 0) return j + 1;
    } else if (c === 0x22 || c === 0x27 || c === 0x23) return -1; // quotes or a comment inside
  }
  return -1;
}

/** True when nothing but spaces and a comment follows `i` before `end`. */
function endsLine(text: string, i: number, end: number): boolean {
  while (i < end && text.charCodeAt(i) === 0x20) i++;
  return i >= end || (text.charCodeAt(i) === 0x23 && text.charCodeAt(i - 1) === 0x20);
}

/** Block scalar headers the fast path reads: `|` or `>`, optionally `-`, optionally a comment. */
const BLOCK_HEADER = /^[|>]-?(?: +#.*)?$/;

/** One content line of a plain text, as plainLines reads it (offsets into the text). */
export interface PlainLine {
  /** Offset where the line starts. */
  start: number;
  /** Offsets of the `-` of each list dash at the start of the line. */
  dashes: number[];
  /** The key, when the line holds `key: …` (offsets of its text, quotes included). */
  key?: { start: number; end: number };
  /** Offset of the inline value (after `key: ` or the dashes), or -1 when the line has none. */
  value: number;
  /** The value's end (exclusive, before a trailing comment). */
  valueEnd: number;
  /** Offset where an empty value would sit: the first non-space character after the colon or dash (a comment or the line end). */
  emptyAt: number;
}

/**
 * Reads the text line by line; true when every line is blank, a comment, a
 * `key: value` or `- value` line whose quoted scalar or flow collection
 * closes on that line, or the content of a block scalar (`|`, `>`): no
 * scalar or collection spans lines outside block scalars. That is where YAML
 * readers disagree on indentation (the `yaml` library is stricter than
 * js-yaml). Index-based: one pass, no copies of lines. `onLine` receives
 * each content line (not blank lines, comments or block scalar content),
 * always in the same object: it reads the line, it does not keep it.
 */
export function plainLines(text: string, onLine?: (line: PlainLine) => boolean, onStop?: (lineStart: number) => void): boolean {
  const ok = scanLines(text, onLine, onStop);
  return ok;
}

function scanLines(text: string, onLine: ((line: PlainLine) => boolean) | undefined, onStop: ((lineStart: number) => void) | undefined): boolean {
  const levels: number[] = []; // columns of the open block collections
  const stop = (at: number) => {
    onStop?.(at);
    return false;
  };
  // one line object and one dashes array for every line (onLine reads them, it does not keep them)
  const dashes: number[] = [];
  const line: PlainLine = { start: 0, dashes, value: -1, valueEnd: -1, emptyAt: 0 };
  const lineOf = (start: number, key: PlainLine['key'], value: number, valueEnd: number, emptyAt: number): PlainLine => {
    line.start = start;
    line.key = key;
    line.value = value;
    line.valueEnd = valueEnd;
    line.emptyAt = emptyAt;
    return line;
  };
  let blockParent = -1; // inside a block scalar: its lines are blank or indented more than this column
  let start = 0;
  while (start <= text.length) {
    let end = text.indexOf('\n', start);
    if (end < 0) end = text.length;
    const next = end + 1;
    if (end > start && text.charCodeAt(end - 1) === 0x0d) end--;
    if (end - start >= 1000) return stop(start); // the `yaml` library limits implicit keys to 1024 characters
    let i = start;
    while (i < end && text.charCodeAt(i) === 0x20) i++;
    if (blockParent >= 0) {
      if (i === end || i - start > blockParent) {
        start = next;
        continue;
      }
      blockParent = -1;
    }
    if (i === end || text.charCodeAt(i) === 0x23) {
      start = next;
      continue;
    }
    let col = i - start;
    // indentation goes back only to a column that is open (js-yaml lets a list go on at a column between two levels)
    let popped = false;
    while (levels.length > 0 && levels[levels.length - 1]! > col) {
      levels.pop();
      popped = true;
    }
    const top = levels[levels.length - 1];
    if (top !== col) {
      if (popped && levels.length > 0) return stop(start);
      levels.push(col);
    }
    dashes.length = 0;
    while (text.charCodeAt(i) === 0x2d && (i + 1 === end || text.charCodeAt(i + 1) === 0x20)) {
      dashes.push(i);
      col = i - start;
      if (levels[levels.length - 1] !== col) levels.push(col);
      i++;
      while (i < end && text.charCodeAt(i) === 0x20) i++;
    }
    if (dashes.length > 0 && i < end && levels[levels.length - 1] !== i - start) levels.push(i - start); // `- key:` opens the item's mapping
    if (i === end || text.charCodeAt(i) === 0x23) {
      // an item left empty (`-`, `- -`): js-yaml may put the next item in the inner list
      if (dashes.length > 0) return stop(start);
      if (onLine && !onLine(lineOf(start, undefined, -1, -1, i))) return stop(start);
      start = next;
      continue;
    }
    // the key, if any
    let value = i;
    let key: PlainLine['key'];
    const first = text.charCodeAt(i);
    if (first === 0x22 || first === 0x27) {
      const close = closeQuote(text, i, end);
      if (close < 0) return stop(start);
      let k = close;
      while (k < end && text.charCodeAt(k) === 0x20) k++;
      if (text.charCodeAt(k) === 0x3a && (k + 1 === end || text.charCodeAt(k + 1) === 0x20)) {
        col = i - start;
        key = { start: i, end: close };
        value = k + 1;
      } else if (dashes.length === 0 || !endsLine(text, close, end)) return stop(start);
    } else if (first !== 0x5b && first !== 0x7b) {
      let colon = -1;
      for (let k = i; k < end; k++) {
        const c = text.charCodeAt(k);
        if (c === 0x3a && (k + 1 === end || text.charCodeAt(k + 1) === 0x20)) {
          colon = k;
          break;
        }
        if (c === 0x23 && text.charCodeAt(k - 1) === 0x20) break;
      }
      if (colon >= 0) {
        col = i - start;
        let keyEnd = colon;
        while (keyEnd > i && text.charCodeAt(keyEnd - 1) === 0x20) keyEnd--;
        key = { start: i, end: keyEnd };
        value = colon + 1;
      } else if (dashes.length === 0) return stop(start); // a line that continues a scalar of the line above
    }
    while (value < end && text.charCodeAt(value) === 0x20) value++;
    const c = text.charCodeAt(value);
    let valueEnd = -1;
    if (value < end && c !== 0x23) {
      if (c === 0x7c || c === 0x3e) {
        if (!BLOCK_HEADER.test(text.slice(value, end).trimEnd())) return stop(start); // keep chomping, indentation indicators, text after the header
        blockParent = col;
        valueEnd = end;
      } else if (c === 0x22 || c === 0x27) {
        valueEnd = closeQuote(text, value, end);
        if (valueEnd < 0 || !endsLine(text, valueEnd, end)) return stop(start);
      } else if (c === 0x5b || c === 0x7b) {
        valueEnd = closeFlow(text, value, end);
        if (valueEnd < 0 || !endsLine(text, valueEnd, end)) return stop(start);
      } else {
        valueEnd = end;
        for (let k = value; k < end; k++) if (text.charCodeAt(k) === 0x23 && text.charCodeAt(k - 1) === 0x20) { valueEnd = k; break; }
        while (valueEnd > value && text.charCodeAt(valueEnd - 1) === 0x20) valueEnd--;
      }
    }
    if (onLine && !onLine(lineOf(start, key, valueEnd < 0 ? -1 : value, valueEnd, value))) return stop(start);
    start = next;
  }
  return true;
}

/**
 * Keys or values the fast path does not vouch for: a `null` key (js-yaml
 * names it "null", `yaml` ""), NaN, and, when the text has escapes or
 * carriage returns (`strings`), control characters in strings.
 */
function plainData(v: unknown, depth: number, strings: boolean): boolean {
  if (typeof v === 'string') return !strings || !CONTROL_CHAR.test(v);
  if (v === null || typeof v !== 'object') return typeof v !== 'number' || !Number.isNaN(v);
  if (depth > MAX_FAST_DEPTH) return false;
  if (Array.isArray(v)) {
    for (const x of v) if (!plainData(x, depth + 1, strings)) return false;
    return true;
  }
  for (const k in v) {
    if (k === 'null' || (strings && CONTROL_CHAR.test(k)) || !plainData((v as Record<string, unknown>)[k], depth + 1, strings)) return false;
  }
  return true;
}

/**
 * Where plainData can find something (a `~`/`null` or empty key, a `.nan`),
 * the text has one of these; a text without any (and without escapes or
 * CRs) needs no walk over its data, which for a mapping of 100,000 keys
 * costs as much as reading it. Loose on purpose: a match only means "walk".
 */
const MAY_HOLD_NULL_KEY_OR_NAN = /(?:^|[\s,[{:])(?:~|null|Null|NULL|\.nan|\.NaN|\.NAN)(?![^\s,\]}:#])|(?:^|[,[{])[ -]*:(?![^\s,\]}])/m;

/** Nesting the fast path reads; deeper files take the positional path (which reports depth). */
const MAX_FAST_DEPTH = 16;

/**
 * Reads a record's text when it is plain YAML both parsers agree on.
 * @param text the file's text (BOM removed)
 * @returns the record's data, or undefined for "take the positional path"
 */
export function fastParse(text: string): Record<string, unknown> | undefined {
  const r = fastParseExplained(text);
  return 'data' in r ? r.data : undefined;
}

/**
 * Like fastParse, and when the fast path declines, where and why: the
 * offset of the first construct it leaves to the positional parser, or
 * js-yaml's own syntax error (for files too large for the positional
 * parser, see check-record-file.ts).
 */
export function fastParseExplained(text: string): { data: Record<string, unknown> } | { offset: number; why: string } {
  const at = notPlainAt(text);
  if (at >= 0) return { offset: at, why: 'a tab, tag, anchor, alias, directive, document marker or other construct beyond plain YAML' };
  let stop = -1;
  if (!plainLines(text, undefined, (offset) => (stop = offset))) return { offset: Math.max(stop, 0), why: 'a value or collection spanning lines outside a block scalar (`|`), or a very long line' };
  let data: unknown;
  try {
    // maxDepth (js-yaml ≥ 4.2) is missing from @types/js-yaml
    data = load(text, { schema: SCHEMA, maxDepth: MAX_FAST_DEPTH } as Parameters<typeof load>[1]);
  } catch (e) {
    const mark = (e as { mark?: { position?: number } }).mark;
    return { offset: mark?.position ?? 0, why: `YAML that does not parse (${String((e as { reason?: string }).reason ?? (e as Error).message)})` };
  }
  if (data === null || typeof data !== 'object' || Array.isArray(data)) return { offset: 0, why: 'a document that is not a mapping' };
  const strings = text.includes('\\') || text.includes('\r');
  if ((strings || MAY_HOLD_NULL_KEY_OR_NAN.test(text)) && !plainData(data, 0, strings)) return { offset: 0, why: 'a `null` key, NaN, deep nesting or a control character written as an escape' };
  return { data: data as Record<string, unknown> };
}
