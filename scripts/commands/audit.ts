/**
 * `opsbook audit [--json]`: Git provenance findings, judged by when values
 * reached the main branch (see scripts/git/README.md). Exit 0 when nothing
 * but migrated records (迁移导入) is found, 1 with findings, 2 when the
 * history is unavailable (KB outside Git, shallow clone, no commits): a
 * shallow clone would make every record look late, so we refuse to guess.
 */
import { cstTimeText } from '../compliance/finding-text.js';
import { UserError } from '../shared/errors.js';
import { AUDIT_KIND_LABEL, label } from '../shared/labels.js';
import { auditKnowledgeBase, compactFindings, type AuditFinding } from '../git/index.js';
import type { GlobalOptions } from './context.js';

/** A finding as `audit --json` prints it: SPEC §7's six keys first, then who, when and the details. */
export function findingJson(f: AuditFinding): Record<string, unknown> {
  const { record, kind, field, commit, author, message, committer, authorEmail, committerEmail, authorDate, committerDate, landedIn, landedAt, pending, inMerge, severity, path, old, new: neu, days, signature, baseline } = f;
  return {
    record, kind, field, commit, author, message,
    committer, authorEmail, committerEmail, authorDate, committerDate, landedIn, landedAt, pending, inMerge, severity, path,
    ...(old !== undefined ? { old } : {}), ...(neu !== undefined ? { new: neu } : {}), ...(days !== undefined ? { days } : {}),
    ...(signature ? { signature } : {}), ...(baseline ? { baseline } : {}),
  };
}

export async function run(_args: string[], opts: Record<string, unknown>, g: GlobalOptions): Promise<number> {
  const res = await auditKnowledgeBase(g.root, { asOf: g.asOf });
  for (const n of res.notes) process.stderr.write(`warning: ${n}\n`);
  if (!res.available) throw new UserError(`audit: ${res.message}`);
  const real = res.findings.filter((f) => f.severity !== 'info');
  if (opts.json) {
    // migrated records (baseline-import) counted and grouped, not one full finding each (scripts/git/README.md)
    const { findings, migrated } = compactFindings(res.findings);
    const doc = {
      findings: findings.map(findingJson),
      summary: {
        total: res.summary.total,
        byKind: Object.fromEntries(res.summary.byKind.map((k) => [k.kind, k.count])),
        identityDiffers: res.summary.identityDiffers,
        pending: res.summary.pending,
      },
      mainBranch: res.mainLine.mainBranch,
      mainRef: res.mainLine.mainRef,
      head: res.mainLine.head,
      base: res.mainLine.base,
      baseline: res.baseline,
      migrated,
      lateEntryDays: res.lateEntryDays,
      requireSigned: res.requireSigned,
      notes: res.notes,
    };
    process.stdout.write(`${JSON.stringify(doc, null, 2)}\n`);
  } else {
    for (const f of real) process.stdout.write(`${f.path}  ${label(AUDIT_KIND_LABEL, f.kind)}（${f.kind}）  ${f.message}\n`);
    if (res.baseline && res.summary.baseline) {
      process.stdout.write(`迁移导入（baseline-import）  ${res.summary.baseline.records} 条记录在审计基线 ${(res.baseline.commit ?? res.baseline.configured).slice(0, 10)}（opsbook.yaml audit.baseline${res.baseline.landedAt ? `，${cstTimeText(res.baseline.landedAt)} 进入主分支` : ''}）或之前迁移导入：登记时间无法由 Git 历史核实，未逐条判为补录（明细见 --json）\n`);
    }
    const counts = res.summary.byKind.filter((k) => k.kind !== 'baseline-import').map((k) => `${k.count} ${k.kind}`).join(', ');
    const where = `main line ${res.mainLine.mainRef ?? 'HEAD'}${res.mainLine.pending ? ` + HEAD ${res.mainLine.head.slice(0, 10)} (not on main yet, judged as landing at --as-of)` : ''}`;
    process.stderr.write(real.length === 0
      ? `✔ ${res.records.length} record(s) audited along ${where}: no findings (late-entry limit ${res.lateEntryDays} days)\n`
      : `✖ ${counts} in ${res.records.length} record(s), judged along ${where} (late-entry limit ${res.lateEntryDays} days)\n`);
  }
  return real.length ? 1 : 0;
}
