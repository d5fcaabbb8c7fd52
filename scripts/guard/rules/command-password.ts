/**
 * Rule `plaintext-password` (command lines and SQL): a password carried by a
 * command or statement, whatever the tool —
 *
 * - SQL Server tools `sqlcmd`/`osql`/`isql`/`bcp … -P pass`;
 * - MySQL/MariaDB tools `mysql … -ppass` / `-p'pass'` (`-p` alone prompts);
 * - Oracle `sqlplus`/`expdp`/`impdp`/`exp`/`imp`/`rman`/`sqlldr`/`CONNECT`
 *   `user/pass[@db]` (`sqlplus / as sysdba` has none);
 * - long options `--password=…`/`--password …`/`--pass …`, Java `-storepass`/
 *   `-keypass`, OpenSSL `-passin pass:…`, `sshpass -p`, `redis-cli -a`,
 *   `docker login -p`, `mongo* -p`, `ldap* -w`, `curl -u user:pass`,
 *   `smbclient -U user%pass`;
 * - statements `CREATE/ALTER USER … IDENTIFIED BY …`, `CREATE/ALTER LOGIN …
 *   WITH PASSWORD = …`, `CREATE/ALTER ROLE|USER … PASSWORD '…'`, `SET
 *   PASSWORD … = …`, `sp_password`/`sp_addlogin`;
 * - `net user NAME PASS`, Redis `requirepass`/`masterauth`, `echo pass | passwd --stdin`,
 *   `echo user:pass | chpasswd`.
 *
 * Placeholders (`<密码>`, `${DB_PASSWORD}`, `$PASS`, `*`, `******`, `xxx`)
 * are not findings. Every pattern is bounded, so a long line costs linear time.
 */
import { keywords } from '../text-facts.js';
import type { GuardRule, RuleMatch } from '../types.js';
import { maskSecret } from '../mask.js';
import { isPlaceholder, looksLikePassword, unquote } from './secret-value.js';

/** A value: quoted, or a token up to a blank/quote. */
const V = `(?<value>"[^"\\n]{1,128}"|'[^'\\n]{1,128}'|[^\\s'"]{1,128})`;
/** A value that must not start like the next option. */
const VNOOPT = `(?<value>"[^"\\n]{1,128}"|'[^'\\n]{1,128}'|[^\\s'"-][^\\s'"]{0,127})`;
/** The rest of a command line, bounded. */
const REST = `[^\\n]{0,300}?`;

interface Pattern {
  re: RegExp;
  what: string;
  /** Minimum strength of the value: 'any' (explicit password slot) or 'looks' (must look like a password). */
  check: 'any' | 'looks';
  /** Drop trailing punctuation such as `;` or `)` from the value. */
  trim?: RegExp;
}

const P = (source: string, flags: string, what: string, check: Pattern['check'] = 'any', trim?: RegExp): Pattern => ({
  re: new RegExp(source, flags.includes('g') ? flags : `${flags}g`),
  what,
  check,
  trim,
});

