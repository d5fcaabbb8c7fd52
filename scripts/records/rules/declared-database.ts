/**
 * One declaration per fact: each system's database engine and version is
 * declared once, in the contract (`systems.<system>.database`). Everything
 * else that names it must agree:
 *
 * - this rule: a data dictionary's `database` text, if it names an engine
 *   (error), and its column types, which must be types of that engine (warning:
 *   the tell-tale of a dictionary copied from another database);
 * - scripts/site/check-declared-facts.ts (run by `validate`): the hand-over
 *   manifests' clear `engine` fields and the manuals' front matter (`database:`).
 *
 * The engine vocabulary (names and column types) is data, below.
 */
import type { LoadedRecord } from '../types.js';
import type { RecordRule } from './types.js';

/** A database engine: how texts name it and the base names of its column types (lower case). */
interface EngineSpec {
  id: string;
  label: string;
  names: RegExp;
  types?: readonly string[];
}

const ENGINES: readonly EngineSpec[] = [
  {
    id: 'sqlserver', label: 'SQL Server', names: /(?:microsoft\s+)?sql\s*server|\bmssql\b/i,
    types: ['bigint', 'int', 'smallint', 'tinyint', 'bit', 'decimal', 'numeric', 'money', 'smallmoney', 'float', 'real', 'date', 'time', 'datetime', 'datetime2',
      'datetimeoffset', 'smalldatetime', 'char', 'varchar', 'text', 'nchar', 'nvarchar', 'ntext', 'binary', 'varbinary', 'image', 'uniqueidentifier', 'xml',
      'rowversion', 'timestamp', 'sql_variant', 'geography', 'geometry', 'hierarchyid'],
  },
  {
    id: 'oracle', label: 'Oracle', names: /\boracle(?!\s+(?:linux|jdk|java|cloud|vm\b|virtualbox|solaris))(?:\s+database)?/i,
    types: ['varchar2', 'nvarchar2', 'varchar', 'char', 'nchar', 'number', 'float', 'binary_float', 'binary_double', 'integer', 'int', 'smallint', 'decimal', 'numeric',
      'date', 'timestamp', 'interval', 'clob', 'nclob', 'blob', 'bfile', 'raw', 'long', 'rowid', 'urowid', 'xmltype', 'json', 'boolean'],
  },
  {
    id: 'mysql', label: 'MySQL', names: /\bmysql\b/i,
    types: ['tinyint', 'smallint', 'mediumint', 'int', 'integer', 'bigint', 'decimal', 'numeric', 'float', 'double', 'bit', 'bool', 'boolean', 'date', 'datetime',
      'timestamp', 'time', 'year', 'char', 'varchar', 'binary', 'varbinary', 'tinyblob', 'blob', 'mediumblob', 'longblob', 'tinytext', 'text', 'mediumtext',
      'longtext', 'enum', 'set', 'json', 'geometry'],
  },
  { id: 'mariadb', label: 'MariaDB', names: /\bmariadb\b/i },
  {
    id: 'postgresql', label: 'PostgreSQL', names: /\bpostgre(?:sql|s)\b/i,
    types: ['smallint', 'integer', 'int', 'int2', 'int4', 'int8', 'bigint', 'decimal', 'numeric', 'real', 'double', 'float4', 'float8', 'serial', 'bigserial',
      'smallserial', 'money', 'char', 'character', 'varchar', 'text', 'bytea', 'timestamp', 'timestamptz', 'date', 'time', 'timetz', 'interval', 'boolean', 'bool',
      'uuid', 'json', 'jsonb', 'xml', 'inet', 'cidr'],
  },
  { id: 'dameng', label: '达梦', names: /达梦|\bdm\s?[6-9]\b/i },
  { id: 'kingbase', label: '人大金仓', names: /人大金仓|\bkingbase(?:es)?\b/i },
  { id: 'opengauss', label: 'openGauss', names: /\bopengauss\b|\bgaussdb\b/i },
  { id: 'sqlite', label: 'SQLite', names: /\bsqlite\b/i },
];

/** A database as declared or as named in a text. */
export interface DatabaseMention {
  engine: string;
  label: string;
  /** The version named right after the engine (`2019`, `19c`), if any. */
  version: string | null;
  /** Offset of the mention in the text. */
  index: number;
  text: string;
}

