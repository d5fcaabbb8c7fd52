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

// one js-yaml type per `yaml` tag, each under its own name: js-yaml keeps only the last type of a
// tag name, and the fast path never sees explicit tags (they take the positional path)
const SCHEMA = FAILSAFE_SCHEMA.extend({
  implicit: CORE_SCALARS.map((t, i) => new Type(`${t.tag}#${i}`, {
    kind: 'scalar',
    resolve: (data: unknown) => typeof data === 'string' && t.test!.test(data),
    construct: (data: string) => {
      let failed = false;
      const v = t.resolve(data, () => { failed = true; }, YAML_OPTIONS);
      if (failed) throw new Error('unresolvable scalar');
      return isScalar(v) ? v.value : v;
    },
  })),
});

/**
 * Text the fast path leaves to the positional parser, one alternative per
 * reason: control and other non-printable characters, a carriage return
 * without line feed, tabs, a byte order mark after the start; tags,
 * anchors, aliases, reserved indicators and explicit keys (a `!`, `&`, `*`,
 * `@`, backquote or `?` where a node may start); directives and document
 * markers; a `#` glued to a quoted scalar or flow collection; a flow
 * collection used as a key. (Lines long enough for the 1024-character
 * implicit-key limit are left out by plainLines.)
 */
const NOT_PLAIN = /[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\t\ufeff\ufffe\uffff]|\r(?!\n)|(?:^|[\s,[\]{}:])[!&*@`]|(?:^|\s)\?(?:\s|$)|^(?:%|---|\.\.\.)|["'\]}]#|[\]}]\s*:/m;

/** Index just past the closing quote of the quoted scalar opening at `i`, or -1 when it does not close on this line. */
function closeQuote(line: string, i: number): number {
  const q = line[i];
  for (let j = i + 1; j < line.length; j++) {
    const c = line[j];
    if (q === '"' && c === '\\') j++;
    else if (c === q) {
      if (q === "'" && line[j + 1] === "'") j++;
      else return j + 1;
    }
  }
  return -1;
}

/** Index just past the flow collection opening at `i`, or -1 unless it closes on this line without quotes or comments inside. */
function closeFlow(line: string, i: number): number {
  let depth = 0;
  for (let j = i; j < line.length; j++) {
    const c = line.charCodeAt(j);
    if (c === 0x5b || c === 0x7b) depth++;
    else if (c === 0x5d || c === 0x7d) {
      if (--depth === 0) return j + 1;
    } else if (c === 0x22 || c === 0x27 || c === 0x23) return -1; // quotes or a comment inside
  }
  return -1;
}

/** True when nothing but spaces and a comment follows `i`. */
function endsLine(line: string, i: number): boolean {
  while (line.charCodeAt(i) === 0x20) i++;
  return i >= line.length || (line[i] === '#' && line[i - 1] === ' ');
}

/**
 * True when every line is blank, a comment, a `key: value` or `- value`
 * line whose quoted scalar or flow collection closes on that line, or the
 * content of a block scalar (`|`, `>`): no scalar or collection spans lines
 * outside block scalars. That is where YAML readers disagree on
 * indentation (the `yaml` library is stricter than js-yaml).
 */
function plainLines(text: string): boolean {
  let blockParent = -1; // inside a block scalar: its lines are blank or indented more than this column
  for (const raw of text.split('\n')) {
    const line = raw.charCodeAt(raw.length - 1) === 0x0d ? raw.slice(0, -1) : raw;
    if (line.length >= 1000) return false; // the `yaml` library limits implicit keys to 1024 characters
    let i = 0;
    while (line.charCodeAt(i) === 0x20) i++;
    if (blockParent >= 0) {
      if (i === line.length || i > blockParent) continue;
      blockParent = -1;
    }
    if (i === line.length || line[i] === '#') continue;
    let col = i;
    let dashes = 0;
    while (line[i] === '-' && (i + 1 === line.length || line[i + 1] === ' ')) {
      dashes++;
      col = i;
      i++;
      while (line.charCodeAt(i) === 0x20) i++;
    }
    const dashed = dashes > 0;
    if (i === line.length || line[i] === '#') {
      if (dashes > 1) return false; // `- -` with an empty item: js-yaml puts the next item in the inner list
      continue;
    }
    // the key, if any
    let value = i;
    if (line[i] === '"' || line[i] === "'") {
      const end = closeQuote(line, i);
      if (end < 0) return false;
      let k = end;
      while (line.charCodeAt(k) === 0x20) k++;
      if (line[k] === ':' && (k + 1 === line.length || line[k + 1] === ' ')) {
        col = i;
        value = k + 1;
      } else if (!dashed || !endsLine(line, end)) return false;
      else continue;
    } else if (line[i] !== '[' && line[i] !== '{') {
      const colon = line.slice(i).search(/:(?: |$)| #/);
      if (colon >= 0 && line[i + colon] === ':') {
        col = i;
        value = i + colon + 1;
      } else if (!dashed) return false; // a line that continues a scalar of the line above
    }
    while (line.charCodeAt(value) === 0x20) value++;
    const c = line[value];
    if (c === undefined || c === '#') continue;
    if (c === '|' || c === '>') {
      if (!/^[|>]-?(?: +#.*)?$/.test(line.slice(value).trimEnd())) return false; // keep chomping, indentation indicators, text after the header
      blockParent = col;
      continue;
    }
    if (c === '"' || c === "'") {
      const end = closeQuote(line, value);
      if (end < 0 || !endsLine(line, end)) return false;
    } else if (c === '[' || c === '{') {
      const end = closeFlow(line, value);
      if (end < 0 || !endsLine(line, end)) return false;
    }
  }
  return true;
}

/** Keys or strings the fast path does not vouch for: a `null` key (js-yaml names it "null", `yaml` ""), control characters. */
function plainData(v: unknown, depth: number): boolean {
  if (typeof v === 'string') return !CONTROL_CHAR.test(v);
  if (v === null || typeof v !== 'object') return typeof v !== 'number' || !Number.isNaN(v);
  if (depth > MAX_FAST_DEPTH) return false;
  if (Array.isArray(v)) return v.every((x) => plainData(x, depth + 1));
  for (const k in v) {
    if (k === 'null' || !plainData(k, depth) || !plainData((v as Record<string, unknown>)[k], depth + 1)) return false;
  }
  return true;
}

/** Nesting the fast path reads; deeper files take the positional path (which reports depth). */
const MAX_FAST_DEPTH = 32;

/**
 * Reads a record's text when it is plain YAML both parsers agree on.
 * @param text the file's text (BOM removed)
 * @returns the record's data, or undefined for "take the positional path"
 */
export function fastParse(text: string): Record<string, unknown> | undefined {
  if (NOT_PLAIN.test(text) || !plainLines(text)) return undefined;
  let data: unknown;
  try {
    // maxDepth (js-yaml ≥ 4.2) is missing from @types/js-yaml
    data = load(text, { schema: SCHEMA, maxDepth: MAX_FAST_DEPTH } as Parameters<typeof load>[1]);
  } catch {
    return undefined;
  }
  if (data === null || typeof data !== 'object' || Array.isArray(data) || !plainData(data, 0)) return undefined;
  return data as Record<string, unknown>;
}
