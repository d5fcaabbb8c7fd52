/**
 * Regular expressions that come from files (sops metadata, `.sops.yaml`,
 * the guard's allow-list) run on RE2 (`re2js`, a pure-JS port): matching
 * time is linear in the subject, so a crafted pattern such as `^(a+)+$`
 * cannot stall `scan`, `validate` or `decrypt`. The syntax is Go's RE2 (what
 * sops uses), so `(?i)`, `(?P<name>…)` and `[[:alpha:]]` mean what sops
 * means. A pattern RE2 refuses (syntax, back-references, look-around, repeat
 * counts over 1000) is a RegexRefused error with RE2's reason; callers turn
 * it into one located line naming the file and key.
 */
import { RE2JS } from 're2js';

/** A compiled file-supplied pattern: unanchored search, like Go's `regexp.MatchString`. */
export interface SafeRegExp {
  readonly source: string;
  test(subject: string): boolean;
}

/** Longest pattern accepted from a file (RE2 bounds the program; this bounds compile time). */
export const MAX_PATTERN_LENGTH = 4096;

/** A pattern the linear-time engine refuses; `reason` is one line. */
export class RegexRefused extends Error {
  constructor(readonly reason: string) {
    super(reason);
    this.name = 'RegexRefused';
  }
}

/** Compiles a Go/RE2 pattern; throws RegexRefused (never anything else) when it is not acceptable. */
export function compileGoRegExp(source: string): SafeRegExp {
  if (typeof source !== 'string') throw new RegexRefused('expected a string');
  if (source.length > MAX_PATTERN_LENGTH) throw new RegexRefused(`pattern longer than ${MAX_PATTERN_LENGTH} characters`);
  let re: RE2JS;
  try {
    re = RE2JS.compile(source);
  } catch (err) {
    const msg = err instanceof Error ? err.message : String(err);
    throw new RegexRefused(`not a valid RE2 (Go) regular expression: ${msg.replace(/\s+/g, ' ').replace(/^error parsing regexp: /, '')}`);
  }
  return {
    source,
    test: (subject: string) => re.test(subject),
  };
}
