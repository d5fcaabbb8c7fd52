/**
 * SEC-1 — confidentiality: the privacy and secret guard finds nothing in
 * records/ and docs/, and credentials exist only in encrypted hand-over
 * manifests (every manifest fully encrypted with a MAC; no plain file in
 * records/handover/).
 */
import type { ComplianceContext, ClauseResult, Finding, GuardEvidence } from '../types.js';

/** What each privacy/secret guard rule found, in Chinese (rule ids of scripts/guard, secretlint's included). */
const GUARD_RULES: Record<string, string> = {
  'unencrypted-handover': '移交清单未加密',
  'private-key': '发现私钥',
  'connection-string': '连接串中含账号密码',
  'basic-auth': '网址中含账号密码',
  'secret-token': '发现访问令牌或密钥',
  'plaintext-password': '发现明文密码',
  'resident-id': '疑似居民身份证号',
  'medical-record-number': '疑似住院号/病案号/病历号',
  'mobile-number': '疑似手机号码',
  'patient-name': '疑似患者姓名',
  'allow-list': '隐私检查豁免清单（allow-list）有误',
};

/** One guard finding in Chinese; an unknown rule keeps the guard's own message. */
function guardText(g: GuardEvidence): string {
  const what = GUARD_RULES[g.rule];
  return what ? `${what}（隐私与密钥检查规则 ${g.rule}）` : `隐私与密钥检查发现问题（规则 ${g.rule}）：${g.message}`;
}

export function confidentiality(ctx: ComplianceContext): ClauseResult {
  const { guard, handover } = ctx.evidence;
  const findings: Finding[] = [];
  for (const g of guard ?? []) findings.push({ record: `${g.path}:${g.line}:${g.column}`, message: guardText(g) });
  for (const d of ctx.kb.diagnostics.filter((x) => x.rule === 'handover-encrypted')) {
    findings.push({ record: d.path, message: 'records/handover/ 中有未加密的明文文件；移交清单应为加密的 <系统>.sops.yaml（可用 opsbook secrets encrypt 加密）' });
  }
  for (const h of handover ?? []) {
    if (h.error !== undefined) findings.push({ record: h.file, message: `移交清单无法按 SOPS 加密文件读取（${h.error}）` });
    else if (!h.allEncrypted) {
      findings.push({ record: h.file, message: h.plaintextLeaves.length ? `移交清单未完全加密，以下字段为明文：${h.plaintextLeaves.join('、')}` : '移交清单缺少完整性校验码（MAC），不能确认未被篡改' });
    }
  }
  const evidence = (handover ?? []).map((h) => h.file);
  if (findings.length) return { status: 'breached', evidence, findings, summary: `隐私与密钥检查发现 ${findings.length} 处问题` };
  if (guard === null || handover === null) return { status: 'manual', evidence, findings, summary: '隐私与密钥检查不可用，需人工确认' };
  return { status: 'met', evidence, findings, summary: `隐私与密钥检查未发现问题；移交清单 ${evidence.length} 份均已加密` };
}
