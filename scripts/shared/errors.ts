/**
 * Error classes shared by every domain. Domains throw these; only the CLI
 * (scripts/cli.ts) catches them, prints one line and chooses the exit code.
 */

/** Exit codes of SPEC §7. */
export const EXIT = { ok: 0, findings: 1, usage: 2 } as const;

/**
 * Bad input or a missing tool: the message is shown as is (one line, no
 * stack), the process exits with `exitCode` (2 by default: usage/environment).
 */
export class UserError extends Error {
  readonly exitCode: number;
  constructor(message: string, options: { exitCode?: number; cause?: unknown } = {}) {
    super(message, options.cause === undefined ? undefined : { cause: options.cause });
    this.name = 'UserError';
    this.exitCode = options.exitCode ?? EXIT.usage;
  }
}

/** A problem located in a file: printed as `path:line:col  message`. */
export interface Diagnostic {
  /** Path relative to the KB root, with forward slashes. */
  path: string;
  /** 1-based line (0 when the whole file is meant). */
  line: number;
  /** 1-based column. */
  column: number;
  message: string;
  /** Stable rule id, e.g. `schema`, `id-matches-filename`. */
  rule: string;
  severity: 'error' | 'warning';
}

/** Formats a diagnostic as one line: `path:line:col  message  rule`. */
export function formatDiagnostic(d: Diagnostic): string {
  const where = `${d.path}:${d.line}:${d.column}`;
  const sev = d.severity === 'warning' ? 'warning  ' : '';
  return `${where}  ${sev}${d.message}  ${d.rule}`;
}
