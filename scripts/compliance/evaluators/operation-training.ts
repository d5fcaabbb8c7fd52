/**
 * S-4 — every release of the period with `changes_operation: true` is
 * followed by a training and has a 新功能使用说明 page.
 *
 * Training match: a training whose `release` names the release; failing
 * that, a training of the same system without a `release`, dated on or after
 * the release date and before the system's next operation-changing release.
 * Feature guide: the release's `feature_guide` file under docs/, or a
 * feature-guide page of the system with the release's version.
 * Both are due `report_due_working_days` working days after the release date
 * (opsbook's reading: the contract gives no date); before that they are
 * pending / at-risk.
 */
import fs from 'node:fs';
import path from 'node:path';
import type { Release } from '../../records/types.js';
import { cstDateText } from '../build-context.js';
import { combineStatus, countSummary } from '../item-status.js';
import type { ClauseStatus, ComplianceContext, ClauseResult, Finding } from '../types.js';

/** The training that covers an operation-changing release, if any (see module doc). */
export function findTraining(ctx: ComplianceContext, rel: Release) {
  const named = ctx.kb.trainings.find((t) => t.release === rel.id && ctx.inPeriod(t.date) !== false);
  if (named) return named;
  const day = cstDateText(rel.released_at);
  const next = ctx.kb.releases
    .filter((r) => r.system === rel.system && r.changes_operation && cstDateText(r.released_at) > day)
    .map((r) => cstDateText(r.released_at))
    .sort()[0];
  return ctx.kb.trainings
    .filter((t) => !t.release && t.systems.includes(rel.system) && t.date >= day && (next === undefined || t.date < next))
    .sort((a, b) => (a.date < b.date ? -1 : 1))[0];
}

function hasFeatureGuide(ctx: ComplianceContext, rel: Release): string | null {
  if (rel.feature_guide && fs.existsSync(path.join(ctx.kb.root, 'docs', rel.feature_guide))) return `docs/${rel.feature_guide}`;
  const m = ctx.evidence.manuals?.find((x) => x.system === rel.system);
  return m?.featureGuides.find((g) => g.version === rel.version)?.path ?? null;
}

export function operationTraining(ctx: ComplianceContext): ClauseResult {
  const releases = ctx.kb.releases.filter((r) => r.changes_operation && ctx.inPeriod(r.released_at));
  const items: ClauseStatus[] = [];
  const findings: Finding[] = [];
  const evidence: string[] = [];
  for (const rel of releases) {
    evidence.push(rel.id);
    const due = ctx.dueAfter(rel.released_at, ctx.reportDueWorkingDays);
    const training = findTraining(ctx, rel);
    const ts = ctx.judgeDue(due, training?.date);
    items.push(ts);
    if (training) evidence.push(training.id);
    if (ts !== 'met') {
      findings.push({
        record: rel.id,
        message: training
          ? `training ${training.id} on ${training.date} is after the due date ${due} (release ${rel.released_at} + ${ctx.reportDueWorkingDays} working days)`
          : `release changes operation (是否改变操作 changes_operation: true) but no 用户培训 training references it; due ${due}`,
      });
    }
    const guide = hasFeatureGuide(ctx, rel);
    if (ctx.evidence.manuals === null && !guide) {
      items.push('manual');
      continue;
    }
    const gs = guide ? 'met' : ctx.judgeDue(due, undefined);
    items.push(gs);
    if (!guide) findings.push({ record: rel.id, message: `no 新功能使用说明 page for ${rel.system} ${rel.version} (feature_guide${rel.feature_guide ? ` \`${rel.feature_guide}\` not found under docs/` : ' not set'}); due ${due}` });
  }
  return {
    status: combineStatus(items),
    evidence,
    findings,
    summary: releases.length ? `改变操作的发布 ${releases.length} 次（培训与新功能使用说明：${countSummary(items)}）` : '本服务期无改变操作的软件发布',
  };
}
