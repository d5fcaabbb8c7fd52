/**
 * Rule `unencrypted-handover`: every file under `records/handover/` must be
 * SOPS-encrypted (SPEC §5). What "encrypted" means is decided by the secrets
 * domain (`inspectSopsText`: a `sops` block with MAC and age recipients, and
 * every value `ENC[…]` except keys the file's own rule leaves clear), so the
 * guard and the codec cannot drift apart. One finding per file, at the first
 * problem; a clear value's excerpt is masked.
 */
import { inspectSopsText, type SopsTextProblem } from '../../secrets/index.js';
import { maskSecret } from '../mask.js';
import type { GuardRule } from '../types.js';

export const HANDOVER_DIR = 'records/handover/';

/** UTF-16 offset of a 1-based line/column in `text` (clamped to the text). */
function offsetOf(text: string, line: number, column: number): number {
  let start = 0;
  for (let l = 1; l < line; l++) {
    const nl = text.indexOf('\n', start);
    if (nl === -1) return text.length;
    start = nl + 1;
  }
  return Math.min(text.length, start + Math.max(0, column - 1));
}

/** Masked excerpt of the value that starts at `offset` (first line, opening quote dropped). */
function maskedValueAt(text: string, offset: number): string {
  const end = text.indexOf('\n', offset);
  const raw = text.slice(offset, end === -1 ? undefined : end).replace(/\r$/, '');
  const value = raw.replace(/^["']/, '').replace(/\s+#.*$/, '').trimEnd();
  return value === '' ? '' : maskSecret(value);
}

function excerptOf(text: string, offset: number, problem: SopsTextProblem): string {
  return problem.kind === 'plain-value' || problem.kind === 'malformed-value' ? maskedValueAt(text, offset) : '';
}

export const unencryptedHandoverRule: GuardRule = {
  id: 'unencrypted-handover',
  message: 'hand-over file is not SOPS-encrypted (移交清单未加密)',
  fix: 'Encrypt the file with `opsbook secrets encrypt --in-place <file>` (recipients from .sops.yaml) before committing, and rotate any credential that was committed in clear.',
  rawText: true,
  scan(text, path) {
    if (!path.startsWith(HANDOVER_DIR)) return [];
    const { encrypted, problems } = inspectSopsText(text);
    const first = problems[0];
    if (encrypted || !first) return [];
    const offset = offsetOf(text, first.line, first.column);
    const more = problems.length > 1 ? ` (+${problems.length - 1} more)` : '';
    return [
      {
        start: offset,
        end: offset,
        excerpt: excerptOf(text, offset, first),
        message: `hand-over file is not SOPS-encrypted (移交清单未加密): ${first.message}${more}`,
      },
    ];
  },
};
