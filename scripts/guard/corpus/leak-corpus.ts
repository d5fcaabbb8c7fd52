/**
 * The guard's own leak corpus: realistic leaks, one class per group, each
 * with the line it must be found on, and look-alikes that must stay silent.
 * Everything is synthetic: ID numbers get a computed check character, card
 * numbers a computed Luhn digit, names are placeholders (某某) or generated
 * from a surname and common given-name characters, phone numbers use the
 * unassigned-looking 0000 block. Written as data (not regex-shaped), phrased
 * as engineers write tickets, manuals, comments and shell snippets.
 */
import { makeResidentId, withWrongCheck } from '../test-support.js';

export interface CorpusCase {
  id: string;
  /** Leak class, e.g. `mrn-label`, `bank-card`. */
  cls: string;
  /** KB-relative path (decides YAML/Markdown context). */
  path: string;
  text: string;
  /** 1-based lines where a finding must be (empty for look-alikes). */
  lines: number[];
}

/** Completes a digit string with its Luhn check digit. */
export function withLuhn(body: string): string {
  for (let d = 0; d <= 9; d++) {
    const s = body + d;
    let sum = 0;
    let dbl = false;
    for (let i = s.length - 1; i >= 0; i--) {
      let v = s.charCodeAt(i) - 48;
      if (dbl) {
        v *= 2;
        if (v > 9) v -= 9;
      }
      sum += v;
      dbl = !dbl;
    }
    if (sum % 10 === 0) return s;
  }
  throw new Error('unreachable');
}

/** The same number with a wrong Luhn digit. */
function withoutLuhn(body: string): string {
  const good = withLuhn(body);
  return good.slice(0, -1) + String((Number(good.slice(-1)) + 3) % 10);
}

const fw = (s: string) => s.replace(/[0-9]/g, (d) => String.fromCharCode(0xff10 + Number(d)));
const group = (s: string, sizes: number[], sep = ' ') => {
  const out: string[] = [];
  let i = 0;
  for (const n of sizes) {
    out.push(s.slice(i, i + n));
    i += n;
  }
  if (i < s.length) out.push(s.slice(i));
  return out.join(sep);
};
const b64 = (s: string) => Buffer.from(s, 'utf8').toString('base64');
/** A mobile number of the synthetic 0000 block. */
const mobile = (prefix: string, tail: string) => `${prefix}0000${tail}`;

// Synthetic identifiers (computed, never real).
const idA = makeResidentId('110101', '19900307', '123');
const idB = makeResidentId('440106', '19851224', '357');
const idX = (() => {
  for (let seq = 100; seq < 999; seq++) {
    const id = makeResidentId('320102', '19770615', String(seq));
    if (id.endsWith('X')) return id;
  }
  throw new Error('no X id');
})();
const cardUnion16 = withLuhn('622200001234567');
const cardUnion19 = withLuhn('621700001234567890');
const cardVisa = withLuhn('400000123456789');
const cardMc = withLuhn('550000123456789');
const cardAmex = withLuhn('37000012345678');
const cardLabelled = withLuhn('9559000012345678');

const Y = 'records/tickets/2026/T-20261130-01.yaml';
const M = 'docs/aims/ops/faq.md';
const H = 'records/inspections/2026/I-20261130-01.yaml';

const leak = (cls: string, id: string, path: string, text: string, lines: number[]): CorpusCase => ({ id, cls, path, text, lines });
const silent = (cls: string, id: string, path: string, text: string): CorpusCase => ({ id, cls, path, text, lines: [] });

