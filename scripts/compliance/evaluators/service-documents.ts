/**
 * S-8 — service documents: a 软件更新内容说明 (release notes) page for every
 * release of the period and a 常见问题 FAQ page per system. Release notes are
 * generated from the release records, so a release the manual check lists
 * for its system has its page. A KB without docs/ has no manuals to judge:
 * `n/a` with the reason (SPEC §1, §8), never breached.
 */
import { NO_DOCS_REASON, releaseText, systemText } from '../finding-text.js';
import { combineStatus, countSummary } from '../item-status.js';
import type { ClauseStatus, ComplianceContext, ClauseResult, Finding } from '../types.js';

export function serviceDocuments(ctx: ComplianceContext): ClauseResult {
  const manuals = ctx.evidence.manuals;
  const releases = ctx.kb.releases.filter((r) => ctx.inPeriod(r.released_at));
  const systems = Object.keys(ctx.contract.systems);
  if (manuals === null) return { status: 'manual', evidence: releases.map((r) => r.id), findings: [], summary: '文档检查不可用，需人工确认' };
  if (manuals.length === 0) {
    return { status: 'n/a', evidence: releases.map((r) => r.id), findings: [], summary: `不适用：${NO_DOCS_REASON}（常见问题页面与 ${releases.length} 个发布的更新说明页面）` };
  }
  const items: ClauseStatus[] = [];
  const findings: Finding[] = [];
  const evidence: string[] = [];
  for (const sys of systems) {
    const m = manuals.find((x) => x.system === sys);
    if (m?.faq) {
      items.push('met');
      evidence.push(m.faq);
    } else {
      items.push('breached');
      findings.push({ record: ctx.contract.id, message: `缺少${systemText(ctx, sys)}的常见问题解决方法说明页面（应为 docs/${sys}/faq.md）` });
    }
  }
  for (const r of releases) {
    evidence.push(r.id);
    const listed = manuals.find((x) => x.system === r.system)?.releaseNotes.some((n) => n.releaseId === r.id);
    items.push(listed ? 'met' : 'breached');
    if (!listed) findings.push({ record: r.id, message: `缺少${releaseText(ctx, r.system, r.version)}的软件更新内容说明页面` });
  }
  return { status: combineStatus(items), evidence, findings, summary: `常见问题页面 ${systems.length} 个系统、更新说明 ${releases.length} 个发布（${countSummary(items)}）` };
}
