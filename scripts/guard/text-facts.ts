/**
 * Cheap facts about one (normalised) text, computed at most once per file and
 * shared by the rules' `mayMatch` gates: the lower-cased text (one native
 * pass; `includes` on it is the fastest case-insensitive keyword test V8
 * offers, several times faster than one regex alternation of the keywords)
 * and whether the text holds a run of digits long enough for an ID, card or
 * mobile number.
 */

/** `min` digits joined by at most one blank or dash, the first not after a letter, digit or `_` (every ID, card and mobile match has this shape). */
function digitRunRe(min: number): RegExp {
  return new RegExp(`(?<![0-9A-Za-z_])\\d(?:[ -]?\\d){${min - 1}}`);
}

const RUN_RES = new Map<number, RegExp>();

/** Facts about one text; each is computed when first asked for. */
export class TextFacts {
  private lowerText: string | undefined;
  private readonly runs = new Map<number, boolean>();

  constructor(readonly text: string) {}

  /** The text in lower case (ASCII keywords are searched here instead of with a case-insensitive regex). */
  get lower(): string {
    return (this.lowerText ??= this.text.toLowerCase());
  }

  /** True when any of `words` (lower case) occurs in the text, in any case. */
  hasAnyWord(words: readonly string[]): boolean {
    const lower = this.lower;
    for (const w of words) if (lower.includes(w)) return true;
    return false;
  }

  /**
   * True when the text holds `min` digits in a row, a single blank or dash
   * allowed between two of them, the first digit not preceded by a letter,
   * digit or `_`. A necessary condition for resident-id (17), bank-card (13)
   * and mobile-number (11): each of their matches starts that way.
   */
  hasDigitRun(min: number): boolean {
    let known = this.runs.get(min);
    if (known === undefined) {
      // a shorter run missing proves a longer one missing
      for (const [m, v] of this.runs) if (m <= min && !v) known = false;
      if (known === undefined) {
        let re = RUN_RES.get(min);
        if (!re) RUN_RES.set(min, (re = digitRunRe(min)));
        known = re.test(this.text);
      }
      this.runs.set(min, known);
    }
    return known;
  }
}
