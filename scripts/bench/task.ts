/**
 * One benchmark task in a fresh process: prints `{ "ms", "maxRssMb", ... }`.
 * Timing starts after imports, so every task pays the same start-up.
 * Usage: tsx scripts/bench/task.ts <floor|validate|validate-scan|ajv-plain|sla-compliance> <kbRoot>
 */
import fs from 'node:fs';
import path from 'node:path';
import { parseDocument, parse } from 'yaml';
import { listRecordFiles, loadKnowledgeBase, validateKind, kindOfRecordPath } from '../records/index.js';

const [task, root] = [process.argv[2], path.resolve(process.argv[3] ?? '.')];
const t0 = performance.now();
const extra: Record<string, unknown> = {};

if (task === 'floor') {
  // the floor: walk, read every file, parse it with `yaml` (same process style as the loader)
  let n = 0;
  const files = listRecordFiles(root).filter((f) => f.endsWith('.yaml'));
  for (const f of files) {
    parseDocument(fs.readFileSync(path.join(root, f), 'utf8'));
    n++;
  }
  extra.files = n;
} else if (task === 'validate' || task === 'validate-scan') {
  const kb = await loadKnowledgeBase(root);
  extra.files = kb.fileCount;
  extra.errors = kb.diagnostics.filter((d) => d.severity === 'error').length;
  if (task === 'validate-scan') {
    const { scanKnowledgeBase } = await import('../guard/index.js');
    extra.guardFindings = (await scanKnowledgeBase(root)).length;
  }
} else if (task === 'ajv-plain') {
  // a plain script: read, parse, validate each file with ajv (schema compiled once), no positions or rules
  let bad = 0;
  for (const f of listRecordFiles(root).filter((x) => x.endsWith('.yaml'))) {
    const kind = kindOfRecordPath(f.slice('records/'.length));
    if (!kind) continue;
    if (validateKind(kind, parse(fs.readFileSync(path.join(root, f), 'utf8'))).length) bad++;
  }
  extra.invalid = bad;
} else if (task === 'sla-compliance') {
  const kb = await loadKnowledgeBase(root);
  const tLoaded = performance.now();
  const { computeSla } = await import('../sla/index.js');
  const { evaluateCompliance, gatherEvidence } = await import('../compliance/index.js');
  const asOf = Date.parse('2026-11-26T12:00:00+08:00');
  // Like `opsbook build`: the evidence from outside records/ (the full privacy
  // guard scan, manuals, hand-over outlines) is gathered once per run and
  // shared by every period, not re-scanned per period.
  const evidence = await gatherEvidence(kb, root, () => {});
  const tEvidence = performance.now();
  let tickets = 0;
  for (const p of kb.contract?.service_periods ?? []) {
    tickets += computeSla(kb, { periodId: p.id, asOf }).tickets.length;
    await evaluateCompliance(kb, { periodId: p.id, asOf, root, evidence });
  }
  extra.loadMs = Math.round(tLoaded - t0);
  extra.evidenceMs = Math.round(tEvidence - tLoaded);
  extra.computeMs = Math.round(performance.now() - tLoaded);
  extra.tickets = tickets;
} else {
  process.stderr.write(`unknown task ${String(task)}\n`);
  process.exit(2);
}
const ms = performance.now() - t0;
process.stdout.write(`${JSON.stringify({ task, ms: Math.round(ms), maxRssMb: Math.round(process.resourceUsage().maxRSS / 1024), ...extra })}\n`);