const PATTERNS: Pattern[] = [
  P(`\\b(?:sqlcmd|osql|isql|bcp)(?:\\.exe)?\\b${REST}[ \\t]-P[ \\t]*${VNOOPT}`, '', 'password on a SQL Server command line (-P)'),
  P(`\\b(?:mysql|mysqldump|mysqladmin|mysqlimport|mysqlcheck|mysqlshow|mysqlpump|mysqlsh|mariadb(?:-dump|-admin)?)(?:\\.exe)?\\b${REST}[ \\t]-p${V}`, '', 'password on a MySQL command line (-p…)'),
  P(`(?:^|[\\s\`'"(])(?:sqlplus|expdp|impdp|rman|sqlldr|dgmgrl)(?:\\.exe)?(?:[ \\t]+-[A-Za-z]+){0,8}[ \\t]+(?:target[ \\t]+|userid=|auxiliary[ \\t]+)?["']?(?<user>[A-Za-z][\\w$#]{0,63})/${V.replace('[^\\s\'"]{1,128}', '[^\\s\'"@/]{1,128}')}`, 'i', 'password in an Oracle user/password connect string', 'any', /@.*$/),
  P(`(?:^|[\\s\`'"(])(?:exp|imp|conn|connect)(?:\\.exe)?[ \\t]+(?:userid=)?["']?(?<user>[A-Za-z][\\w$#]{0,63})/${V.replace('[^\\s\'"]{1,128}', '[^\\s\'"@/]{1,128}')}`, 'i', 'password in an Oracle user/password connect string', 'looks', /@.*$/),
  P(`(?:^|[\\s\`'"])--(?:password|passwd|pass|pwd|db-?password|dbpass|admin-?password|root-?password)(?:=|[ \\t]+)${VNOOPT}`, 'i', 'password on a command line (--password)'),
  P(`(?:^|[\\s\`'"])-(?:storepass|keypass|srcstorepass|deststorepass|srckeypass|destkeypass|password|passwd)[ \\t]+${VNOOPT}`, 'i', 'password on a command line'),
  P(`(?:^|[\\s\`'"])-pass(?:in|out)[ \\t]+pass:${V}`, 'i', 'password on an OpenSSL command line (pass:…)'),
  P(`\\b(?:7z|7za|7zr|rar|unrar)(?:\\.exe)?\\b${REST}[ \\t]-p${V}`, '', 'password on an archiver command line (-p…)'),
  P(`\\b(?:zip|unzip|zipcloak)\\b${REST}[ \\t](?:-P|--password)[ \\t]*${VNOOPT}`, '', 'password on a zip command line (-P)'),
  P(`\\blftp\\b${REST}[ \\t]-u[ \\t]+[^\\s,'"]{1,64},${V}`, '', 'password on an lftp command line (-u user,pass)'),
  P(`\\becho[ \\t]+${V}[ \\t]*\\|[ \\t]*sudo[ \\t]+(?:-\\w+[ \\t]+)*-S\\b`, '', 'password piped into sudo -S'),
  P(`\\bhtpasswd\\b[ \\t]+-[A-Za-z]*b[A-Za-z]*[ \\t]+(?:-[A-Za-z]+[ \\t]+)?[^\\s]{1,256}[ \\t]+[^\\s]{1,64}[ \\t]+${V}`, '', 'password on an htpasswd -b command line'),
  P(`\\bsshpass\\b${REST}[ \\t]-p[ \\t]*${VNOOPT}`, '', 'password on an sshpass command line'),
  P(`\\bredis-cli\\b${REST}[ \\t]-a[ \\t]+${VNOOPT}`, '', 'password on a redis-cli command line (-a)'),
  P(`\\b(?:docker|podman|nerdctl|helm)[ \\t]+(?:registry[ \\t]+)?login\\b${REST}[ \\t](?:-p|--password)[ \\t]+${VNOOPT}`, '', 'password on a registry login command line'),
  P(`\\bmongo(?:sh|dump|restore|export|import|stat|top)?\\b${REST}[ \\t]-p[ \\t]+${VNOOPT}`, '', 'password on a MongoDB command line (-p)'),
  P(`\\bldap(?:search|add|modify|delete|passwd|whoami|compare)\\b${REST}[ \\t]-w[ \\t]+${VNOOPT}`, '', 'password on an LDAP command line (-w)'),
  P(`\\b(?:curl|wget)\\b${REST}[ \\t](?:-u|--user)[ \\t]*["']?[^\\s:'"]{1,64}:${V}`, '', 'password on a curl/wget command line (-u user:pass)', 'any', /["']$/),
  P(`\\bsmbclient\\b${REST}[ \\t](?:-U[ \\t]*|--user(?:=|[ \\t]+))["']?[^\\s%'"]{1,64}%${V}`, '', 'password on an smbclient command line (user%pass)', 'any', /["']$/),
  P(`\\bIDENTIFIED[ \\t]+(?:WITH[ \\t]+\\w{1,64}[ \\t]+)?BY[ \\t]+(?!VALUES\\b)${V}`, 'i', 'password in an IDENTIFIED BY clause', 'any', /[;,)]+$/),
  P(`\\bWITH[ \\t]+PASSWORD[ \\t]*=[ \\t]*N?${V}`, 'i', 'password in a WITH PASSWORD = clause', 'any', /[;,)]+$/),
  P(`\\b(?:CREATE|ALTER)[ \\t]+(?:USER|ROLE)\\b[^\\n;]{0,200}?\\b(?:ENCRYPTED[ \\t]+|UNENCRYPTED[ \\t]+)?PASSWORD[ \\t]+(?!=)${V}`, 'i', 'password in a CREATE/ALTER USER or ROLE statement', 'any', /[;,)]+$/),
  P(`\\bSET[ \\t]+PASSWORD\\b[^\\n;]{0,200}?=[ \\t]*(?:(?:OLD_)?PASSWORD[ \\t]*\\([ \\t]*)?${V}`, 'i', 'password in a SET PASSWORD statement', 'any', /[;,)]+$/),
  P(`\\bsp_password\\b[ \\t]*(?:@old[ \\t]*=[ \\t]*)?(?:NULL|N?'[^'\\n]{0,128}')[ \\t]*,[ \\t]*(?:@new[ \\t]*=[ \\t]*)?N?${V}`, 'i', 'password in sp_password', 'any', /[;,)]+$/),
  P(`\\bsp_addlogin\\b[ \\t]*(?:@loginame[ \\t]*=[ \\t]*)?N?'[^'\\n]{1,128}'[ \\t]*,[ \\t]*(?:@passwd[ \\t]*=[ \\t]*)?N?${V}`, 'i', 'password in sp_addlogin', 'any', /[;,)]+$/),
  P(`\\bnet[ \\t]+user[ \\t]+(?:"[^"\\n]{1,64}"|[A-Za-z0-9_.$\\\\-]{1,64})[ \\t]+(?<value>[\\x21-\\x29\\x2b-\\x2e\\x30-\\x7e][\\x21-\\x7e]{0,127})(?![\\x21-\\x7e])`, 'i', 'password on a net user command line'),
  P(`(?:^|[\\s\`'"])(?:requirepass|masterauth)[ \\t]+${V}`, 'i', 'Redis password (requirepass/masterauth)'),
  P(`\\becho[ \\t]+${V}[ \\t]*\\|[ \\t]*(?:sudo[ \\t]+)?passwd\\b[^\\n]{0,100}--stdin`, '', 'password piped into passwd --stdin'),
  P(`\\becho[ \\t]+["']?[A-Za-z_][\\w.-]{0,63}:(?<value>[^\\s'"|]{1,128})["']?[ \\t]*\\|[ \\t]*(?:sudo[ \\t]+)?chpasswd\\b`, '', 'password piped into chpasswd'),
];

