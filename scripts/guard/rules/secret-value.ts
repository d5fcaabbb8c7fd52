/**
 * What counts as a password value, shared by the password rules: placeholders
 * and references are not secrets; a token written without `:`/`=` after a
 * label (`密码 Sa@2026!x`) must look like a password, not like a word.
 */

/** True when a value is a placeholder, a reference or empty rather than a secret. */
export function isPlaceholder(value: string): boolean {
  const v = value.trim();
  if (v === '' || v === '~') return true;
  if (/^(?:null|none|nil|true|false|yes|no|on|off|n\/a|na|tbd|todo|redacted|masked|hidden|secret|password|passwd|pwd|pass|passphrase|changeme|change_me|required|optional|string|str|example|sample|dummy|empty|unset|prompt)$/i.test(v)) return true;
  if (/^(?:your|my|the|new|old|db|admin|user|app|root|sa)?[_-]?(?:password|passwd|pwd|pass|secret|口令|密码)(?:[_-]?(?:here|goes[_-]?here|\d))?$/i.test(v)) return true;
  if (/^(?:[*＊•●·xX×.\-_#?…]{3,}|[*＊•●]+)$/.test(v)) return true; // ******, xxx, ●●●, ...
  if (/[*＊•●]{3,}/.test(v)) return true; // already masked: pa******
  if (/^<[^>]*>$|^\[[^\]]*\]$|^\{\{.*\}\}$|^\{[^{}]*\}$|^\$\{[^}]*\}$|^\$\([^)]*\)$|^\$[A-Za-z_][A-Za-z0-9_]*$|^%[A-Za-z_][A-Za-z0-9_]*%$|^@[A-Za-z_][A-Za-z0-9_]*@$/.test(v)) return true;
  // An environment-variable name (DB_PASSWORD, MYSQL_ROOT_PWD), not its value.
  if (/^[A-Z][A-Z0-9]*(?:_[A-Z0-9]+)+$/.test(v) && /PASS|PWD|SECRET|KEY|TOKEN/.test(v)) return true;
  if (/^[(（【\[]?(?:脱敏|略|已隐藏|已加密|见|参见|详见|由|请|同上|无|空|不变|未设置|加密)/.test(v)) return true;
  if (/^[\u3000-\u303f\u4e00-\u9fff\uff00-\uffef]/.test(v)) return true; // prose after the label
  return false;
}

/** Words and algorithm names that follow "password"/"密码" in prose but are not passwords. */
const TERMS_RE =
  /^(?:sha-?\d*|md[45]|aes-?\d*|rsa-?\d*|sm[234]|des|3des|utf-?\d+|base\d+|tls[\d.]*|ssl[\d.]*|x\.?509|crc\d*|pbkdf2?|bcrypt|scrypt|argon2\w*|hmac[\w-]*|ntlm\w*|kerberos|ldaps?|https?|v?\d+(?:\.\d+)+|\d{1,2}(?:位|个|次|天|days?|chars?|characters?)?)$/i;

/**
 * True when `v` (written after a label without `:`/`=`, or as a bare token in
 * a command) looks like a password: printable ASCII without spaces, at least
 * `min` characters, mixing letters with digits or symbols (or 6+ digits),
 * not a term or placeholder.
 */
export function looksLikePassword(v: string, min = 4): boolean {
  if (v.length < min || v.length > 128) return false;
  if (!/^[\x21-\x7e]+$/.test(v)) return false;
  if (isPlaceholder(v) || TERMS_RE.test(v)) return false;
  const letters = /[A-Za-z]/.test(v);
  const digits = /\d/.test(v);
  const symbols = /[^A-Za-z0-9]/.test(v);
  if (/^\d+$/.test(v)) return v.length >= 6;
  if (!letters) return symbols && digits;
  return digits || symbols || (/[a-z]/.test(v) && /[A-Z]/.test(v) && v.length >= 8);
}

/** A quoted value without its quotes, and how far the inner text is shifted. */
export function unquote(v: string): { raw: string; shift: number } {
  const q = v[0];
  if ((q === '"' || q === "'" || q === '`') && v.length >= 2 && v.endsWith(q)) return { raw: v.slice(1, -1), shift: 1 };
  return { raw: v, shift: 0 };
}
