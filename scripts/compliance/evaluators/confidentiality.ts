/**
 * SEC-1 — confidentiality: the privacy and secret guard finds nothing in
 * records/ and docs/, and credentials exist only in encrypted hand-over
 * manifests (every manifest fully encrypted with a MAC; no plain file in
 * records/handover/).
 */
import type { ComplianceContext, ClauseResult, Finding } from '../types.js';

export function confidentiality(ctx: ComplianceContext): ClauseResult {
  const { guard, handover } = ctx.evidence;
  const findings: Finding[] = [];
  for (const g of guard ?? []) findings.push({ record: `${g.path}:${g.line}:${g.column}`, message: `${g.message} (${g.rule})` });
  for (const d of ctx.kb.diagnostics.filter((x) => x.rule === 'handover-encrypted')) findings.push({ record: d.path, message: d.message });
  for (const h of handover ?? []) {
    if (h.error !== undefined) findings.push({ record: h.file, message: `hand-over manifest not readable as an encrypted sops file: ${h.error}` });
    else if (!h.allEncrypted) findings.push({ record: h.file, message: `hand-over manifest not fully encrypted${h.plaintextLeaves.length ? `: plaintext ${h.plaintextLeaves.join(', ')}` : ' (no MAC)'}` });
  }
  const evidence = (handover ?? []).map((h) => h.file);
  if (findings.length) return { status: 'breached', evidence, findings, summary: `隐私与密钥检查发现 ${findings.length} 处问题` };
  if (guard === null || handover === null) return { status: 'manual', evidence, findings, summary: '隐私与密钥检查不可用，需人工确认' };
  return { status: 'met', evidence, findings, summary: `隐私与密钥检查未发现问题；移交清单 ${evidence.length} 份均已加密` };
}
