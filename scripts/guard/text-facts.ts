/**
 * Cheap facts about one (normalised) text, computed at most once per file and
 * shared by the rules' `mayMatch` gates: whether it holds any of a rule's
 * keywords, and whether it holds a run of digits long enough for an ID, card
 * or mobile number.
 *
 * Keywords are declared with `keywords([...])` when a rule module loads; the
 * first keyword question about a text tests the union of every declared list
 * in one case-insensitive pass, so a text that holds none of them (most
 * records of a large KB) costs one regex pass for all the rules together.
 */

/** Every keyword of every declared list (lower case). */
const ALL_KEYWORDS = new Set<string>();
let unionRe: RegExp | undefined;
const LIST_RES = new WeakMap<readonly string[], RegExp>();
/** The lists declared with `keywords` (the union covers only these). */
const DECLARED = new WeakSet<readonly string[]>();

const escape = (w: string) => w.replace(/[.*+?^${}()|[\]\\/-]/g, '\\$&');
/** One case-insensitive alternation (V8 runs it faster than one `includes` per word on a lower-cased copy). */
const alternation = (words: Iterable<string>) => new RegExp([...words].map(escape).join('|'), 'i');

/** A rule's quick test from its gate keywords (one list for both, so they cannot drift apart). */
export const keywordRe = (words: readonly string[]): RegExp => alternation(words);

/**
 * Declares a rule's gate keywords: ASCII words (matched in any case, as the
 * rules' own `/i` regexes do) or Chinese labels. Call at module load.
 */
export function keywords(words: readonly string[]): readonly string[] {
  for (const w of words) ALL_KEYWORDS.add(w.toLowerCase());
  unionRe = undefined;
  DECLARED.add(words);
  return words;
}

/**
 * `min` digits joined by at most one blank or dash, the first one at the start
 * or after a character that is not a letter, digit or `_` (every resident-id,
 * bank-card and mobile-number match has this shape; see hasDigitRun).
 */
const digitRunRe = (min: number) => new RegExp(`(?:^|[^0-9A-Za-z_])\\d(?:[ -]?\\d){${min - 1}}`);
const RUN_RES = new Map<number, RegExp>();
/** The shortest run any rule asks for, tested first: without it no longer run exists. */
const SHORTEST_RUN = 11;

/** Facts about one text; each is computed when first asked for. */
export class TextFacts {
  private anyKeyword: boolean | undefined;
  private readonly runs = new Map<number, boolean>();

  constructor(readonly text: string) {}

  /** True when any of `words` (declared with `keywords`) occurs in the text; ASCII words in any case. */
  hasAny(words: readonly string[]): boolean {
    if (DECLARED.has(words)) {
      // a list the union does not cover is tested on its own below
      if (this.anyKeyword === undefined) this.anyKeyword = (unionRe ??= alternation(ALL_KEYWORDS)).test(this.text);
      if (!this.anyKeyword) return false;
    }
    let re = LIST_RES.get(words);
    if (!re) LIST_RES.set(words, (re = alternation(words)));
    return re.test(this.text);
  }

  /**
   * True when the text holds `min` digits in a row, a single blank or dash
   * allowed between two of them, the first digit not preceded by a letter,
   * digit or `_`. A necessary condition for resident-id (17), bank-card (13)
   * and mobile-number (11): each of their matches starts that way (a mobile
   * number's `+86`/`0086`/`(+86)` prefix included).
   */
  hasDigitRun(min: number): boolean {
    if (min > SHORTEST_RUN && !this.hasDigitRun(SHORTEST_RUN)) return false;
    let known = this.runs.get(min);
    if (known === undefined) {
      let re = RUN_RES.get(min);
      if (!re) RUN_RES.set(min, (re = digitRunRe(min)));
      known = re.test(this.text);
      this.runs.set(min, known);
    }
    return known;
  }
}
