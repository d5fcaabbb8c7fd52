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
import type { GuardRule, RuleMatch } from '../types.js';
import { maskSecret } from '../mask.js';

const KEY =
  '(?<key>[A-Za-z0-9_.-]*(?:password|passwd|passphrase|pwd|pass_word)[A-Za-z0-9_.-]*|[\\u4e00-\\u9fff]{0,8}(?:密码|口令))';
const SEP = '["\']?[ \\t\\u3000]*(?:\\*\\*|__)?[ \\t\\u3000]*(?<sep>[:：=]|为|是)[ \\t\\u3000]*(?:\\*\\*|__)?[ \\t\\u3000]*';
const VALUE = '(?<value>"[^"\\r\\n]*"|\'[^\'\\r\\n]*\'|`[^`\\r\\n]*`|[^\\s,，;；。、)）|`"\'<>&]+)';
const PASSWORD_RE = new RegExp(`${KEY}${SEP}${VALUE}`, 'gi');
const QUICK_RE = /pass|pwd|密码|口令/i;

/** Keys that name a property of passwords, not a password. */
const DESCRIPTIVE_KEY_RE =
  /(?:policy|length|min|max|required|expir|expire|hint|file|path|env|rule|rules|age|days|count|reset|change|field|label|type|strength|complexity|encrypted|hash|hashed|enabled|mode|format|regex|pattern|prompt|placeholder|url|ref|source|manager|store|vault|_key|key_?id|salt)$/i;

/** True when a value is a placeholder, a reference or empty rather than a secret. */
export function isPlaceholder(value: string): boolean {
  const v = value.trim();
  if (v === '' || v === '~') return true;
  if (/^(?:null|none|nil|true|false|yes|no|on|off|n\/a|na|tbd|todo|redacted|masked|secret|password|passwd|pwd|changeme|change_me|required|optional|string|str)$/i.test(v)) return true;
  if (/^ENC\[AES256_GCM,/.test(v)) return true; // SOPS ciphertext
  if (/^(?:[*＊•●·xX×.\-_#?]{3,}|[*＊•●]+)$/.test(v)) return true; // ******, xxx, ●●●
  if (/[*＊•●]{3,}/.test(v)) return true; // already masked: pa******
  if (/^<[^>]*>$|^\[[^\]]*\]$|^\{\{.*\}\}$|^\$\{[^}]*\}$|^\$[A-Za-z_][A-Za-z0-9_]*$|^%[A-Za-z_][A-Za-z0-9_]*%$/.test(v)) return true;
  if (/^[(（【\[]?(?:脱敏|略|已隐藏|见|参见|详见|由|请)/.test(v)) return true;
  if (/^[\u3000-\u303f\u4e00-\u9fff\uff00-\uffef]/.test(v)) return true; // prose after the label
  return false;
}

function unquote(v: string): string {
  const q = v[0];
  if ((q === '"' || q === "'" || q === '`') && v.length >= 2 && v.endsWith(q)) return v.slice(1, -1);
  return v;
}

export const plaintextPasswordRule: GuardRule = {
  id: 'plaintext-password',
  message: 'plaintext password (明文密码)',
  fix: 'Move the password into the encrypted hand-over (opsbook secrets edit records/handover/<system>.sops.yaml) and change it, since it is in Git history.',
  scan(text) {
    if (!QUICK_RE.test(text)) return [];
    const out: RuleMatch[] = [];
    for (const m of text.matchAll(PASSWORD_RE)) {
      const { key, sep, value } = m.groups as { key: string; sep: string; value: string };
      if (DESCRIPTIVE_KEY_RE.test(key)) continue;
      const raw = unquote(value);
      if (Array.from(raw).length < 3 || isPlaceholder(raw)) continue;
      // `密码为 …`/`密码是 …` in prose: only an ASCII token counts as a password.
      if ((sep === '为' || sep === '是') && !/^[\x21-\x7e]{4,}$/.test(raw)) continue;
      const valueStart = m.index + m[0].length - value.length + (raw !== value ? 1 : 0);
      out.push({ start: valueStart, end: valueStart + raw.length, excerpt: maskSecret(raw) });
    }
    return out;
  },
};
