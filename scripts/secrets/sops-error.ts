/**
 * The one error type of the secrets domain: a one-line message that names
 * the file (and the line and key path where known), with the exit code the
 * CLI should use.
 */
import { EXIT, UserError } from '../shared/errors.js';

export type SopsErrorKind =
  /** A tag, the MAC or the structure does not verify: tampering or corruption. */
  | 'integrity'
  /** No usable identity, or a recipient problem. */
  | 'key'
  /** The file is not valid YAML/JSON or not a sops file, or has unsupported features. */
  | 'format'
  /** The decrypted hand-over manifest does not match its schema. */
  | 'schema';

/** An error located in a file: printed as `path:line:col  message`. */
export class SopsError extends UserError {
  readonly kind: SopsErrorKind;
  constructor(kind: SopsErrorKind, where: { file: string; line?: number; column?: number }, message: string) {
    // a problem with the whole file (unreadable, no key) names the file alone
    const loc = where.line === undefined ? where.file : `${where.file}:${where.line}:${where.column ?? 1}`;
    super(`${loc}  ${message}`, { exitCode: kind === 'integrity' || kind === 'schema' ? EXIT.findings : EXIT.usage });
    this.name = 'SopsError';
    this.kind = kind;
  }
}

/** Why a file could not be read, in words (ENOENT → "no such file"). */
export function readProblem(err: unknown): string {
  const code = (err as NodeJS.ErrnoException).code;
  if (code === 'ENOENT') return 'no such file; check the path';
  if (code === 'EACCES') return 'permission denied';
  if (code === 'EISDIR') return 'is a directory, expected a file';
  return `cannot read the file (${code ?? (err as Error).message})`;
}
