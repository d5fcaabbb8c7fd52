/**
 * Rule `unencrypted-handover`: every file under `records/handover/` must be
 * SOPS-encrypted (SPEC §5): a `sops` block with MAC and recipients, and every
 * value `ENC[…]` except keys the file's own rule leaves clear. One finding per
 * file, at the first problem.
 */
import type { GuardRule } from '../types.js';
import { checkSopsStructure } from '../sops-structure.js';

export const HANDOVER_DIR = 'records/handover/';

export const unencryptedHandoverRule: GuardRule = {
  id: 'unencrypted-handover',
  message: 'hand-over file is not SOPS-encrypted (移交清单未加密)',
  fix: 'Encrypt the file with `opsbook secrets encrypt --in-place <file>` (recipients from .sops.yaml) before committing, and rotate any credential that was committed in clear.',
  rawText: true,
  scan(text, path) {
    if (!path.startsWith(HANDOVER_DIR)) return [];
    const { encrypted, problems } = checkSopsStructure(text);
    const firstProblem = problems[0];
    if (encrypted || !firstProblem) return [];
    const more = problems.length > 1 ? ` (+${problems.length - 1} more)` : '';
    return [
      {
        start: firstProblem.offset,
        end: firstProblem.offset,
        excerpt: firstProblem.excerpt ?? '',
        message: `hand-over file is not SOPS-encrypted (移交清单未加密): ${firstProblem.message}${more}`,
      },
    ];
  },
};
