import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadKnowledgeBase } from '../records/index.js';
import { declaredDatabase } from '../records/rules/declared-database.js';
import { checkDeclaredFacts, checkManifestEngines, checkManualText } from './check-declared-facts.js';

const ROOT = path.resolve(import.meta.dirname, '..', '..');
const ORACLE = declaredDatabase({ engine: 'Oracle', version: '19c' })!;

describe('one declaration per fact outside records/', () => {
  it('the demo knowledge base agrees with itself (contract, dictionaries, hand-over manifests, manuals)', async () => {
    const kb = await loadKnowledgeBase(ROOT);
    expect(kb.diagnostics.filter((d) => d.rule === 'declared-database')).toEqual([]);
    expect(await checkDeclaredFacts(ROOT, kb)).toEqual([]);
  });

  it('a manual\'s front matter that disagrees is an error at its line; a mention in the text a warning at its place', () => {
    const text = '---\ntitle: 系统概述\ndatabase: SQL Server 2019\n---\n\n# 概述\n\n```mermaid\nflowchart TB\n  S --> DB[(Oracle 19c)]\n```\n\n从 SQL Server 2016 迁移而来。\n';
    expect(checkManualText('docs/icis/index.md', text, ORACLE, 'icis').map((d) => [d.line, d.column, d.severity, d.message.split(',')[0]])).toEqual([
      [3, 1, 'error', 'Unexpected front matter `database: SQL Server 2019`'],
      [13, 3, 'warning', 'This icis page names `SQL Server 2016`'],
    ]);
    expect(checkManualText('docs/icis/index.md', '---\ndatabase: Oracle 19c\n---\n# x\n', ORACLE, 'icis')).toEqual([]);
  });

  it('a hand-over manifest whose clear engine disagrees is an error at that line', () => {
    const text = 'system: icis\ndatabases:\n  - name: ICISDB\n    engine: SQL Server 2019\n    accounts: []\n  - name: LOGDB\n    engine: Oracle 19c\n';
    const found = checkManifestEngines('records/handover/icis.sops.yaml', text, ['SQL Server 2019', 'Oracle 19c'], ORACLE, 'icis');
    expect(found.map((d) => [d.line, d.column, d.message.split(' in ')[0]])).toEqual([[4, 5, 'Unexpected engine `SQL Server 2019`']]);
  });
});
