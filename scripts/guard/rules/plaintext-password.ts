/**
 * Rule `plaintext-password`: password assignments in YAML, JSON, Markdown or
 * text — `password: s3cret`, `db_password=…`, `"pwd": "…"`, `?password=…`, `密码：…`,
 * `管理员口令：…`, `初始密码为 Abc123`.
 *
 * Not findings: the word 密码 in prose (`修改密码的步骤`), keys that describe a
 * policy rather than hold a value (`password_min_length`, `密码长度`),
 * placeholders (`<密码>`, `******`, `${DB_PASSWORD}`, `{{ pwd }}`, `%PWD%`,
 * `xxx`, `（脱敏）`), Chinese text after the label (`密码：见加密移交清单`),
 * empty/null/boolean values, and SOPS ciphertext (`ENC[AES256_GCM,…]`).
 */
import { keywordRe, keywords } from '../text-facts.js';
import type { GuardRule, RuleMatch } from '../types.js';
import { maskSecret } from '../mask.js';
import { isPlaceholder, looksLikePassword, unquote as unquoteShift } from './secret-value.js';

const KEY =
  // No character class before the keyword: `db_password` is found at `password`, and a 5 MB run of
  // letters costs one pass instead of 40 tries per position.
  '(?<key>(?:password|passwd|passphrase|pwd|pass_word)[A-Za-z0-9_.-]{0,40}|(?:密码|口令))';
const SEP = '["\']?[ \\t\\u3000]*(?:\\*\\*|__)?[ \\t\\u3000]*(?<sep>[:：=]|为|是|(?:已经?|已)?(?:改|修改|更改|重置|设置|设|变更|更新)(?:为|成))[ \\t\\u3000]*(?:\\*\\*|__)?[ \\t\\u3000]*';
const VALUE = '(?<value>"[^"\\r\\n]{0,256}"|\'[^\'\\r\\n]{0,256}\'|`[^`\\r\\n]{0,256}`|[^\\s,，;；。、)）|`"\'<>&]{1,256})';
const PASSWORD_RE = new RegExp(`${KEY}${SEP}${VALUE}`, 'gi');
/** The scanner's gate and the rule's quick test. */
const QUICK_WORDS = keywords(['pass', 'pwd', 'user', 'login', 'account', '密码', '口令', '账号', '帐号', '账户', '帐户', '用户', '登录']);
const QUICK_RE = keywordRe(QUICK_WORDS);
/** Only `#` comments are read without a label (COMMENT_PAIR_RE), and not in Markdown. */
const commentsRead = (text: string, path: string) => text.includes('#') && !/\.mdx?$/i.test(path);

/** Keys that name a property of passwords, not a password. */
const DESCRIPTIVE_KEY_RE =
  /(?:policy|length|min|max|required|expir|expire|hint|file|path|env|rule|rules|age|days|count|reset|change|field|label|type|strength|complexity|encrypted|hash|hashed|enabled|mode|format|regex|pattern|prompt|placeholder|url|ref|source|manager|store|vault|_key|key_?id|salt)$/i;

export { isPlaceholder };

/** `密码 Sa@2026!x`, `password Zk9-demo`: the label, blanks, then a token that looks like a password. */
const SPACED_RE = /(?<![A-Za-z0-9_])(?<key>[\u4e00-\u9fff]{0,6}(?:密码|口令)|password|passwd|passphrase|pwd)[ \t\u3000]+(?<value>[\x21-\x7e]{4,128})(?![\x21-\x7e])/gi;
/**
 * A user/password pair after an account label: `账号/密码：admin/Adm1n#2026`,
 * `login admin / Qw3$erty88`, `用户名 sa/Sa2026`.
 */
const PAIR_RE =
  /(?<![A-Za-z0-9_./\\-])(?:账号|帐号|账户|帐户|用户名|用户|登录名|登录|user(?:name)?|login|account)(?:[ \t]*[/／][ \t]*(?:密码|口令|password|passwd|pwd))?(?:[ \t\u3000]*(?:[:：=]|为)[ \t\u3000]*|[ \t\u3000]+)(?<user>[A-Za-z0-9][A-Za-z0-9_.@\\-]{0,63})[ \t]*[/／][ \t]*(?<value>[^\s/／，,；;。、)）|]{3,128})/gi;