export const LEAKS: CorpusCase[] = [
  // 住院号/病案号 label variants
  leak('mrn-label', 'mrn-haoma', Y, 'id: T-20261130-01\ndescription: 住院号码：20260012345 的麻醉记录单打印空白\n', [2]),
  leak('mrn-label', 'mrn-bingan-haoma', M, '## 案例\n\n病案号码 00123456 的手术记录缺少麻醉小结。\n', [3]),
  leak('mrn-label', 'mrn-bianhao', Y, 'title: 护理记录缺页\ndescription: 住院编号:ZY2026000123，入科后体征未同步\n', [2]),
  leak('mrn-label', 'mrn-id-hao', M, '排查时在 HIS 中输入 ID 号：88776655 可以查到该患者。\n', [1]),
  leak('mrn-label', 'mrn-binglihao', Y, 'description: |\n  病历号 A12345678 的医嘱无法保存，\n  已重启服务。\n', [2]),
  leak('mrn-label', 'mrn-patient-id', H, 'findings:\n  - 患者ID：10023456 的监护数据断点\n', [2]),
  leak('mrn-label', 'mrn-wei', M, '该患者住院号为 2026001234，请勿外传。\n', [1]),
  leak('mrn-label', 'mrn-paren', Y, 'description: 病案号（BA20260009）归档失败\n', [1]),
  leak('mrn-label', 'mrn-fullwidth', Y, `description: 住院号：${fw('20260012')} 的医嘱\n`, [1]),
  leak('mrn-label', 'mrn-liushui', M, '| 字段 | 示例 |\n|---|---|\n| 住院流水号 | 2026112500123 |\n', [3]),
  leak('mrn-label', 'mrn-yaml-key', Y, 'context:\n  inpatient_no: "20260012"\n', [2]),
  leak('mrn-label', 'mrn-menzhen', M, '门诊号码 123456789 挂号后在 AIMS 中无法检索。\n', [1]),
  // patient names without separator, bed + name
  leak('patient-name', 'name-glued', Y, 'description: 患者王建国于 2026-03-01 入科后监护数据未显示\n', [1]),
  leak('patient-name', 'name-glued-mou', M, '病人李某某术后转入 ICU，体征曲线中断约 10 分钟。\n', [1]),
  leak('patient-name', 'name-bed-space', Y, 'description: 3床 王建国 血压监测数据丢失\n', [1]),
  leak('patient-name', 'name-bed-icu', M, '现场反馈：ICU 12床 李某某 的体征曲线不显示。\n', [1]),
  leak('patient-name', 'name-bed-colon', Y, 'note: 12床：张三，呼吸机参数未上传\n', [1]),
  leak('patient-name', 'name-bed-hao', M, '5号床 赵丽华 的护理评估单丢失。\n', [1]),
  leak('patient-name', 'name-glued-compound', Y, 'description: 病人欧阳明术中血氧曲线断开\n', [1]),
  leak('patient-name', 'name-glued-child', M, '患儿刘小明的体重单位显示错误。\n', [1]),
  leak('patient-name', 'name-glued-weak-surname', M, '患者陈建华入科后心电监护无波形。\n', [1]),
  leak('patient-name', 'name-glued-label', Y, 'description: 患者姓名王志强，术中记录缺失\n', [1]),
  leak('patient-name', 'name-bed-glued', Y, 'description: 7床周某某转科后床位未释放\n', [1]),
  // passwords and user/password pairs in YAML comments
  leak('yaml-comment-password', 'comment-mima-space', H, 'system: aims\n# sa 密码 Sa@2026!x（临时）\nitems: []\n', [2]),
  leak('yaml-comment-password', 'comment-pair', H, '# 账号/密码：admin/Adm1n#2026\nsystem: icis\n', [1]),
  leak('yaml-comment-password', 'comment-kv', Y, 'id: T-20261130-01\n  # password: Zk9-demo-Pw\n', [2]),
  leak('yaml-comment-password', 'comment-db-user', H, 'checks:\n  # 数据库用户 his_app 密码 Hx7!pass2026\n  - db: ok\n', [2]),
  leak('yaml-comment-password', 'comment-login-slash', Y, '# login admin / Qw3$erty88\nid: T-20261130-01\n', [1]),
  leak('yaml-comment-password', 'comment-user-pwd', H, '# user: sa, pwd: Sa2026#db\nsystem: aims\n', [1]),
  leak('yaml-comment-password', 'comment-kouling', Y, '# 初始口令 Init@8899，上线后已通知修改\nid: T-1\n', [1]),
  leak('yaml-comment-password', 'comment-bare-pair', H, 'system: aims\n# sa/Sa@2026!x 临时账号\n', [2]),
  leak('yaml-comment-password', 'comment-trailing', Y, 'db_user: his_app # 密码是 Hx7!pass2026\n', [1]),
  // Luhn-valid bank cards
  leak('bank-card', 'card-union16', Y, `description: 退款账户 ${cardUnion16}，由财务处理\n`, [1]),
  leak('bank-card', 'card-union19-grouped', M, `银行卡号：${group(cardUnion19, [4, 4, 4, 4])}\n`, [1]),
  leak('bank-card', 'card-visa', Y, `payment:\n  card: "${cardVisa}"\n`, [2]),
  leak('bank-card', 'card-mc-dashes', M, `信用卡 ${group(cardMc, [4, 4, 4, 4], '-')} 已冻结。\n`, [1]),
  leak('bank-card', 'card-amex', M, `备用卡 ${cardAmex}\n`, [1]),
  leak('bank-card', 'card-labelled-other-prefix', Y, `note: 卡号 ${cardLabelled}\n`, [1]),
  // mobile numbers: full-width, spaces, dashes
  leak('mobile', 'mobile-fullwidth', Y, `contact: 联系电话：${fw(mobile('138', '1234'))}\n`, [1]),
  leak('mobile', 'mobile-dashes', M, `值班手机 ${group(mobile('139', '5678'), [3, 4, 4], '-')}\n`, [1]),
  leak('mobile', 'mobile-plus86-spaces', Y, `reporter_phone: "+86 ${group(mobile('137', '2468'), [3, 4, 4])}"\n`, [1]),
  leak('mobile', 'mobile-odd-groups', M, `家属电话 ${group(mobile('150', '1357'), [4, 3, 4])}\n`, [1]),
  leak('mobile', 'mobile-paren86', Y, `note: 回拨 (+86)${mobile('186', '9753')}\n`, [1]),
  leak('mobile', 'mobile-0086', Y, `note: 0086 ${mobile('135', '1122')}\n`, [1]),
  leak('mobile', 'mobile-tel', M, `Tel:${mobile('188', '3344')}\n`, [1]),
  leak('mobile', 'mobile-fullwidth-grouped', M, `电话：${fw(group(mobile('177', '8642'), [3, 4, 4]))}\n`, [1]),
  // resident IDs: groups, lowercase x
  leak('resident-id', 'id-groups-6-8-4', Y, `description: 身份证号 ${group(idA, [6, 8, 4])} 的患者档案重复\n`, [1]),
  leak('resident-id', 'id-lower-x', M, `身份证：${idX.toLowerCase()}\n`, [1]),
  leak('resident-id', 'id-groups-4', Y, `note: 证件号 ${group(idB, [4, 4, 4, 4])}\n`, [1]),
  leak('resident-id', 'id-dashes', M, `患者证件 ${group(idB, [6, 8, 4], '-')} 已脱敏前误录入。\n`, [1]),
  leak('resident-id', 'id-6-4-4-4', M, `身份证 ${group(idA, [6, 4, 4, 4])}\n`, [1]),
  leak('resident-id', 'id-fullwidth', Y, `note: 身份证号${fw(idA)}\n`, [1]),
  // passwords in Markdown tables
  leak('password-table', 'table-mima', M, '| 系统 | 账号 | 密码 |\n| --- | --- | --- |\n| HIS 数据库 | sa | Hx#2026db |\n| AIMS | aims_app | Am2026!app |\n', [3, 4]),
  leak('password-table', 'table-kouling', M, '| 用户名 | 口令 | 备注 |\n|:--|:--|:--|\n| admin | `Adm#2026x` | 管理员 |\n', [3]),
  leak('password-table', 'table-english', M, '| Host | User | Password |\n|---|---|---|\n| 10.20.9.11 | root | Root2026pw |\n', [3]),
  leak('password-table', 'table-no-outer-pipes', M, '系统 | 账号/密码\n--- | ---\nPACS | pacs/Pacs#2026\n', [3]),
  leak('password-table', 'table-initial', M, '| 账号 | 初始密码 |\n| -- | -- |\n| nurse01 | 123456Aa |\n', [3]),
  // command lines and statements carrying a password
  leak('command', 'sqlcmd', M, '```\nsqlcmd -S 10.20.1.5 -U sa -P Sa2026!db -Q "select 1"\n```\n', [2]),
  leak('command', 'mysql-attached', M, '```bash\nmysql -uroot -pRoot#2026 -h 10.0.0.8 his\n```\n', [2]),
  leak('command', 'mysql-quoted', Y, "steps:\n  - mysql -u root -p'My$ecret88' his < fix.sql\n", [2]),
  leak('command', 'mysqldump', M, 'mysqldump -uroot -pDump2026 his > his.sql\n', [1]),
  leak('command', 'sqlplus', M, '执行 `sqlplus system/Orcl2026@HISDB as sysdba` 后查询表空间。\n', [1]),
  leak('command', 'psql-url', Y, 'steps:\n  - psql postgresql://his:Pg2026pw@10.0.0.9:5432/his -c "vacuum"\n', [2]),
  leak('command', 'create-user', M, '```sql\nCREATE USER his_ro IDENTIFIED BY Ro2026pass;\n```\n', [2]),
  leak('command', 'alter-login', M, "```sql\nALTER LOGIN sa WITH PASSWORD = 'Sa#2026New';\n```\n", [2]),
  leak('command', 'net-user', M, '```bat\nnet user administrator Adm!n2026 /add\n```\n', [2]),
  leak('command', 'requirepass', M, '```\n# redis.conf\nrequirepass Redis2026pw\n```\n', [3]),
  leak('command', 'mongo-long', Y, 'steps:\n  - mongodump --username admin --password Mg2026pw --out /backup\n', [2]),
  leak('command', 'redis-cli', M, 'redis-cli -h 10.0.0.5 -a Redis2026pw ping\n', [1]),
  leak('command', 'odbc', Y, 'note: "Driver={ODBC Driver 17 for SQL Server};Server=10.0.0.5;UID=sa;PWD=Sa2026x;"\n', [1]),
  leak('command', 'jdbc', M, 'jdbc:sqlserver://10.0.0.5:1433;databaseName=his;user=sa;password=Sa2026x\n', [1]),
  leak('command', 'expdp', M, 'expdp system/Exp2026pw@orcl directory=DUMP dumpfile=his.dmp\n', [1]),
  leak('command', 'conn-sysdba', M, 'SQL> conn sys/Sys2026pw as sysdba\n', [1]),
  leak('command', 'alter-user-quoted', M, 'ALTER USER his IDENTIFIED BY "His#2026";\n', [1]),
  leak('command', 'create-login', M, "CREATE LOGIN his_app WITH PASSWORD = N'App2026!x';\n", [1]),
  leak('command', 'sshpass', M, "sshpass -p 'Ssh2026pw' ssh root@10.0.0.5\n", [1]),
  leak('command', 'curl-u', M, 'curl -u admin:Adm2026pw http://10.0.0.5/api/status\n', [1]),
  leak('command', 'osql', M, 'osql -S . -U sa -P Sa2026pw -i fix.sql\n', [1]),
  leak('command', 'docker-login', Y, 'steps:\n  - docker login -u admin -p Dk2026pw registry.local\n', [2]),
  leak('command', 'set-password', M, "SET PASSWORD FOR 'his'@'%' = PASSWORD('His2026pw');\n", [1]),
  leak('command', 'passwd-stdin', M, 'echo "Root2026pw" | passwd --stdin root\n', [1]),
  leak('command', 'masterauth', M, 'masterauth Redis2026pw\n', [1]),
  leak('command', 'smbclient', M, 'smbclient //10.0.0.5/backup -U admin%Smb2026pw\n', [1]),
  leak('command', 'mount-cifs', M, 'mount -t cifs //10.0.0.5/backup /mnt -o username=bk,password=Bk2026pw\n', [1]),
  leak('command', 'pg-role', M, "ALTER ROLE his WITH PASSWORD 'Pg#2026role';\n", [1]),
  leak('command', 'keytool', M, 'keytool -list -keystore his.jks -storepass Ks2026pw\n', [1]),
  leak('command', 'mysql-long', M, 'mysql --user=root --password=Root2026x his\n', [1]),
  leak('command', 'pgpassword-env', M, 'PGPASSWORD=Pg2026env psql -h 10.0.0.9 -U his\n', [1]),
  leak('command', 'sqlcmd-attached', M, 'sqlcmd -Usa -PSa2026db -S 10.0.0.5\n', [1]),
  leak('command', 'mysql-digits', M, 'mysql -h 10.0.0.8 -uroot -p123456 his\n', [1]),
  leak('command', 'sqlplus-quoted', M, "sqlplus 'sys/Oracle2026@orcl as sysdba'\n", [1]),
  leak('command', 'grant-identified', M, "GRANT ALL ON his.* TO 'his'@'%' IDENTIFIED BY 'Gr2026pw';\n", [1]),
  leak('command', 'alter-login-tight', M, "ALTER LOGIN [sa] WITH PASSWORD=N'Sa2026tight'\n", [1]),
  leak('command', '7z', M, '7z a -pZip2026pw backup.7z /data\n', [1]),
  leak('command', 'zip', M, 'zip -P Zip2026pw backup.zip his.bak\n', [1]),
  leak('command', 'lftp', M, 'lftp -u backup,Ftp2026pw 10.0.0.5\n', [1]),
  leak('command', 'sudo-S', M, "echo 'Sudo2026pw' | sudo -S systemctl restart aims\n", [1]),
  leak('command', 'htpasswd', M, 'htpasswd -b /etc/nginx/.htpasswd admin Ht2026pw\n', [1]),
  // HTTP Basic credentials
  leak('basic-auth', 'basic-nginx', M, `proxy_set_header Authorization "Basic ${b64('ng:Nginx2026pw')}";\n`, [1]),
  leak('basic-auth', 'basic-header', M, `\`\`\`http\nGET /api/v1/patients HTTP/1.1\nAuthorization: Basic ${b64('admin:Adm2026pw')}\n\`\`\`\n`, [3]),
  leak('basic-auth', 'basic-curl', M, `curl -H "Authorization: Basic ${b64('his:His2026api')}" http://10.0.0.5/api\n`, [1]),
  leak('basic-auth', 'basic-yaml', Y, `headers:\n  Authorization: "Basic ${b64('svc:Svc#2026')}"\n`, [2]),
];

