/**
 * Commit signatures, verified as `git verify-commit` verifies them (git's
 * own GPG/SSH interface: `gpg.format`, `gpg.ssh.allowedSignersFile`, the
 * GPG keyring), for many commits in ONE `git log --no-walk --stdin`
 * process: `%G?` is the status `git verify-commit` bases its exit code on.
 */
import path from 'node:path';
import { gitWithInput } from './git-exec.js';

/** `%G?`: G good, B bad, U good but untrusted key, X expired signature, Y expired key, R revoked key, E cannot be checked, N none. */
export type SignatureStatus = 'G' | 'B' | 'U' | 'X' | 'Y' | 'R' | 'E' | 'N';

/** A commit's signature as verified here. */
export interface SignatureCheck {
  status: SignatureStatus;
  /** The signer: an SSH principal from the allowed signers, or a GPG user id (`Name <email>`). */
  signer: string | null;
  /** Key fingerprint or id. */
  key: string | null;
}

const US = '\x1f';

/**
 * Verifies the signatures of commits.
 * @param root any directory of the repository
 * @param commits commit ids
 * @param opts `allowedSigners`: an SSH allowed-signers file (absolute, or relative to `root`) to verify SSH signatures with
 * @returns commit id → check
 */
export async function verifyCommits(root: string, commits: readonly string[], opts: { allowedSigners?: string } = {}): Promise<Map<string, SignatureCheck>> {
  const out = new Map<string, SignatureCheck>();
  const unique = [...new Set(commits)];
  if (unique.length === 0) return out;
  const config = opts.allowedSigners ? ['-c', `gpg.ssh.allowedSignersFile=${path.resolve(root, opts.allowedSigners)}`] : [];
  const text = await gitWithInput(root, [...config, 'log', '--no-walk=unsorted', '--stdin', '-z', `--format=%H${US}%G?${US}%GS${US}%GK`], `${unique.join('\n')}\n`);
  for (const rec of text.split('\0')) {
    if (!rec.trim()) continue;
    const [commit = '', status = 'N', signer = '', key = ''] = rec.replace(/^\n/, '').split(US);
    out.set(commit, { status: (status || 'N') as SignatureStatus, signer: signer || null, key: key || null });
  }
  return out;
}

/** Why a signature does not count, in Chinese (null when it is good). */
export function signatureProblem(check: SignatureCheck | undefined, authorEmail: string): string | null {
  if (!check || check.status === 'N') return '提交未签名';
  switch (check.status) {
    case 'G': {
      const signerEmail = (/<([^>]+)>/.exec(check.signer ?? '')?.[1] ?? check.signer ?? '').trim().toLowerCase();
      return signerEmail && signerEmail !== authorEmail.trim().toLowerCase() ? `签名者 ${check.signer} 与署名作者邮箱 ${authorEmail} 不符` : null;
    }
    case 'B': return '签名与提交内容不符（签名无效）';
    case 'U': return `签名密钥未被信任${check.signer ? `（${check.signer}）` : ''}`;
    case 'X': return '签名已过期';
    case 'Y': return '签名密钥已过期';
    case 'R': return '签名密钥已吊销';
    case 'E': return `无法验证签名（缺少公钥，或签名者不在可信签名者清单中${check.key ? `；密钥 ${check.key}` : ''}）`;
    default: return `签名状态未知（${String(check.status)}）`;
  }
}
