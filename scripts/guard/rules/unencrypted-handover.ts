/**
 * Rule `unencrypted-handover`: every SOPS file — under `records/handover/`
 * or matching a `path_regex` of `.sops.yaml` — must be encrypted as the
 * repository's creation rule says (SPEC §5), judged by that rule and never by
 * the file's own unsigned metadata: the same recipients, the same
 * `unencrypted_regex`/`encrypted_regex`, every value the rule does not exempt
 * a well-formed `ENC[…]`, no clear comment where the rule encrypts comments.
 * What "encrypted" means is decided by the secrets domain (`inspectSopsText`),
 * so the guard and the codec cannot drift apart. One finding per problem
 * (at most MAX_PER_FILE, then a summary); clear values are masked.
 */
import { inspectSopsText, type SopsTextProblem } from '../../secrets/index.js';
import { maskSecret } from '../mask.js';
import type { GuardRule, RuleMatch } from '../types.js';

export const HANDOVER_DIR = 'records/handover/';
const MAX_PER_FILE = 20;

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
  const value = raw.replace(/^["'#]/, '').replace(/\s+#.*$/, '').trim();
  return value === '' ? '' : maskSecret(value);
}

function excerptOf(text: string, offset: number, problem: SopsTextProblem): string {
  return problem.kind === 'plain-value' || problem.kind === 'malformed-value' || problem.kind === 'plain-comment' ? maskedValueAt(text, offset) : '';
}

const LABEL: Partial<Record<SopsTextProblem['kind'], string>> = {
  'recipients-mismatch': 'hand-over file does not match .sops.yaml (移交清单与 .sops.yaml 不一致)',
  'rule-mismatch': 'hand-over file does not match .sops.yaml (移交清单与 .sops.yaml 不一致)',
  'no-creation-rule': 'hand-over file has no creation rule (移交清单无加密规则)',
  'plain-comment': 'clear comment in a hand-over file (移交清单中的明文注释)',
};

export const unencryptedHandoverRule: GuardRule = {
  id: 'unencrypted-handover',
  message: 'hand-over file is not SOPS-encrypted (移交清单未加密)',
  fix: 'Encrypt the file with `opsbook secrets encrypt --in-place <file>` (recipients and rule from .sops.yaml; `opsbook secrets rotate` re-wraps an existing file) before committing, and rotate any credential that was committed in clear.',
  rawText: true,
  mayMatch: (_facts, _path, ctx) => ctx.sopsFile,
  scan(text, path, ctx) {
    if (!ctx.sopsFile) return [];
    const { encrypted, problems } = inspectSopsText(text, ctx.expected === undefined ? {} : { expected: ctx.expected });
    if (encrypted) return [];
    const out: RuleMatch[] = [];
    for (const p of problems.slice(0, MAX_PER_FILE)) {
      const offset = offsetOf(text, p.line, p.column);
      out.push({ start: offset, end: offset, excerpt: excerptOf(text, offset, p), message: `${LABEL[p.kind] ?? 'hand-over file is not SOPS-encrypted (移交清单未加密)'}: ${p.message}` });
    }
    if (problems.length > MAX_PER_FILE) {
      const last = out[out.length - 1]!;
      last.message += ` (+${problems.length - MAX_PER_FILE} more in this file)`;
    }
    return out;
  },
};
