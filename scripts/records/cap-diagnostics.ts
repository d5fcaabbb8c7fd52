/**
 * At most MAX_PROBLEMS_PER_FILE problems per file, then one line saying how
 * many more there are: a file with 20,000 unknown keys gets 20 messages and
 * "19980 more", not 20,000 lines (and a terminal that scrolls for minutes).
 */
import type { Diagnostic } from '../shared/errors.js';

export const MAX_PROBLEMS_PER_FILE = 20;

/**
 * Caps the diagnostics of each file.
 * @param diagnostics sorted by path, then position (as the loader returns them)
 * @returns the first `max` of each file, plus a `more-problems` line where some were left out
 */
export function capPerFile(diagnostics: readonly Diagnostic[], max = MAX_PROBLEMS_PER_FILE): Diagnostic[] {
  const out: Diagnostic[] = [];
  let i = 0;
  while (i < diagnostics.length) {
    let j = i;
    while (j < diagnostics.length && diagnostics[j]!.path === diagnostics[i]!.path) j++;
    if (j - i <= max) out.push(...diagnostics.slice(i, j));
    else {
      out.push(...diagnostics.slice(i, i + max));
      const hidden = diagnostics.slice(i + max, j);
      const errors = hidden.filter((d) => d.severity === 'error').length;
      const first = hidden[0]!;
      const parts = [errors ? `${errors} error(s)` : '', hidden.length - errors ? `${hidden.length - errors} warning(s)` : ''].filter(Boolean).join(', ');
      out.push({
        path: first.path,
        line: first.line,
        column: first.column,
        message: `Unexpected ${hidden.length} more problem(s) in this file (${parts}), not shown; expected at most ${max} per file: fix the ones above and run validate again`,
        rule: 'more-problems',
        severity: errors ? 'error' : 'warning',
      });
    }
    i = j;
  }
  return out;
}