/** Every engine named in a text, with the version that follows it (`SQL Server 2019`, `Oracle Database 19c`). */
export function databaseMentions(text: string): DatabaseMention[] {
  const out: DatabaseMention[] = [];
  for (const spec of ENGINES) {
    const re = new RegExp(spec.names.source, 'gi');
    for (let m = re.exec(text); m; m = re.exec(text)) {
      const after = /^[\s（(]*(\d[\w.]*)/.exec(text.slice(m.index + m[0].length));
      out.push({ engine: spec.id, label: spec.label, version: after?.[1] ?? null, index: m.index, text: `${m[0]}${after ? text.slice(m.index + m[0].length, m.index + m[0].length + after[0].length) : ''}`.trim() });
    }
  }
  // one mention when names of the same engine touch (`达梦 DM8`, `Oracle Database`)
  return out.sort((a, b) => a.index - b.index).filter((m, i, all) => {
    const prev = all[i - 1];
    return !prev || prev.engine !== m.engine || m.index > prev.index + prev.text.length + 1;
  });
}

/** The contract's declaration, as the engine id and version. */
export interface DeclaredDatabase {
  engine: string | null;
  label: string;
  version: string;
  /** `Oracle 19c` */
  text: string;
}

/** Reads a `systems.<system>.database` declaration (engine named freely: "SQL Server", "Microsoft SQL Server", "Oracle"). */
export function declaredDatabase(decl: { engine: string; version: string } | undefined): DeclaredDatabase | null {
  if (!decl) return null;
  const m = databaseMentions(decl.engine)[0];
  return { engine: m?.engine ?? null, label: m?.label ?? decl.engine, version: decl.version, text: `${decl.engine} ${decl.version}` };
}

const norm = (v: string) => v.toLowerCase().replace(/\s+/g, '');
const major = (v: string) => /^\d+/.exec(v)?.[0] ?? v;

/** Whether a mention agrees with the declaration: same engine, and the same version when it names one (`19.3` agrees with `19c`). */
export function agrees(decl: DeclaredDatabase, m: Pick<DatabaseMention, 'engine' | 'version'>): boolean {
  if (decl.engine && m.engine !== decl.engine) return false;
  if (!m.version) return true;
  const a = norm(m.version);
  const b = norm(decl.version);
  return a === b || ((a.includes('.') || b.includes('.')) && major(a) === major(b));
}

/** The engine's type vocabulary, or null when this tool does not know it. */
export function engineTypes(engine: string | null): ReadonlySet<string> | null {
  const spec = ENGINES.find((e) => e.id === engine);
  return spec?.types ? new Set(spec.types) : null;
}

/** Base name of a column type: `varchar(32)` → `varchar`, `TIMESTAMP WITH TIME ZONE` → `timestamp`, `double precision` → `double`. */
export const baseType = (type: string) => type.trim().toLowerCase().split(/[\s(]/)[0] ?? '';

type Systems = Record<string, { database?: { engine: string; version: string } } | undefined>;

export const declaredDatabaseRule: RecordRule = {
  name: 'declared-database',
  description: "data dictionaries agree with the contract's database of their system (engine and version named once, in systems.<system>.database)",
  check(ctx) {
    const contract = ctx.records.find((r) => r.kind === 'contract');
    if (!contract) return;
    const systems = (contract.data as { systems?: Systems }).systems ?? {};
    for (const r of ctx.records) {
      if (r.kind !== 'data_dictionary') continue;
      const dd = (r as LoadedRecord<'data_dictionary'>).data;
      const decl = declaredDatabase(systems[dd.system]?.database);
      if (!decl) continue;
      const where = `as records/contract.yaml declares in systems.${dd.system}.database`;
      if (dd.database) {
        for (const m of databaseMentions(dd.database)) {
          if (!agrees(decl, m)) ctx.report(r, ['database'], `Unexpected database \`${m.text}\`, expected ${decl.text} ${where} (name the engine there only; here the database name, e.g. \`${dd.system.toUpperCase()}DB\`, is enough)`);
        }
      }
      const types = engineTypes(decl.engine);
      if (!types) continue;
      dd.tables.forEach((t, ti) => t.columns.forEach((c, ci) => {
        if (!types.has(baseType(c.type))) {
          ctx.report(r, ['tables', ti, 'columns', ci, 'type'], `Unexpected column type \`${c.type}\` for ${decl.text} (${where}), X`, { severity: 'warning' });
        }
      }));
    }
  },
};
