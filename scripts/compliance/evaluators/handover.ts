/**
 * HO-1 — hand-over of the latest documents per system: the 标准操作维护手册
 * with 停机/启动/备份/恢复 sections, the 用户手册, 数据字典 records, and an
 * encrypted manifest (records/handover/<system>.sops.yaml) holding database
 * accounts, administrator accounts and servers. People who left
 * (`left`) must not still know a credential: every entry in their
 * `credential_access` must have been rotated (`rotated_at`) on or after the
 * day they left. A KB without docs/ has no manuals to judge: the manual
 * parts are `n/a` with the reason (SPEC §8); the rest is judged as usual.
 */
import { findCredential } from '../../secrets/credential-path.js';
import { fieldText, NO_DOCS_REASON, systemText } from '../finding-text.js';
import type { ComplianceContext, ClauseResult, Finding, HandoverEvidence } from '../types.js';

const SECTIONS: [string, string][] = [['shutdown', '停机'], ['startup', '启动'], ['backup', '备份'], ['restore', '恢复']];
type Outline = Exclude<HandoverEvidence, { error: string }>;

/**
 * Finds the `rotated_at` of a credential path such as
 * `databases.aims-db.accounts.sa`, `admin_accounts.<application>.<username>`
 * or `servers.<hostname>…` in the outlines (matching: secrets/credential-path.ts).
 * @returns `undefined` when no entry matches, else the date (null when not readable)
 */
export function rotationOf(outlines: readonly Outline[], credential: string): string | null | undefined {
  const match = findCredential(outlines, credential);
  return match ? match.entry.rotatedAt : undefined;
}

/** A credential that HO-1's rotation rule finds not rotated since a person who knew it left. */
export interface StaleCredential {
  person: string;
  credential: string;
  left: string;
  /** As `rotationOf`: undefined = no such entry, null = date not readable, else the (too early) date. */
  rotated: string | null | undefined;
}

/**
 * HO-1's rotation rule (exported so the site's hand-over page flags the same
 * entries): every credential in the `credential_access` of a person who left
 * on or before `asOfDate` must have been rotated on or after the day they left.
 */
export function staleCredentials(outlines: readonly Outline[], people: ComplianceContext['kb']['people'], asOfDate: string): StaleCredential[] {
  const out: StaleCredential[] = [];
  for (const p of people) {
    if (!p.left || p.left > asOfDate || !p.credential_access?.length) continue;
    for (const credential of p.credential_access) {
      const rotated = rotationOf(outlines, credential);
      if (rotated === undefined || rotated === null || rotated.slice(0, 10) < p.left) out.push({ person: p.id, credential, left: p.left, rotated });
    }
  }
  return out;
}

export function handover(ctx: ComplianceContext): ClauseResult {
  const { manuals, handover: outlinesOrErrors } = ctx.evidence;
  const outlines = (outlinesOrErrors ?? []).filter((h): h is Outline => h.error === undefined);
  const findings: Finding[] = [];
  const evidence: string[] = [];
  const cid = ctx.contract.id;
  const noDocs = manuals?.length === 0;
  for (const sys of Object.keys(ctx.contract.systems)) {
    const name = systemText(ctx, sys);
    if (manuals !== null && !noDocs) {
      const m = manuals.find((x) => x.system === sys);
      if (!m || !m.omManual) findings.push({ record: cid, message: `缺少${name}的标准操作维护手册（应为 docs/${sys}/om-manual.md）` });
      else {
        evidence.push(m.omManual.path);
        const missing = SECTIONS.filter(([k]) => !m.omManual!.sections[k]).map(([, l]) => l);
        if (missing.length) findings.push({ record: m.omManual.path, message: `${name}的标准操作维护手册缺少${missing.join('、')}步骤章节` });
      }
      if (m?.userManual) evidence.push(m.userManual);
      else findings.push({ record: cid, message: `缺少${name}的用户手册（应为 docs/${sys}/user-manual/）` });
    }
    const dd = ctx.kb.dataDictionaries.filter((d) => d.system === sys);
    evidence.push(...dd.map((d) => d.id));
    if (dd.length === 0) findings.push({ record: cid, message: `缺少${name}的数据字典记录（records/data-dictionary/）` });
    if (outlinesOrErrors !== null) {
      const o = outlines.find((x) => x.system === sys || x.file.endsWith(`/${sys}.sops.yaml`));
      if (!o) findings.push({ record: cid, message: `缺少${name}的加密移交清单（应为 records/handover/${sys}.sops.yaml）` });
      else {
        evidence.push(o.file);
        const lacks = [
          !o.databases.some((d) => d.accounts.length > 0) && fieldText('数据库账号', 'databases[].accounts'),
          o.adminAccounts.length === 0 && fieldText('管理员账号', 'admin_accounts'),
          o.servers.length === 0 && fieldText('服务器', 'servers'),
        ].filter(Boolean);
        if (lacks.length) findings.push({ record: o.file, message: `${name}的移交清单缺少${lacks.join('、')}` });
      }
    }
  }
  if (outlinesOrErrors !== null) {
    for (const { person, credential: cred, left: leftOn, rotated } of staleCredentials(outlines, ctx.kb.people, ctx.asOfDate)) {
      const known = `${fieldText('知悉的凭据', 'credential_access')}${cred}`;
      const left = `${fieldText('离开日期', 'left')}${leftOn}`;
      if (rotated === undefined) findings.push({ record: person, message: `${known} 不是任何移交清单中的条目，无法确认已在${left} 当日或之后轮换` });
      else if (rotated === null) findings.push({ record: person, message: `${known} 的${fieldText('最近轮换日期', 'rotated_at')}不是明文，无法确认已在${left} 当日或之后轮换` });
      else findings.push({ record: person, message: `${known} 的${fieldText('最近轮换日期', 'rotated_at')}${rotated} 早于${left}，须立即轮换` });
    }
  }
  const unavailable = manuals === null || outlinesOrErrors === null;
  const manualsNa = noDocs ? `；标准操作维护手册与用户手册不适用：${NO_DOCS_REASON}` : '';
  return {
    status: findings.length ? 'breached' : unavailable ? 'manual' : 'met',
    evidence,
    findings,
    summary: findings.length
      ? `移交文档与凭据：${findings.length} 处不足${manualsNa}`
      : unavailable ? '部分检查不可用，需人工确认' : noDocs ? `各系统数据字典与加密移交清单齐全${manualsNa}` : '各系统手册、数据字典与加密移交清单齐全',
  };
}
