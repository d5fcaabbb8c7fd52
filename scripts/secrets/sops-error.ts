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
    const loc = `${where.file}:${where.line ?? 0}:${where.column ?? 0}`;
    super(`${loc}  ${message}`, { exitCode: kind === 'integrity' || kind === 'schema' ? EXIT.findings : EXIT.usage });
    this.name = 'SopsError';
    this.kind = kind;
  }
}