export const LOOK_ALIKES: CorpusCase[] = [
  // version numbers shaped like phone numbers
  silent('version', 'version-dotted', M, '升级到 AIMS 13.8.0000.1234 后无需重启。\n'),
  silent('version', 'version-v', Y, 'version: v13800001234\n'),
  silent('version', 'version-build', M, '补丁 build 1.38.0000.1234 已发布。\n'),
  silent('version', 'version-decimal', M, '版本号 13800001234.1 为内部构建号。\n'),
  // the hospital switchboard, landlines, service numbers
  silent('switchboard', 'switchboard-dash', M, '医院总机：0571-88880000\n'),
  silent('switchboard', 'switchboard-paren', M, '信息科 (0571) 8888 0000 转 6201\n'),
  silent('switchboard', 'service-400', Y, 'hotline: 400-820-0000\n'),
  silent('switchboard', 'landline-beijing', M, '总机 010-6688 0000\n'),
  // placeholders
  silent('placeholder', 'ph-angle', Y, 'password: <密码>\n'),
  silent('placeholder', 'ph-stars', M, '密码：******\n'),
  silent('placeholder', 'ph-mustache', Y, 'password: "{{password}}"\n'),
  silent('placeholder', 'ph-env', Y, 'password: ${DB_PASSWORD}\n'),
  silent('placeholder', 'ph-xxx', M, 'pwd=xxx\n'),
  silent('placeholder', 'ph-sqlcmd', M, 'sqlcmd -S 10.20.1.5 -U sa -P <密码>\n'),
  silent('placeholder', 'ph-mysql-prompt', M, 'mysql -uroot -p his\n'),
  silent('placeholder', 'ph-mysql-env', M, 'mysql -uroot -p${MYSQL_PWD} his\n'),
  silent('placeholder', 'ph-sqlplus-os', M, 'sqlplus / as sysdba\n'),
  silent('placeholder', 'ph-sqlplus-angle', M, 'sqlplus system/<password>@HISDB\n'),
  silent('placeholder', 'ph-net-user-star', M, 'net user administrator *\n'),
  silent('placeholder', 'ph-net-user-flag', M, 'net user administrator /active:yes\n'),
  silent('placeholder', 'ph-requirepass', M, 'requirepass <your-password>\n'),
  silent('placeholder', 'ph-identified', M, 'CREATE USER his_ro IDENTIFIED BY <password>;\n'),
  silent('placeholder', 'ph-with-password', M, "ALTER LOGIN sa WITH PASSWORD = '<新密码>';\n"),
  silent('placeholder', 'ph-basic-token', M, 'Authorization: Basic <token>\n'),
  silent('placeholder', 'ph-basic-env', M, 'Authorization: Basic ${BASIC_AUTH}\n'),
  silent('placeholder', 'ph-basic-placeholder-pw', M, `Authorization: Basic ${b64('admin:<password>')}\n`),
  silent('placeholder', 'ph-table', M, '| 账号 | 密码 |\n|---|---|\n| sa | （见加密移交清单） |\n| aims_app | ****** |\n| nurse | - |\n'),
  silent('placeholder', 'ph-table-policy', M, '| 项目 | 密码策略 |\n|---|---|\n| 长度 | 8 位以上，含大小写 |\n'),
  silent('placeholder', 'ph-curl-env', M, 'curl -u admin:$API_PASS http://10.0.0.5/api\n'),
  silent('placeholder', 'ph-long-env', M, 'mongodump --username admin --password "$MONGO_PWD"\n'),
  silent('placeholder', 'ph-url', M, 'psql postgresql://user:password@host/db\n'),
  silent('placeholder', 'ph-comment', Y, '# 密码：见加密移交清单 records/handover/aims.sops.yaml\nid: T-1\n'),
  silent('placeholder', 'ph-docker', M, 'docker login -u admin -p "$REGISTRY_PASSWORD" registry.local\n'),
  // 18-digit numbers without a valid checksum
  silent('bad-checksum', 'id-wrong-check', Y, `note: 流水 ${withWrongCheck(idA)}\n`),
  silent('bad-checksum', 'id-wrong-check-grouped', M, `编号 ${group(withWrongCheck(idB), [6, 8, 4])}\n`),
  silent('bad-checksum', 'card-wrong-luhn', M, `订单号 ${withoutLuhn('622200001234567')}\n`),
  silent('bad-checksum', 'card-wrong-luhn-19', M, `交易流水 ${withoutLuhn('621700001234567890')}\n`),
  // ticket ids, dates, IPs, timestamps
  silent('ticket-id', 'ticket-dashed', Y, 'id: T-20261130-0001\nrelated: [INC20261130000123, SR-2026-000123]\n'),
  silent('ticket-id', 'ticket-long', M, '工单号 202611300001234 已关闭。\n'),
  silent('date', 'dates', Y, 'reported_at: "2026-11-30T13:45:00+08:00"\nday: 2026年11月30日\ncompact: 20261130\n'),
  silent('date', 'timestamp-ms', M, '日志时间戳 1764489600000 对应 2026-11-30。\n'),
  silent('ip', 'ips', M, '数据库 10.20.9.11，备机 192.168.100.138，网关 172.16.13.8\n'),
  // prose that mentions the labels
  silent('prose', 'prose-password', M, '修改密码的步骤见第三节。密码长度不少于 8 位，口令复杂度：大写+小写+数字。\n'),
  silent('prose', 'prose-password-en', M, 'The password policy requires 12 characters; reset the password via the portal.\n'),
  silent('prose', 'prose-mrn', M, '住院号字段长度为 12 位，病案号规则：年份+6位流水。\n'),
  silent('prose', 'prose-patient', M, '患者安全第一。患者信息、患者列表在左侧。患者高热不退时通知医生。患者于术中出现低血压。\n'),
  silent('prose', 'prose-patient-2', M, '病人常规监测项目包括血压、心率。患者张口困难时改用鼻导管。患者严重过敏史需标注。\n'),
  silent('prose', 'prose-bed', M, 'ICU 共 12床 监护仪均已联网。5床 呼吸机报警后已恢复。3 床 高流量吸氧设备正常。\n'),
  silent('prose', 'prose-commands', M, 'net user 命令可查看账户。CREATE USER 语句示例见附录。Authorization 头使用 Basic 认证。\n'),
  silent('prose', 'prose-sha', M, '密码 SHA256 加密后存储，传输使用 TLS1.2。\n'),
  silent('prose', 'prose-connect', M, 'connect TCP/IP 之后再 exp/imp 数据。\n'),
  silent('prose', 'prose-integrated', M, 'sqlcmd -S . -E -Q "select @@version"\n'),
  silent('prose', 'prose-data-dictionary', Y, 'fields:\n  - name: patient_id\n    label: 患者ID\n    type: varchar(20)\n'),
  silent('prose', 'prose-serial', M, '序列号 SN13800001234567 的监护仪已返厂。\n'),
  silent('prose', 'prose-heading-slash', M, '## ICIS/AIMS2.0 升级说明\n'),
  silent('prose', 'prose-patient-3', M, '患者安静入睡后再调整参数。患者胡言乱语时评估谵妄。病人方可下床活动。\n'),
  silent('prose', 'prose-ports', M, 'ssh -p2222 ops@10.0.0.5\ndocker run -p8080:80 aims-web\nmkdir -p /opt/aims\ntar -pczf aims.tgz /opt/aims\n'),
  silent('prose', 'prose-prompts', M, 'psql -h 10.0.0.9 -U his -W\nrman target /\necho "$PW" | docker login --password-stdin registry.local\n'),
  silent('prose', 'prose-comment-path', Y, '# 参见 docs/aims/Install-Guide_v2.md 与 https://example.org/Path/To2x!\nid: T-1\n'),
  silent('prose', 'prose-staff', Y, 'contact:\n  联系人姓名: 王伟\n'),
];
