import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { loadKnowledgeBase } from '../index.js';
import { agrees, baseType, databaseMentions, declaredDatabase } from './declared-database.js';

const dirs: string[] = [];
afterEach(() => {
  for (const d of dirs.splice(0)) fs.rmSync(d, { recursive: true, force: true });
});

function kb(files: Record<string, string>): string {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'opsbook-dbrule-'));
  dirs.push(root);
  for (const [rel, text] of Object.entries(files)) {
    fs.mkdirSync(path.dirname(path.join(root, rel)), { recursive: true });
    fs.writeFileSync(path.join(root, rel), text);
  }
  return root;
}

const CONTRACT = `id: HT-1
customer: 医院
vendor: 供应商
systems:
  icis:
    name: 重症监护信息系统
    version: "3.1"
    database: { engine: Oracle, version: 19c }
service_periods:
  - { id: Y1, start: 2025-12-01, end: 2026-11-30 }
sla:
  severities:
    "1": { response: PT5M, onsite_after_remote_fails: PT12H, channels: [phone], notify: [product_team, senior_manager] }
    A: { response: PT5M, onsite_after_remote_fails: PT12H, channels: [phone], notify: [senior_manager] }
    B: { response: PT1H, channels: [phone, web, email] }
    C: { response: PT2H, channels: [phone, web, email] }
  fault_response: PT30M
  complex_onsite: PT24H
  onsite_clock: onsite_requested
  report_due_working_days: 10
  onsite_inspections_per_quarter: 1
  database_inspections_per_period: 2
`;
const dd = (database: string, type: string) => `id: DD-icis
system: icis
version: "3.1"
database: ${database}
tables:
  - name: ICU_ADMISSION
    title: 入科登记
    columns:
      - name: ADMIT_AT
        type: ${type}
        title: 入科时间
`;

describe('declared-database rule', () => {
  it('accepts a dictionary that names only the database, with the engine\'s types', async () => {
    const root = kb({ 'records/contract.yaml': CONTRACT, 'records/data-dictionary/DD-icis.yaml': dd('ICISDB', 'TIMESTAMP(6) WITH TIME ZONE') });
    const res = await loadKnowledgeBase(root);
    expect(res.diagnostics.filter((d) => d.rule === 'declared-database')).toEqual([]);
  });

  it('reports another engine at the field (error) and another engine\'s column types (warning)', async () => {
    const root = kb({ 'records/contract.yaml': CONTRACT, 'records/data-dictionary/DD-icis.yaml': dd('ICIS（SQL Server 2019）', 'datetime') });
    const res = await loadKnowledgeBase(root);
    const found = res.diagnostics.filter((d) => d.rule === 'declared-database').map((d) => [d.path, d.line, d.severity, d.message.split(' (')[0]]);
    expect(found).toEqual([
      ['records/data-dictionary/DD-icis.yaml', 4, 'error', 'Unexpected database `SQL Server 2019`, expected Oracle 19c as records/contract.yaml declares in systems.icis.database'],
      ['records/data-dictionary/DD-icis.yaml', 10, 'warning', 'Unexpected column type `datetime` for Oracle 19c'],
    ]);
  });

  it('reports the same engine with another version; says nothing when the contract declares no database', async () => {
    const wrongVersion = await loadKnowledgeBase(kb({ 'records/contract.yaml': CONTRACT, 'records/data-dictionary/DD-icis.yaml': dd('Oracle 12c / ICISDB', 'DATE') }));
    expect(wrongVersion.diagnostics.filter((d) => d.rule === 'declared-database').map((d) => d.severity)).toEqual(['error']);
    const undeclared = await loadKnowledgeBase(kb({ 'records/contract.yaml': CONTRACT.replace('    database: { engine: Oracle, version: 19c }\n', ''), 'records/data-dictionary/DD-icis.yaml': dd('SQL Server 2019', 'datetime') }));
    expect(undeclared.diagnostics.filter((d) => d.rule === 'declared-database')).toEqual([]);
  });
});

describe('database vocabulary', () => {
  it('finds engines and their versions in free text, not Oracle Linux', () => {
    expect(databaseMentions('库 SQL Server 2019 Standard 与 Microsoft SQL Server（2016）').map((m) => [m.engine, m.version])).toEqual([['sqlserver', '2019'], ['sqlserver', '2016']]);
    expect(databaseMentions('Oracle Database 19c 运行在 Oracle Linux 8 上').map((m) => [m.engine, m.version])).toEqual([['oracle', '19c']]);
    expect(databaseMentions('达梦 DM8、PostgreSQL 15、MySQL').map((m) => m.engine)).toEqual(['dameng', 'postgresql', 'mysql']);
  });
  it('agrees on engine, and on version when one is named (19.3 is 19c)', () => {
    const decl = declaredDatabase({ engine: 'Oracle', version: '19c' })!;
    expect(agrees(decl, { engine: 'oracle', version: null })).toBe(true);
    expect(agrees(decl, { engine: 'oracle', version: '19.3.0' })).toBe(true);
    expect(agrees(decl, { engine: 'oracle', version: '12c' })).toBe(false);
    expect(agrees(decl, { engine: 'sqlserver', version: '2019' })).toBe(false);
  });
  it('reads a column type\'s base name', () => {
    expect(['varchar(32)', 'NUMBER(10,3)', 'TIMESTAMP WITH TIME ZONE', 'double precision'].map(baseType)).toEqual(['varchar', 'number', 'timestamp', 'double']);
  });
});
