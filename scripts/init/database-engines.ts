/**
 * Database engines a hospital system commonly runs on, with the example
 * commands the O&M manual skeleton offers for stopping, starting, backing up
 * and restoring each (the vendor edits them to the site's real names).
 * Matching is by keyword, so `SQL Server 2019`, `mssql` and `sqlserver` all
 * pick the SQL Server snippets; an unknown engine gets neutral instructions.
 */

export interface EngineSnippets {
  /** Engine family, e.g. SQL Server. */
  label: string;
  /** Code-block language of the commands. */
  lang: string;
  stop: string;
  start: string;
  backup: string;
  restore: string;
  /** Where its error log usually is. */
  log: string;
}

interface EngineEntry extends EngineSnippets {
  key: string;
  /** Lower-case keywords that identify it in free text. */
  match: RegExp;
}

const ENGINES: EngineEntry[] = [
  {
    key: 'sqlserver', label: 'SQL Server', lang: 'powershell', match: /sql\s*server|mssql|sqlserver/i,
    stop: "Stop-Service -Name 'SQLSERVERAGENT'\nStop-Service -Name 'MSSQLSERVER'",
    start: "Start-Service -Name 'MSSQLSERVER'\nStart-Service -Name 'SQLSERVERAGENT'",
    backup: "sqlcmd -S localhost -E -Q \"BACKUP DATABASE [<数据库名>] TO DISK = N'D:\\Backup\\<数据库名>_full.bak' WITH CHECKSUM, COMPRESSION, INIT\"",
    restore: "sqlcmd -S localhost -E -Q \"RESTORE DATABASE [<数据库名>] FROM DISK = N'D:\\Backup\\<数据库名>_full.bak' WITH REPLACE, RECOVERY, STATS = 10\"",
    log: 'SQL Server 错误日志：`<实例目录>\\MSSQL\\Log\\ERRORLOG`',
  },
  {
    key: 'oracle', label: 'Oracle', lang: 'bash', match: /oracle/i,
    stop: 'sqlplus / as sysdba <<EOF\nSHUTDOWN IMMEDIATE\nEOF\nlsnrctl stop',
    start: 'lsnrctl start\nsqlplus / as sysdba <<EOF\nSTARTUP\nEOF',
    backup: "rman target / <<EOF\nBACKUP DATABASE PLUS ARCHIVELOG;\nEOF",
    restore: "rman target / <<EOF\nSTARTUP MOUNT;\nRESTORE DATABASE;\nRECOVER DATABASE;\nALTER DATABASE OPEN;\nEOF",
    log: 'Oracle 告警日志：`$ORACLE_BASE/diag/rdbms/<库名>/<实例名>/trace/alert_<实例名>.log`',
  },
  {
    key: 'mysql', label: 'MySQL', lang: 'bash', match: /mysql|mariadb/i,
    stop: 'systemctl stop mysqld',
    start: 'systemctl start mysqld',
    backup: 'mysqldump --single-transaction --routines --triggers -u <备份账号> -p <数据库名> | gzip > /backup/<数据库名>_$(date +%F).sql.gz',
    restore: 'gunzip -c /backup/<数据库名>_<日期>.sql.gz | mysql -u <账号> -p <数据库名>',
    log: 'MySQL 错误日志：`/var/log/mysqld.log`（以 `my.cnf` 中 `log_error` 为准）',
  },
  {
    key: 'postgresql', label: 'PostgreSQL', lang: 'bash', match: /postgre|pgsql/i,
    stop: 'systemctl stop postgresql',
    start: 'systemctl start postgresql',
    backup: 'pg_dump -Fc -U <备份账号> -f /backup/<数据库名>_$(date +%F).dump <数据库名>',
    restore: 'pg_restore --clean --if-exists -U <账号> -d <数据库名> /backup/<数据库名>_<日期>.dump',
    log: 'PostgreSQL 日志：数据目录下的 `log/`（以 `postgresql.conf` 中 `log_directory` 为准）',
  },
  {
    key: 'dameng', label: '达梦', lang: 'bash', match: /达梦|dameng|\bdm\s*\d/i,
    stop: 'systemctl stop DmServiceDMSERVER',
    start: 'systemctl start DmServiceDMSERVER',
    backup: "disql SYSDBA/<密码>@localhost:5236 -e \"BACKUP DATABASE FULL BACKUPSET '/backup/full_$(date +%F)';\"",
    restore: "dmrman CTLSTMT=\"RESTORE DATABASE '/dm/data/DAMENG/dm.ini' FROM BACKUPSET '/backup/full_<日期>'\"\ndmrman CTLSTMT=\"RECOVER DATABASE '/dm/data/DAMENG/dm.ini' FROM BACKUPSET '/backup/full_<日期>'\"",
    log: '达梦运行日志：安装目录下的 `log/`',
  },
  {
    key: 'kingbase', label: '人大金仓', lang: 'bash', match: /金仓|kingbase/i,
    stop: 'sys_ctl stop -D <数据目录>',
    start: 'sys_ctl start -D <数据目录>',
    backup: 'sys_dump -Fc -U system -f /backup/<数据库名>_$(date +%F).dump <数据库名>',
    restore: 'sys_restore --clean -U system -d <数据库名> /backup/<数据库名>_<日期>.dump',
    log: 'KingbaseES 日志：数据目录下的 `sys_log/`',
  },
];

/** Engine names offered when prompting (value = what is written to the contract). */
export const ENGINE_CHOICES = ['SQL Server', 'Oracle', 'MySQL', 'PostgreSQL', '达梦', '人大金仓', 'openGauss'] as const;

const GENERIC: EngineSnippets = {
  label: '数据库', lang: 'text',
  stop: '<按数据库厂商文档停止数据库服务>',
  start: '<按数据库厂商文档启动数据库服务>',
  backup: '<全量备份命令：备份到哪里、保留多久、如何校验>',
  restore: '<从全量备份恢复的命令>',
  log: '数据库错误日志：<路径>',
};

/** The snippets for an engine named in free text (e.g. "SQL Server"); neutral ones when unknown or absent. */
export function engineSnippets(database: string | undefined): EngineSnippets {
  if (!database) return GENERIC;
  const hit = ENGINES.find((e) => e.match.test(database));
  return hit ?? { ...GENERIC, label: database };
}
