/**
 * Rule `basic-auth` (own part): HTTP Basic credentials written out —
 * `Authorization: Basic <base64 of user:password>` in a header, a curl `-H`
 * option, a YAML/JSON value. The base64 is decoded: a finding only when it
 * holds `user:password` with a non-placeholder password, so `Basic <token>`,
 * `Basic ${AUTH}` and prose about Basic authentication are silent.
 * (secretlint reports `https://user:pass@…` under the same rule id.)
 */
import { keywords } from '../text-facts.js';
import type { GuardRule, RuleMatch } from '../types.js';
import { maskSecret } from '../mask.js';
import { isPlaceholder } from './secret-value.js';

const QUICK_WORDS = keywords(['basic']);
const BASIC_RE = /\b(?:Proxy-)?Authorization["']?(?:[ \t]*[:=][ \t]*|[ \t]+)["']?Basic[ \t]+(?<b64>[A-Za-z0-9+/]{4,1024}={0,2})(?![A-Za-z0-9+/=])/gi;

export const basicAuthHeaderRule: GuardRule = {
  id: 'basic-auth',
  message: 'HTTP Basic credentials (Authorization: Basic …, 明文账号密码)',
  fix: 'Replace the header value with a placeholder such as ${BASIC_AUTH}; the base64 is the password in clear. Change the password, since it is in Git history.',
  mayMatch: (facts) => facts.hasAny(QUICK_WORDS),
  scan(text, _path, ctx) {
    if (!/basic/i.test(text)) return [];
    const out: RuleMatch[] = [];
    for (const m of text.matchAll(BASIC_RE)) {
      if (ctx?.limit !== undefined && out.length >= ctx.limit) { ctx.truncated?.add(this.id); break; }
      const b64 = m.groups!.b64!;
      const decoded = Buffer.from(b64, 'base64').toString('utf8');
      const colon = decoded.indexOf(':');
      if (colon < 1 || /[\x00-\x1f\ufffd]/.test(decoded)) continue;
      const user = decoded.slice(0, colon);
      const password = decoded.slice(colon + 1);
      if (password === '' || isPlaceholder(password)) continue;
      const start = m.index + m[0].length - b64.length;
      out.push({ start, end: start + b64.length, excerpt: `Basic ${maskSecret(b64)} (${user}:${maskSecret(password)})` });
    }
    return out;
  },
};
