/**
 * `opsbook build`'s site step reuses the pipeline's load and results
 * (site/engines.ts `reuseResults`): the generated pages are the same files
 * `site generate` writes on its own, and nothing is computed twice (the
 * fallback engines throw if called).
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestRepo, type TestRepo } from '../git/test-repo.js';
import { REPO_ROOT } from '../testing/run-cli.js';
import { generatePages } from '../site/generate-pages.js';
import { loadEngines, reuseResults, type Engines } from '../site/engines.js';
import { runPipeline, type PipelineResult } from './run-pipeline.js';

const FIXTURE = path.join(REPO_ROOT, 'scripts/reports/fixtures/ok-kb');
const AS_OF = Date.parse('2026-11-26T12:00:00+08:00');
const HOSPITAL = 'id: P-it-a\nname: 测试信息科乙\norganisation: hospital\nrole: it\n';
// a hand-over whose digest no longer matches (suspect) and one of a report the KB owes (due otherwise)
const DELIVERY = 'id: DLV-maintenance-T-20260210-01\nkind: maintenance\nreport_id: T-20260210-01\ndelivered_at: 2026-02-12\nacknowledged_by: P-it-a\ninput_digest: sha256:0000000000000000000000000000000000000000000000000000000000000000\n';

function fixtureFiles(): Record<string, string> {
  const out: Record<string, string> = {};
  const walk = (dir: string) => {
    for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
      const full = path.join(dir, e.name);
      if (e.isDirectory()) walk(full);
      else out[path.relative(FIXTURE, full).split(path.sep).join('/')] = fs.readFileSync(full, 'utf8');
    }
  };
  walk(FIXTURE);
  return out;
}

/** Every generated file under docs/, by path. */
function generated(root: string): Map<string, string> {
  const out = new Map<string, string>();
  const walk = (dir: string) => {
    if (!fs.existsSync(dir)) return;
    for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
      const full = path.join(dir, e.name);
      if (e.isDirectory()) walk(full);
      else if (full.includes(`${path.sep}generated${path.sep}`)) out.set(path.relative(root, full), fs.readFileSync(full, 'utf8'));
    }
  };
  walk(path.join(root, 'docs'));
  return out;
}

let repo: TestRepo;
let res: PipelineResult;
let outDir: string;
beforeAll(async () => {
  repo = createTestRepo();
  // with a docs/ folder from the start: the manual checks (S-8, HO-1) judge a KB without one not applicable, and the
  // first generatePages creates docs/…/generated, so a KB without docs/ would be judged differently on the second run
  repo.commit({
    ...fixtureFiles(), 'records/people/P-it-a.yaml': HOSPITAL, 'records/deliveries/2026/DLV-maintenance-T-20260210-01.yaml': DELIVERY,
    'docs/aims/faq.md': '# 常见问题\n\n暂无。\n',
  }, { date: '2026-06-10T10:00:00+08:00' });
  outDir = fs.mkdtempSync(path.join(os.tmpdir(), 'opsbook-pipeline-site-'));
  res = await runPipeline(repo.dir, { asOf: AS_OF, skipReports: true, outDir });
  expect(res.ok, JSON.stringify(res.diagnostics?.filter((d) => d.severity === 'error'))).toBe(true);
}, 120_000);
afterAll(() => {
  repo?.cleanup();
  if (outDir) fs.rmSync(outDir, { recursive: true, force: true });
});

describe('the site step of build reuses the pipeline', () => {
  it('judges every owed report once: the periods built are a part of it', () => {
    expect(res.allDeliveries?.length).toBeGreaterThan(0);
    expect(res.allDeliveries!.some((r) => r.id === 'T-20260210-01' && r.state === 'suspect')).toBe(true);
    const ids = new Set(res.periods.map((p) => p.id));
    expect(res.deliveries).toEqual(res.allDeliveries!.filter((r) => r.period !== null && ids.has(r.period)));
  });

  it('computes nothing again and writes the pages `site generate` writes on its own', async () => {
    const refuse = (what: string) => async (): Promise<never> => {
      throw new Error(`${what} computed again`);
    };
    const real = await loadEngines();
    const base: Engines = { ...real, sla: refuse('SLA'), compliance: refuse('compliance'), deliveries: refuse('deliveries') };
    const engines = await reuseResults(base, { kb: res.kb!, asOf: AS_OF, periods: res.periods, deliveries: res.allDeliveries });
    const reused = await generatePages(repo.dir, { asOf: AS_OF, kb: res.kb, engines });
    expect(reused.warnings).toEqual([]);
    const pages = generated(repo.dir);
    expect(pages.get('docs/general/generated/deliveries.md')).toMatch(/T-20260210-01/);
    expect(pages.get('docs/general/generated/sla-dashboard.md')).toMatch(/T-20260210-01|Y\d|服务期/);

    // on its own: its own load and the real engines; every page comes out byte-identical
    const alone = await generatePages(repo.dir, { asOf: AS_OF });
    expect(alone.changed).toEqual([]);
    expect(alone.removed).toEqual([]);
    expect(generated(repo.dir)).toEqual(pages);
  }, 120_000);

  it('falls back to the engines for what was not computed (another as-of, another period)', async () => {
    const calls: string[] = [];
    const base: Engines = {
      handoverOutline: async () => {
        throw new Error('not used');
      },
      sla: async (_kb, id) => (calls.push(`sla ${id}`), res.periods[0]!.sla),
      compliance: async (_kb, _root, id) => (calls.push(`compliance ${id}`), res.periods[0]!.compliance),
      deliveries: async () => (calls.push('deliveries'), []),
    };
    const engines = await reuseResults(base, { kb: res.kb!, asOf: AS_OF, periods: res.periods.slice(0, 1), deliveries: res.allDeliveries });
    const [first] = res.periods;
    await engines.sla!(res.kb!, first!.id, AS_OF);
    await engines.compliance!(res.kb!, repo.dir, first!.id, AS_OF);
    await engines.deliveries!(res.kb!, AS_OF);
    expect(calls).toEqual([]);
    await engines.sla!(res.kb!, 'no-such-period', AS_OF);
    await engines.compliance!(res.kb!, repo.dir, first!.id, AS_OF + 1);
    await engines.deliveries!(res.kb!, AS_OF + 1);
    expect(calls).toEqual(['sla no-such-period', `compliance ${first!.id}`, 'deliveries']);
  });
});