/**
 * In a `#` comment (YAML, shell, redis.conf), a bare `user/secret` pair
 * without any label (`# sa/Sa@2026!`): the secret must mix at least three
 * of upper case, lower case, digits and symbols, and neither side may be
 * part of a path or URL.
 */
const COMMENT_PAIR_RE = /(?:^|[ \t])#[^\n]{0,200}?(?<![\w./:@-])(?<user>[A-Za-z][\w.-]{0,31})[ \t]*[/／][ \t]*(?<value>[\x21-\x2e\x30-\x7e]{6,64})(?![\x21-\x7e])/gm;

function classes(v: string): number {
  return Number(/[a-z]/.test(v)) + Number(/[A-Z]/.test(v)) + Number(/\d/.test(v)) + Number(/[^A-Za-z0-9]/.test(v));
}

export const plaintextPasswordRule: GuardRule = {
  id: 'plaintext-password',
  message: 'plaintext password (明文密码)',
  fix: 'Move the password into the encrypted hand-over (opsbook secrets edit records/handover/<system>.sops.yaml) and change it, since it is in Git history.',
  mayMatch: (facts, path) => facts.hasAny(QUICK_WORDS) || commentsRead(facts.text, path),
  scan(text, path, ctx) {
    const out: RuleMatch[] = [];
    const labelled = QUICK_RE.test(text);
    for (const m of labelled ? text.matchAll(PASSWORD_RE) : []) {
      if (ctx?.limit !== undefined && out.length >= ctx.limit) { ctx.truncated?.add(this.id); break; }
      const { key, sep, value } = m.groups as { key: string; sep: string; value: string };
      if (DESCRIPTIVE_KEY_RE.test(key)) continue;
      const raw = unquoteShift(value).raw;
      if (Array.from(raw).length < 3 || isPlaceholder(raw)) continue;
      // `密码为 …`/`密码是 …` in prose: only an ASCII token counts as a password.
      if (!/^[:：=]$/.test(sep) && !/^[\x21-\x7e]{4,}$/.test(raw)) continue;
      const valueStart = m.index + m[0].length - value.length + (raw !== value ? 1 : 0);
      out.push({ start: valueStart, end: valueStart + raw.length, excerpt: maskSecret(raw) });
    }
    for (const m of labelled ? text.matchAll(SPACED_RE) : []) {
      if (ctx?.limit !== undefined && out.length >= ctx.limit) { ctx.truncated?.add(this.id); break; }
      const value = m.groups!.value!;
      const { raw, shift } = unquoteShift(value);
      if (!looksLikePassword(raw)) continue;
      const start = m.index + m[0].length - value.length + shift;
      out.push({ start, end: start + raw.length, excerpt: maskSecret(raw) });
    }
    for (const m of labelled ? text.matchAll(PAIR_RE) : []) {
      if (ctx?.limit !== undefined && out.length >= ctx.limit) { ctx.truncated?.add(this.id); break; }
      const value = m.groups!.value!.replace(/["'`]+$/, '');
      const { raw, shift } = unquoteShift(value);
      if (!looksLikePassword(raw, 3) || /^[A-Za-z]+:/.test(raw) || /\.(?:md|mdx|html?|ya?ml|json|txt|png|jpe?g|svg|pdf|docx?)$/i.test(raw)) continue; // a flag or a file name
      if (/\bnet[ \t]+$/i.test(text.slice(Math.max(0, m.index - 8), m.index))) continue; // `net user NAME /flag`: the command rule judges it
      const start = m.index + m[0].length - m.groups!.value!.length + shift;
      out.push({ start, end: start + raw.length, excerpt: `${m.groups!.user}/${maskSecret(raw)}`, message: 'user/password pair in clear text (明文账号密码)' });
    }
    if (commentsRead(text, path)) { // a Markdown heading is not a comment
      for (const m of text.matchAll(COMMENT_PAIR_RE)) {
        if (ctx?.limit !== undefined && out.length >= ctx.limit) { ctx.truncated?.add(this.id); break; }
        const value = m.groups!.value!;
        if (classes(value) < 3 || !looksLikePassword(value, 6) || /\.(?:md|mdx|html?|ya?ml|json|txt|sql|sh|log|conf)$/i.test(value)) continue;
        const start = m.index + m[0].length - value.length;
        out.push({ start, end: start + value.length, excerpt: `${m.groups!.user}/${maskSecret(value)}`, message: 'user/password pair in a comment (注释中的明文账号密码)' });
      }
    }
    return out;
  },
};
