/**
 * Character-level rules shared by both parsing paths (fast-parse.ts and
 * parse-yaml-file.ts), so that they refuse the same characters.
 */

/**
 * Characters a record's text may not hold: C0 controls other than tab and
 * line feed (NUL, BEL, ESC, a carriage return inside a value…), DEL and the
 * C1 controls. They are invisible in editors and break reports and the site.
 */
export const CONTROL_CHAR = /[\x00-\x08\x0b-\x1f\x7f-\x9f]/;

/** Control characters in a file's raw text (a CR before LF is a line ending, not a problem). */
export const RAW_CONTROL_CHAR = /[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f]|\r(?!\n)/g;

const NAMES: Record<number, string> = { 0: 'NUL', 7: 'BEL', 8: 'BS', 0x0b: 'VT', 0x0c: 'FF', 0x0d: 'CR', 0x1b: 'ESC', 0x7f: 'DEL' };

/** `U+0000 (NUL)` for messages. */
export function describeChar(c: string): string {
  const code = c.charCodeAt(0);
  const name = NAMES[code];
  return `U+${code.toString(16).toUpperCase().padStart(4, '0')}${name ? ` (${name})` : ''}`;
}

/** The first control character of a string, or undefined. */
export function firstControlChar(s: string): string | undefined {
  const m = CONTROL_CHAR.exec(s);
  return m?.[0];
}

/**
 * Line and column (1-based, UTF-16 units as editors count) of offsets in a
 * text; the line table is built once, each lookup is a binary search.
 * @param upTo the largest offset that will be asked (the table stops there)
 */
export function positionsOf(text: string, upTo = text.length): (offset: number) => { line: number; column: number } {
  let starts: number[] | undefined;
  return (offset) => {
    if (!starts) {
      starts = [0];
      for (let i = text.indexOf('\n'); i >= 0 && i < upTo; i = text.indexOf('\n', i + 1)) starts.push(i + 1);
    }
    let lo = 0;
    let hi = starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (starts[mid]! <= offset) lo = mid;
      else hi = mid - 1;
    }
    return { line: lo + 1, column: offset - starts[lo]! + 1 };
  };
}

/** True when the text holds nothing but blank lines and comments (linear; no backtracking). */
export function isBlankOrComments(text: string): boolean {
  let start = 0;
  while (start <= text.length) {
    let end = text.indexOf('\n', start);
    if (end < 0) end = text.length;
    let i = start;
    while (i < end && (text[i] === ' ' || text[i] === '\t' || text[i] === '\r')) i++;
    if (i < end && text[i] !== '#') return false;
    start = end + 1;
  }
  return true;
}

/** Shortens text quoted in a message (a key or value may be megabytes long). */
export function clip(s: string, max = 60): string {
  return s.length > max ? `${s.slice(0, max - 3)}...` : s;
}

/**
 * An upper bound of a YAML text's collection nesting, from its characters
 * alone: indentation plus `- ` dashes at the start of each line, plus the
 * depth of open `[` / `{` (quotes ignored, so brackets in text count too).
 * The `yaml` library composes nested collections recursively; past a few
 * hundred levels it runs out of stack, and where the overflow lands inside
 * a regular expression V8 aborts the process. Texts over a small bound are
 * refused before that library sees them.
 * @returns the first offset where the bound exceeds `limit`, or -1
 */
export function nestingBeyond(text: string, limit: number): number {
  let flow = 0;
  let i = 0;
  while (i < text.length) {
    // line start: indentation and dashes
    const lineStart = i;
    while (text.charCodeAt(i) === 0x20) i++;
    let dashes = 0;
    while (text.charCodeAt(i) === 0x2d && (text.charCodeAt(i + 1) === 0x20 || text.charCodeAt(i + 1) === 0x0a)) {
      dashes++;
      i++;
      while (text.charCodeAt(i) === 0x20) i++;
    }
    const block = i - lineStart + dashes;
    if (block + flow > limit) return i;
    for (; i < text.length && text.charCodeAt(i) !== 0x0a; i++) {
      const c = text.charCodeAt(i);
      if (c === 0x5b || c === 0x7b) {
        if (++flow + block > limit) return i;
      } else if ((c === 0x5d || c === 0x7d) && flow > 0) flow--;
    }
    i++;
  }
  return -1;
}
