/**
 * At most MAX_PROBLEMS_PER_FILE problems per file, then one line saying how
 * many more there are: a file with 20,000 unknown keys gets 20 messages and
 * "19980 more", not 20,000 lines (and a terminal that scrolls for minutes).
 */
import type { Diagnostic } from '../shared/errors.js';

export const MAX_PROBLEMS_PER_FILE = 20;

const MORE = /^Unexpected (\d+) more problem\(s\) in this file \((?:(\d+) error\(s\))?(?:, )?(?:(\d+) warning\(s\))?\)/;

/** The `more-problems` line of a file: `errors` and `warnings` left out, located at the first of them. */
export function moreProblems(path: string, at: { line: number; column: number }, errors: number, warnings: number, max = MAX_PROBLEMS_PER_FILE): Diagnostic {
  const parts = [errors ? `${errors} error(s)` : '', warnings ? `${warnings} warning(s)` : ''].filter(Boolean).join(', ');
  return {
    path,
    line: at.line,
    column: at.column,
    message: `Unexpected ${errors + warnings} more problem(s) in this file (${parts}), not shown; expected at most ${max} per file: fix the ones above and run validate again`,
    rule: 'more-problems',
    severity: errors ? 'error' : 'warning',
  };
}

/** Errors and warnings a diagnostic stands for: its own, or those a `more-problems` line counts. */
export function weight(d: Diagnostic): { errors: number; warnings: number } {
  const m = d.rule === 'more-problems' ? MORE.exec(d.message) : null;
  if (m) return { errors: Number(m[2] ?? 0), warnings: Number(m[3] ?? 0) };
  return d.severity === 'error' ? { errors: 1, warnings: 0 } : { errors: 0, warnings: 1 };
}

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
    const file = diagnostics.slice(i, j);
    // a checker may have counted problems it did not spell out (a file with 100,000 schema errors)
    const counted = file.filter((d) => d.rule === 'more-problems');
    const shown = file.filter((d) => d.rule !== 'more-problems');
    if (shown.length <= max && counted.length === 0) out.push(...file);
    else {
      out.push(...shown.slice(0, max));
      let errors = 0;
      let warnings = 0;
      for (const d of [...shown.slice(max), ...counted]) {
        const w = weight(d);
        errors += w.errors;
        warnings += w.warnings;
      }
      if (errors + warnings > 0) {
        const first = shown[max] ?? counted[0]!;
        out.push(moreProblems(first.path, first, errors, warnings, max));
      }
    }
    i = j;
  }
  return out;
}