/**
 * QUICK_RE as lower-case words, each one contained in one or more of its
 * alternatives (`sql` ⊂ sqlcmd/osql/isql/mysql/sqlplus/sqlldr, `pass` ⊂
 * htpasswd/--pass/sshpass/password/requirepass/chpasswd, `exp`/`imp` ⊂
 * expdp/impdp, `login` ⊂ sp_addlogin, `net` for `net user`): the scanner's gate.
 */
const QUICK_WORDS = keywords(['pass', 'sql', 'exp', 'imp', 'conn', 'zip', 'rar', '7z', 'lftp', 'sudo', 'bcp', 'maria', 'rman', 'dgmgrl', '--pwd', 'redis', 'login', 'mongo', 'ldap', 'curl', 'wget', 'smbclient', 'identified', 'net', 'masterauth']);
const QUICK_RE = /7z|rar|zip|lftp|sudo|htpasswd|sqlcmd|osql|isql|bcp|mysql|maria|sqlplus|expdp|impdp|exp|imp|rman|sqlldr|dgmgrl|conn|--pass|--pwd|pass|sshpass|redis|login|mongo|ldap|curl|wget|smbclient|identified|password|sp_addlogin|net[ \t]+user|requirepass|masterauth|chpasswd/i;

export const commandPasswordRule: GuardRule = {
  id: 'plaintext-password',
  message: 'password on a command line or in a SQL statement (命令行/SQL 中的明文密码)',
  fix: 'Replace the password with a placeholder such as <密码> or ${DB_PASSWORD} (or let the tool prompt), keep the real one only in the encrypted hand-over, and change it, since it is in Git history.',
  mayMatch: (facts) => facts.hasAny(QUICK_WORDS),
  scan(text, _path, ctx) {
    if (!QUICK_RE.test(text)) return [];
    const out: RuleMatch[] = [];
    for (const p of PATTERNS) {
      for (const m of text.matchAll(p.re)) {
        if (ctx?.limit !== undefined && out.length >= ctx.limit) { ctx.truncated?.add(this.id); break; }
        let value = m.groups!.value!;
        const valueStart = m.index + m[0].length - value.length;
        if (p.trim) value = value.replace(p.trim, '');
        const { raw, shift } = unquote(value);
        if (raw === '' || isPlaceholder(raw) || /^[*?]$/.test(raw)) continue;
        if (p.check === 'looks' ? !looksLikePassword(raw, 3) : raw.length < 2) continue;
        const start = valueStart + shift;
        out.push({ start, end: start + raw.length, excerpt: maskSecret(raw), message: `${p.what} (命令行/SQL 中的明文密码)` });
      }
    }
    return out;
  },
};
