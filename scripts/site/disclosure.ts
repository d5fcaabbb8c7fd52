/**
 * What the site may show of credentials and hosts — one rule for every page
 * (hand-over list, compliance matrix, manuals, anything generated later):
 *
 * - a credential is named by what it is for — its database or application and
 *   its role (用途), e.g. 「AIMSDB 数据库账号（应用连接账号）」 — never by its user name;
 * - a server is named by its host name and role (the O&M manuals are followed
 *   step by step on `aims-app-01`), never by its address;
 * - nothing the hand-over manifests encrypt (passwords, addresses, keys) is
 *   ever read by the site at all.
 *
 * User names are clear fields of the SOPS manifests (so `git diff` shows which
 * entry changed) and clear in the people's `credential_access` paths; pages
 * that quote those paths (compliance findings) pass their text through
 * `redactCredentials`, and the built site is checked for every user name
 * (`hiddenNames`) by the site tests.
 */
import type { HandoverOutline } from '../secrets/index.js';
import { findCredential } from '../secrets/credential-path.js';

/** The part of a hand-over outline the rule reads (clear fields only). */
export type OutlineNames = Pick<HandoverOutline, 'system' | 'databases' | 'adminAccounts' | 'servers'>;

/** One hand-over entry a credential path points at. */
export interface CredentialEntry {
  kind: 'database' | 'admin' | 'server';
  /** How the site names it. */
  label: string;
  rotatedAt: string | null;
  system: string | null;
  /** The outline's entry object itself (two paths name the same entry when their refs are the same). */
  ref: object;
}

const withRole = (role: string | null) => (role ? `（${role}）` : '');

/**
 * The entry a credential path names (`databases.AIMSDB.accounts.aims_app`,
 * `admin_accounts.<application>[.<username>]`, `admin_accounts.<username>`,
 * `servers.<hostname>…`; the one matching rule of secrets/credential-path.ts,
 * which compliance's HO-1 uses too) — or null when no manifest has it.
 */
export function credentialEntry(outlines: readonly OutlineNames[], credential: string): CredentialEntry | null {
  const m = findCredential(outlines, credential);
  if (!m) return null;
  const system = m.outline.system;
  switch (m.kind) {
    case 'database':
      return { kind: 'database', label: `${m.database.name} 数据库账号${withRole(m.entry.role)}`, rotatedAt: m.entry.rotatedAt, system, ref: m.entry };
    case 'admin':
      return { kind: 'admin', label: `${m.entry.application ?? '应用'} 管理员账号${withRole(m.entry.role)}`, rotatedAt: m.entry.rotatedAt, system, ref: m.entry };
    case 'server':
      return { kind: 'server', label: `服务器 ${m.entry.hostname}${withRole(m.entry.role)}`, rotatedAt: m.entry.rotatedAt, system, ref: m.entry };
  }
}

/** How the site names a credential path: the entry's label, or its section when no manifest has it (never the user name). */
export function credentialLabel(outlines: readonly OutlineNames[], credential: string): string {
  const entry = credentialEntry(outlines, credential);
  if (entry) return entry.label;
  const [section, name] = credential.split('.');
  if (section === 'databases' && name) return `${name} 数据库的一个未登记账号`;
  if (section === 'servers' && name) return `服务器 ${name} 的一个未登记凭据`;
  return '一个未在移交清单中登记的凭据';
}

/** User names the site never shows: every account of the manifests, and the account part of every known credential path. */
export function hiddenNames(outlines: readonly OutlineNames[], credentialPaths: readonly string[] = []): string[] {
  const names = new Set<string>();
  for (const o of outlines) {
    for (const db of o.databases) for (const a of db.accounts) if (a.username) names.add(a.username);
    for (const a of o.adminAccounts) if (a.username) names.add(a.username);
  }
  for (const c of credentialPaths) {
    const [section, name, ...rest] = c.split('.');
    if (section === 'databases') {
      const user = rest[0] === 'accounts' ? rest[1] : rest[0];
      if (user) names.add(user);
    } else if (section === 'admin_accounts') {
      const app = outlines.some((o) => o.adminAccounts.some((a) => a.application === name));
      if (rest[0]) names.add(rest[0]);
      else if (name && !app) names.add(name);
    }
  }
  return [...names].filter((n) => n.length >= 2).sort((a, b) => b.length - a.length);
}

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
const token = (s: string) => new RegExp(`(?<![A-Za-z0-9_.-])${escape(s)}(?![A-Za-z0-9_-])`, 'g');

/**
 * Text as the site may show it: every credential path replaced by its label
 * (`databases.AIMSDB.accounts.aims_app` → `AIMSDB 数据库账号（应用连接账号）`),
 * then any user name left standing replaced by 「（账号名不在本站显示）」.
 */
export function redactCredentials(text: string, outlines: readonly OutlineNames[], credentialPaths: readonly string[]): string {
  let out = text;
  for (const c of [...credentialPaths].sort((a, b) => b.length - a.length)) out = out.replace(token(c), credentialLabel(outlines, c));
  for (const name of hiddenNames(outlines, credentialPaths)) out = out.replace(token(name), '（账号名不在本站显示）');
  return out;
}
