import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { loadKnowledgeBase, type KnowledgeBase } from '../records/index.js';
import { buildReport, dueReports } from '../reports/catalog.js';
import { reportContext } from '../reports/write-reports.js';
import { computeSla } from '../sla/index.js';
import { evaluateCompliance } from '../compliance/index.js';
import { reportToMarkdown } from '../reports/to-markdown.js';
import type { ReportContext } from '../reports/report-types.js';
import { parseInstant } from '../shared/time.js';
import { REPO_ROOT } from '../testing/run-cli.js';
import { buildForDigest, currentDigest, lazyProvenance, reportInputs } from './report-digest.js';

const AS_OF = parseInstant('2026-11-30T18:00:00+08:00');

// The digest of a delivered report is computed from a per-record view of the KB (fast at scale);
// it must be what the report built against the whole KB prints.
describe.each([
  ['the reports fixture', path.join(REPO_ROOT, 'scripts/reports/fixtures/ok-kb')],
  ['the demo knowledge base', REPO_ROOT],
])('report digests on %s', (_name, root) => {
  let kb: KnowledgeBase;
  let full: ReportContext;
  beforeAll(async () => {
    kb = await loadKnowledgeBase(root);
    full = reportContext(kb, AS_OF);
  });

  it('a per-record view gives every report the same inputs and Markdown as the whole knowledge base', async () => {
    const ctx = { kb, asOf: AS_OF, provenance: full.provenance };
    const due = dueReports(kb, AS_OF).filter((d) => d.kind !== 'annual');
    expect(due.length).toBeGreaterThan(3);
    for (const d of due) {
      const whole = buildReport(full, d.kind, d.id, undefined);
      const view = await buildForDigest(ctx, d.kind, d.id);
      expect(view.inputs, `${d.kind} ${d.id}`).toEqual(whole.inputs);
      // the digest asks the builders' inputs rule without building the report
      expect(await reportInputs(ctx, d.kind, d.id), `${d.kind} ${d.id}`).toEqual(whole.inputs);
      expect(reportToMarkdown(view.tree), `${d.kind} ${d.id}`).toBe(reportToMarkdown(whole.tree));
    }
  });

  it('an annual report’s digest (inputs only: no Git audit) is the one the full report prints', async () => {
    const ctx = { kb, asOf: AS_OF, provenance: lazyProvenance(kb) };
    // the report as rendered: with its period's SLA, compliance and an audit finding about one of its tickets
    const t = kb.tickets[0]!;
    const analyses = {
      sla: computeSla(kb, { periodId: 'Y1', asOf: AS_OF }),
      compliance: await evaluateCompliance(kb, { periodId: 'Y1', asOf: AS_OF, root, evidence: { manuals: [], guard: [], handover: [] } }),
      audit: [{ record: t.id, kind: 'late-entry' as const, field: 'reported_at', commit: 'abcdef1234567', date: '2026-02-01T10:00:00+08:00', days: 29, message: 'late', author: '工程师甲', email: 'eng-a@example.invalid', path: kb.byId.get(t.id)!.path }],
    };
    const printed = /输入记录摘要 \| (sha256:[0-9a-f]{64})/.exec(reportToMarkdown(buildReport(full, 'annual', 'Y1', analyses as never).tree))?.[1];
    expect(printed).toBeDefined();
    expect(await currentDigest(ctx, 'annual', 'Y1')).toBe(printed);
  });

  it('the digest is the 输入记录摘要 the rendered report prints, with bytes read lazily', async () => {
    const ctx = { kb, asOf: AS_OF, provenance: lazyProvenance(kb) };
    for (const d of dueReports(kb, AS_OF)) {
      if (d.kind === 'annual') continue;
      const printed = /输入记录摘要 \| (sha256:[0-9a-f]{64})/.exec(reportToMarkdown(buildReport(full, d.kind, d.id, undefined).tree))?.[1];
      expect(await currentDigest(ctx, d.kind, d.id), `${d.kind} ${d.id}`).toBe(printed);
    }
  });
});
