/**
 * 移交清单: which entries the encrypted hand-over manifests hold and when
 * they were rotated. Reads only what is in clear (entry names, roles, dates);
 * never a value that is encrypted, never a user name, host address or password.
 */
import type { RootContent } from 'mdast';
import { heading, note, paragraph, renderPage, strong, table } from '../mdast-build.js';
import { SYSTEM_LABEL, label } from '../../shared/labels.js';

/** What the page needs from one manifest (a subset of secrets' HandoverOutline). */
export interface HandoverSummary {
  /** Path relative to the KB root. */
  path: string;
  system: string | null;
  updatedAt: string | null;
  lastmodified: string | null;
  recipients: number;
  allEncrypted: boolean;
  databases: { name: string | null; engine: string | null; accounts: { role: string | null; rotatedAt: string | null }[] }[];
  adminAccounts: { application: string | null; role: string | null; rotatedAt: string | null }[];
  servers: { role: string | null; os: string | null; rotatedAt: string | null }[];
  /** Set when the file could not be read as a sops manifest. */
  error?: string;
}

const d = (s: string | null) => s ?? '—';

/** Builds the hand-over page. */
export function handoverPage(manifests: HandoverSummary[]): string {
  const body: RootContent[] = [heading(1, '凭据移交清单')];
  body.push(paragraph('合同要求移交数据库用户名密码、超级管理员或管理员密码和服务器 IP（条款 HO-1）。这些内容只保存在加密清单 records/handover/<系统>.sops.yaml 中；本页只显示清单包含哪些条目、最近轮换日期，', strong('不显示任何账号、地址或密码'), '。'));
  if (manifests.length === 0) {
    body.push(note('尚无加密移交清单。'));
    return renderPage({ title: '移交清单', sidebar_position: 5, custom_edit_url: null }, body);
  }
  for (const m of manifests) {
    const sys = m.system ?? m.path;
    body.push(heading(2, label(SYSTEM_LABEL, sys), `handover-${m.system ?? 'unknown'}`));
    if (m.error) {
      body.push(note(`无法读取 ${m.path}：${m.error}`));
      continue;
    }
    body.push(table(['项目', '内容'], [
      ['清单文件', m.path],
      ['清单更新日期', d(m.updatedAt)],
      ['最近加密时间', d(m.lastmodified)],
      ['可解密的接收方', `${m.recipients} 个`],
      ['加密检查', m.allEncrypted ? '全部敏感值已加密' : strong('存在未加密的值，请立即处理')],
    ]));
    body.push(table(['类别', '条目', '用途', '最近轮换'], [
      ...m.databases.flatMap((db) => db.accounts.map((a) => ['数据库账号', `${d(db.name)}${db.engine ? `（${db.engine}）` : ''}`, d(a.role), d(a.rotatedAt)])),
      ...m.adminAccounts.map((a) => ['管理员账号', d(a.application), d(a.role), d(a.rotatedAt)]),
      ...m.servers.map((s) => ['服务器', d(s.os), d(s.role), d(s.rotatedAt)]),
    ]));
  }
  return renderPage({ title: '移交清单', sidebar_position: 5, custom_edit_url: null }, body);
}
