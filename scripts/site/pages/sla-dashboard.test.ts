import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { loadKnowledgeBase, type KnowledgeBase } from '../../records/index.js';
import { evaluateCompliance } from '../../compliance/index.js';
import { computeSla, type SlaResult } from '../../sla/index.js';
import { parseInstant } from '../../shared/time.js';
import { buildReport } from '../../reports/catalog.js';
import { fixedProvenance } from '../../reports/provenance.js';
import { dashboardMonths, slaDashboardPage } from './sla-dashboard.js';

const ROOT = path.resolve(import.meta.dirname, '..', '..', 'reports', 'fixtures', 'ok-kb');
const AS_OF = parseInstant('2026-11-26T12:00:00+08:00');
let kb: KnowledgeBase;
let sla: SlaResult;

beforeAll(async () => {
  kb = await loadKnowledgeBase(ROOT);
  sla = computeSla(kb, { periodId: 'Y1', asOf: AS_OF });
});

const systemsOf = (k: KnowledgeBase) => Object.entries(k.contract?.systems ?? {}).map(([id, s]) => ({ id, name: s.name }));

describe('SLA dashboard charts', () => {
  it('come with a dark variant each (same drawing, other colours), shown by theme', () => {
    const page = slaDashboardPage(sla, null, undefined, systemsOf(kb));
    expect(page.charts.map((c) => c.file)).toEqual(['monthly', 'severity', 'response'].flatMap((k) => [`charts/sla-Y1-${k}.svg`, `charts/sla-Y1-${k}.dark.svg`]));
    expect(page.markdown).toContain('(./charts/sla-Y1-monthly.dark.svg#gh-dark-mode-only)');
  });

  it('are the annual report\'s charts for the same period, from the same SLA result', async () => {
    expect(sla.tickets.length).toBeGreaterThan(0);
    const charts = slaDashboardPage(sla, null, undefined, systemsOf(kb)).charts.filter((c) => !c.file.endsWith('.dark.svg'));
    const report = buildReport({ kb, asOf: AS_OF, provenance: fixedProvenance(null, new Map()) }, 'annual', 'Y1', { sla, compliance: await evaluateCompliance(kb, { periodId: 'Y1', asOf: AS_OF, root: ROOT }) });
    const byKind = (name: string) => name.replace(/^.*-(\w+)(\.svg)?$/, '$1');
    expect(charts.map((c) => c.file)).toEqual(['charts/sla-Y1-monthly.svg', 'charts/sla-Y1-severity.svg', 'charts/sla-Y1-response.svg']);
    const annual = new Map(report.charts.map((c) => [byKind(c.name), c.svg]));
    for (const c of charts) expect(c.svg, c.file).toBe(annual.get(byKind(c.file)));
  });

  it('count every ticket of the period once in each chart', () => {
    const charts = slaDashboardPage(sla, null, undefined, systemsOf(kb)).charts.filter((c) => !c.file.endsWith('.dark.svg'));
    const bars = (svg: string) => [...svg.matchAll(/<text [^>]*fill="#222">(\d+)<\/text>/g)].reduce((a, m) => a + Number(m[1]), 0);
    expect(bars(charts[0]!.svg)).toBe(sla.tickets.length);
    expect(charts[1]!.svg).toContain(`>${sla.tickets.length}</text>`);
    expect(bars(charts[2]!.svg)).toBe(sla.tickets.filter((t) => t.responseMinutes !== null).length);
  });

  it('months run from the period start to the as-of month, never past the period end', () => {
    const r = (asOf: string) => dashboardMonths({ ...sla, asOf, tickets: [] });
    expect(r('2026-03-02T09:00:00+08:00')).toEqual(['2025-12', '2026-01', '2026-02', '2026-03']);
    expect(r('2027-05-01T09:00:00+08:00')).toHaveLength(12);
    expect(r('2027-05-01T09:00:00+08:00').at(-1)).toBe('2026-11');
  });

  it('no charts and a note for a period without tickets', () => {
    const empty = { ...sla, tickets: [], bySeverity: {} };
    const page = slaDashboardPage(empty, null, undefined, systemsOf(kb));
    expect(page.charts).toEqual([]);
    expect(page.markdown).toContain('本期尚无服务请求，不绘制图表。');
    expect(page.markdown).not.toContain('![');
  });
});

describe('per-ticket clocks beside a verdict', () => {
  // the level-1 ticket answered 5 min 2 s after its report (limit PT5M), judged by the real SLA engine
  const late = (responded: string) => {
    const tickets = kb.tickets.map((t) => (t.id === 'T-20260103-01' ? { ...t, responded_at: responded } : t));
    return computeSla({ ...kb, tickets } as KnowledgeBase, { periodId: 'Y1', asOf: AS_OF });
  };
  const row = (md: string, id: string) => md.split('\n').find((l) => l.startsWith(`| ${id} `));

  it('show the response time to the second, as the reports do: never “5 分钟” next to 超时', () => {
    const r = late('2026-01-03T02:15:02+08:00');
    expect(r.tickets.find((t) => t.id === 'T-20260103-01')?.response).toBe('breached');
    const line = row(slaDashboardPage(r, null, undefined, systemsOf(kb)).markdown, 'T-20260103-01');
    expect(line).toContain('5 分钟 2 秒');
    expect(line).toContain('超时');
    expect(line).not.toMatch(/\| 5 分钟 \|/);
  });

  it('a whole-minute breach reads in minutes, a breach by a fraction of a second shows it', () => {
    expect(row(slaDashboardPage(late('2026-01-03T02:16:00+08:00'), null, undefined, systemsOf(kb)).markdown, 'T-20260103-01')).toMatch(/\| 6 分钟 \|/);
    const line = row(slaDashboardPage(late('2026-01-03T02:15:00.400+08:00'), null, undefined, systemsOf(kb)).markdown, 'T-20260103-01');
    expect(line).toContain('5 分钟 0.4 秒');
    expect(line).toContain('超时');
  });
});
