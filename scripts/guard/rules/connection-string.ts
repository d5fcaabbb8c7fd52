/**
 * Rule `connection-string`: server credentials inside connection strings —
 * ADO.NET/ODBC (`Server=…;User Id=sa;Password=…`), JDBC (`jdbc:…?user=…&password=…`,
 * `jdbc:oracle:thin:scott/tiger@host`) and URLs with a password
 * (`mysql://user:pass@host`, `https://user:pass@host`). The finding points at
 * the password; placeholders (`${DB_PASSWORD}`, `<密码>`, `****`) are not findings.
 */
import { keywordRe, keywords } from '../text-facts.js';
import type { GuardRule, RuleMatch } from '../types.js';
import { clip, maskSecret } from '../mask.js';
import { isPlaceholder } from './secret-value.js';

/** `scheme://user:password@host` */
const URL_CRED_RE = /\b(?<scheme>[A-Za-z][A-Za-z0-9+.-]{1,20}):\/\/(?<user>[^\s:/@"'<>]{1,128}):(?<password>[^\s@/"'<>]{1,256})@(?<host>[A-Za-z0-9_.\-[\]]{1,256})/g;
/** Oracle thin: `jdbc:oracle:thin:user/password@host` */
const ORACLE_THIN_RE = /jdbc:oracle:thin:(?<user>[^\s/@:"'<>]{1,128})\/(?<password>[^\s@"'<>]{1,256})@/gi;
/** A password inside a `key=value;` or query-string connection string. */
const KV_PASSWORD_RE = /(?<=^|[;?&"'\s(])(?:password|pwd)[ \t]*=[ \t]*(?<password>"[^"\r\n]*"|'[^'\r\n]*'|\{[^}\r\n]*\}|[^;&"'\s]{1,256})/gim;
/** What makes a line a connection string rather than a plain assignment. */
const SERVER_KEY_RE = /(?:^|[;"'\s(])(?:server|data source|datasource|host|hostname|address|addr|network address|dsn|database|initial catalog)[ \t]*=|jdbc:[a-z0-9]+:/i;
/** The scanner's gate and the rule's quick test. */
const QUICK_WORDS = keywords(['://', 'jdbc:', 'password', 'pwd']);
const QUICK_RE = keywordRe(QUICK_WORDS);

function unwrap(v: string): { raw: string; shift: number } {
  const first = v[0];
  const last = v[v.length - 1];
  if (v.length >= 2 && ((first === '"' && last === '"') || (first === "'" && last === "'") || (first === '{' && last === '}'))) {
    return { raw: v.slice(1, -1), shift: 1 };
  }
  return { raw: v, shift: 0 };
}

export const connectionStringRule: GuardRule = {
  id: 'connection-string',
  message: 'server credentials in a connection string (连接串中的账号密码)',
  fix: 'Replace the password in the connection string with a placeholder such as ${DB_PASSWORD} and keep the real one only in the encrypted hand-over.',
  mayMatch: (facts) => facts.hasAny(QUICK_WORDS),
  scan(text, _path, ctx) {
    if (!QUICK_RE.test(text)) return [];
    const out: RuleMatch[] = [];
    for (const m of text.matchAll(URL_CRED_RE)) {
      if (ctx?.limit !== undefined && out.length >= ctx.limit) { ctx.truncated?.add(this.id); break; }
      const g = m.groups!;
      const password = decodeURIComponentSafe(g.password!);
      if (isPlaceholder(password) || isPlaceholder(g.password!)) continue;
      const start = m.index + g.scheme!.length + 3 + g.user!.length + 1;
      out.push({
        start,
        end: start + g.password!.length,
        excerpt: clip(`${g.scheme}://${g.user}:${maskSecret(g.password!)}@${g.host}`),
        message: `password in a ${g.scheme} URL (连接串中的账号密码)`,
      });
    }
    for (const m of text.matchAll(ORACLE_THIN_RE)) {
      if (ctx?.limit !== undefined && out.length >= ctx.limit) { ctx.truncated?.add(this.id); break; }
      const g = m.groups!;
      if (isPlaceholder(g.password!)) continue;
      const start = m.index + 'jdbc:oracle:thin:'.length + g.user!.length + 1;
      out.push({ start, end: start + g.password!.length, excerpt: `jdbc:oracle:thin:${g.user}/${maskSecret(g.password!)}@…` });
    }
    // One server-key test per line, not per match, and no scan back to the line start per match:
    // matches come in order, so the current line is tracked (linear on a 5 MB single line).
    let lineStart = -1;
    let lineEnd = -1;
    let server = false;
    for (const m of text.matchAll(KV_PASSWORD_RE)) {
      if (ctx?.limit !== undefined && out.length >= ctx.limit) { ctx.truncated?.add(this.id); break; }
      if (m.index > lineEnd || lineStart < 0) {
        lineStart = text.lastIndexOf('\n', m.index) + 1;
        const nl = text.indexOf('\n', m.index);
        lineEnd = nl === -1 ? text.length : nl;
        server = SERVER_KEY_RE.test(text.slice(lineStart, lineEnd));
      }
      if (!server) continue;
      const value = m.groups!.password!;
      const { raw, shift } = unwrap(value);
      if (isPlaceholder(raw)) continue;
      const start = m.index + m[0].length - value.length + shift;
      out.push({ start, end: start + raw.length, excerpt: `${m[0].slice(0, m[0].length - value.length)}${maskSecret(raw)}` });
    }
    return out;
  },
};

function decodeURIComponentSafe(s: string): string {
  try {
    return decodeURIComponent(s);
  } catch {
    return s;
  }
}
