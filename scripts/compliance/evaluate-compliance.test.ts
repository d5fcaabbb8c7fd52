/**
 * End to end: a tiny KB written to a temp dir (no docs/, no hand-over files),
 * loaded by the real loader, judged by evaluateCompliance and by the
 * `compliance` command (stdout = one JSON document; --strict exit code).
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { stringify } from 'yaml';
import { run } from '../commands/compliance.js';
import { loadKnowledgeBase } from '../records/index.js';
import { parseInstant } from '../shared/time.js';
import { CATALOGUE } from './catalogue.js';
import { EVALUATORS } from './evaluators/index.js';
import { evaluateCompliance } from './evaluate-compliance.js';
import { CONTRACT } from './fixtures/make-kb.js';

const SPEC_IDS = ['M-1', 'M-2', 'S-1', 'S-2', 'S-3', 'S-4', 'S-5', 'S-6', 'S-7', 'S-8', 'R-1', 'R-2', 'I-1', 'I-2', 'D-1', 'D-2', 'L-1', 'L-2', 'SEC-1', 'SEC-2', 'RPT-1', 'RPT-2', 'HO-1'];
let dir: string;

beforeAll(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'opsbook-compliance-'));
  fs.mkdirSync(path.join(dir, 'records/tickets/2026'), { recursive: true });
  fs.writeFileSync(path.join(dir, 'records/contract.yaml'), stringify(CONTRACT));
  const t = { id: 'T-20260302-01', system: 'aims', title: '麻醉记录单无法保存', severity: 'A', category: 'fault', channel: 'web', reported_at: '2026-03-02T10:00:00+08:00', responded_at: '2026-03-02T10:40:00+08:00' };
  fs.writeFileSync(path.join(dir, 'records/tickets/2026/T-20260302-01.yaml'), stringify(t));
});
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

describe('catalogue', () => {
  it('has exactly the clause ids of SPEC §3, each with an evaluator and Chinese text', () => {
    expect(CATALOGUE.map((c) => c.id)).toEqual(SPEC_IDS);
    for (const c of CATALOGUE) {
      expect(EVALUATORS[c.evaluator], c.id).toBeTypeOf('function');
      expect(c.title).toMatch(/[\u4e00-\u9fff]/);
    }
  });
});

describe('evaluateCompliance on a temp-dir KB', () => {
  it('one row per clause; the A ticket via web answered after 40 min breaches L-1 and R-1; no docs/: S-8 n/a with the reason, HO-1 judged on the rest', async () => {
    const kb = await loadKnowledgeBase(dir);
    const r = await evaluateCompliance(kb, { asOf: parseInstant('2026-06-01T12:00:00+08:00'), root: dir, evidence: { guard: [] } });
    expect(r.period.id).toBe('Y1');
    expect(r.clauses.map((c) => c.id)).toEqual(SPEC_IDS);
    const by = Object.fromEntries(r.clauses.map((c) => [c.id, c]));
    expect(by['L-1']!.status).toBe('breached');
    expect(by['L-1']!.findings.map((f) => f.record)).toEqual(['T-20260302-01', 'T-20260302-01']);
    expect(by['R-1']!.status).toBe('breached');
    expect(by['HO-1']!.status).toBe('breached'); // no data dictionary, no hand-over manifest
    expect(by['HO-1']!.findings.map((f) => f.message).join('\n')).not.toContain('手册');
    expect(by['HO-1']!.summary).toContain('标准操作维护手册与用户手册不适用：本知识库没有 docs/ 目录');
    expect(by['S-8']).toMatchObject({ status: 'n/a', findings: [] });
    expect(by['S-8']!.summary).toContain('本知识库没有 docs/ 目录');
    expect(by['RPT-2']!.status).toBe('pending');
    expect(by['SEC-2']!.status).toBe('pending');
    expect(by['S-5']!.status).toBe('breached'); // quarter 1 (2025-12-01..2026-02-28) passed without an inspection
    expect(r.counts.breached).toBeGreaterThan(0);
  });
});

describe('compliance command', () => {
  async function capture(opts: Record<string, unknown>) {
    let out = '';
    let err = '';
    const o = vi.spyOn(process.stdout, 'write').mockImplementation((s) => ((out += String(s)), true));
    const e = vi.spyOn(process.stderr, 'write').mockImplementation((s) => ((err += String(s)), true));
    try {
      const code = await run([], opts, { root: dir, asOf: parseInstant('2026-06-01T12:00:00+08:00'), asOfText: '2026-06-01T12:00:00+08:00', debug: false, interactive: false });
      return { code, out, err };
    } finally {
      o.mockRestore();
      e.mockRestore();
    }
  }
  it('--json prints exactly one JSON document with the SPEC §7 shape', async () => {
    const { code, out } = await capture({ json: true });
    expect(code).toBe(0);
    const doc = JSON.parse(out) as { period: unknown; asOf: string; clauses: { id: string; status: string; evidence: unknown[]; findings: unknown[] }[]; warnings: unknown[] };
    expect(doc.asOf).toBe('2026-06-01T12:00:00+08:00');
    expect(doc.clauses).toHaveLength(23);
    for (const c of doc.clauses) expect(Object.keys(c)).toEqual(expect.arrayContaining(['id', 'status', 'evidence', 'findings', 'title', 'section', 'summary']));
    expect(Array.isArray(doc.warnings)).toBe(true);
  });
  it('--strict exits 1 when a clause is breached; the text output is a table', async () => {
    expect((await capture({ strict: true })).code).toBe(1);
    const { out } = await capture({});
    expect(out).toContain('条款');
    expect(out).toMatch(/L-1 +（二）8 +✖ 违约/);
  });
});
