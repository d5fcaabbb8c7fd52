/**
 * 移交清单: which entries the encrypted hand-over manifests hold, when each
 * was last rotated, and which must be rotated now — by HO-1's own rule
 * (`staleCredentials` of the compliance evaluator: a credential known to a
 * person who has left must have been rotated on or after the day they left).
 * Reads only what is in clear, and shows it as the site's disclosure rule
 * says (scripts/site/disclosure.ts): entries by database/application and
 * role, servers by host name — never a user name, address or password.
 */
import type { RootContent } from 'mdast';
import type { HandoverOutline } from '../../secrets/index.js';
import { heading, link, list, note, paragraph, renderPage, strong, table, type Inline } from '../mdast-build.js';
import { SYSTEM_LABEL, label } from '../../shared/labels.js';
import { showDate, showTime } from '../../shared/display.js';
import { credentialEntry, credentialLabel } from '../disclosure.js';

/** A manifest as the page sees it: its outline, or why it could not be read. */
export interface HandoverManifest {
  /** Path relative to the KB root. */
  path: string;
  outline: HandoverOutline | null;
  error?: string;
}

/** A credential HO-1 finds not rotated since someone who knew it left (compliance's `StaleCredential`). */
export interface StaleCredentialView {
  person: string;
  credential: string;
  left: string;
  rotated: string | null | undefined;
}

const d = (s: string | null | undefined) => (s ? showDate(s) : '—');
// No table of contents: the entry tables need the page's width.
const FRONT_MATTER = { title: '移交清单', sidebar_position: 5, custom_edit_url: null, hide_table_of_contents: true };

/** Route of this page (other pages link to it). */
export const HANDOVER_ROUTE = '/general/generated/handover/';

/**
 * Builds the hand-over page.
 * @param manifests the KB's `records/handover/*.sops.yaml`, read without a key
 * @param stale HO-1's stale credentials as of the build's date (null: the rule could not run)
 */
export function handoverPage(manifests: HandoverManifest[], stale: StaleCredentialView[] | null = []): string {
  const body: RootContent[] = [heading(1, '凭据移交清单')];
  body.push(paragraph('合同要求移交数据库用户名密码、超级管理员或管理员密码和服务器 IP（条款 HO-1）。这些内容只保存在加密清单 records/handover/<系统>.sops.yaml 中，由信息科负责人和供应商项目负责人持有解密密钥。本页只显示清单包含哪些条目（按用途和主机名）、最近轮换日期和须轮换的条目，', strong('不显示任何账号名、地址或密码'), '。'));
  const outlines = manifests.flatMap((m) => (m.outline ? [m.outline] : []));
  const due = stale ?? [];
  if (stale === null) body.push(note('轮换检查未能运行（合规评估模块不可用），请人工核对离开项目人员知悉的凭据。'));
  else if (due.length) {
    body.push(heading(2, `须立即轮换：${due.length} 项`, 'rotation-due'));
    body.push(paragraph('以下凭据的知悉人员已离开项目，而凭据在其离开之后没有轮换（与', link('/general/generated/compliance/#ho-1', '合规矩阵 HO-1'), ' 同一规则）：'));
    body.push(table(['凭据', '知悉人员', '离开日期', '最近轮换', '问题'], due.map((s) => [
      credentialLabel(outlines, s.credential), s.person, d(s.left), s.rotated ? d(s.rotated) : '—',
      strong(s.rotated === undefined ? '不在任何移交清单中，无法确认已轮换' : s.rotated === null ? '轮换日期不是明文，无法确认' : '离开后未轮换'),
    ])));
  } else if (outlines.length) {
    body.push(paragraph('轮换检查：离开项目人员知悉的凭据均已在其离开当日或之后轮换。'));
  }
  if (manifests.length === 0) {
    body.push(note('尚无加密移交清单。'));
    return renderPage(FRONT_MATTER, body);
  }
  for (const m of manifests) {
    const o = m.outline;
    const sys = o?.system ?? m.path;
    body.push(heading(2, label(SYSTEM_LABEL, sys), `handover-${o?.system ?? 'unknown'}`));
    if (!o) {
      body.push(note(`无法读取 ${m.path}：${m.error ?? '未知错误'}`));
      continue;
    }
    body.push(table(['项目', '内容'], [
      ['清单文件', m.path],
      ['清单更新日期', d(o.updatedAt)],
      ['最近加密时间', o.lastmodified ? `${showTime(o.lastmodified)}（北京时间）` : '—'],
      ['可解密的接收方', `${o.recipients.length} 个`],
      ['加密检查', o.allEncrypted ? '全部敏感值已加密' : strong('存在未加密的值，请立即处理')],
    ]));
    const flag = (credentialPaths: string[]): Inline => {
      const hits = due.filter((s) => credentialPaths.some((p) => samePath(outlines, s.credential, p)));
      return hits.length ? strong(`须立即轮换（${hits.map((h) => h.person).join('、')} 已离开）`) : '—';
    };
    body.push(table(['类别', '条目', '用途', '最近轮换', '轮换提醒'], [
      ...o.databases.flatMap((db) => db.accounts.map((a) => [
        '数据库账号', `${db.name ?? '—'}${db.engine ? `（${db.engine}）` : ''}`, a.role ?? '—', d(a.rotatedAt),
        flag(a.username ? [`databases.${db.name}.accounts.${a.username}`] : []),
      ])),
      ...o.adminAccounts.map((a) => [
        '管理员账号', a.application ?? '—', a.role ?? '—', d(a.rotatedAt),
        flag(a.username ? [`admin_accounts.${a.application}.${a.username}`] : []),
      ]),
      ...o.servers.map((s) => [
        '服务器', `${s.hostname ?? '—'}${s.os ? `（${s.os}）` : ''}`, s.role ?? '—', d(s.rotatedAt),
        flag(s.hostname ? [`servers.${s.hostname}`] : []),
      ]),
    ]));
  }
  body.push(heading(2, '说明', 'notes'));
  body.push(list([
    ['“最近轮换”为清单中登记的密码修改日期；“—”表示清单未登记该日期（或该日期已加密）。'],
    ['人员离开项目时，须在其人员记录中填写离开日期和知悉的凭据（credential_access），并在离开当日或之后轮换这些凭据、更新清单。'],
    ['查看或修改凭据：持有密钥的人员使用 opsbook secrets edit 命令，详见标准操作维护手册。'],
  ]));
  return renderPage(FRONT_MATTER, body);
}

/** Whether two credential paths name the same manifest entry (same matching as HO-1). */
function samePath(outlines: readonly HandoverOutline[], a: string, b: string): boolean {
  if (a === b) return true;
  const ea = credentialEntry(outlines, a);
  const eb = credentialEntry(outlines, b);
  return !!ea && !!eb && ea.ref === eb.ref;
}
