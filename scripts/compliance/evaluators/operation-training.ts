/**
 * S-4 — every release of the period with `changes_operation: true` is
 * followed by a training and has a 新功能使用说明 page.
 *
 * Training match: a training whose `release` names the release; failing
 * that, a training of the same system without a `release`, dated on or after
 * the release date and before the system's next operation-changing release.
 * Feature guide: the release's `feature_guide` file under docs/, or a
 * feature-guide page of the system with the release's version.
 * Both are due `sla.training_working_days` working days after the release
 * date (the contract names no period; default 10, the finding cites it);
 * before that they are pending / at-risk. A KB without docs/ has no pages to
 * judge: the feature guide is then `n/a` (SPEC §8).
 */
import fs from 'node:fs';
import path from 'node:path';
import type { Release } from '../../records/types.js';
import { cstDateText } from '../build-context.js';
import { happenedBy } from '../../sla/index.js';
import { cstTimeText, dueText, fieldText, lateText, NO_DOCS_REASON, releaseText, unnamedDeadlineRule } from '../finding-text.js';
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
  const noDocs = ctx.evidence.manuals?.length === 0;
  const items: ClauseStatus[] = [];
  const findings: Finding[] = [];
  const evidence: string[] = [];
  for (const rel of releases) {
    evidence.push(rel.id);
    const due = ctx.dueAfter(rel.released_at, ctx.grace.training.workingDays);
    const training = findTraining(ctx, rel);
    const ts = ctx.judgeDue(due, training?.date);
    items.push(ts);
    if (training) evidence.push(training.id);
    const rule = unnamedDeadlineRule('发布', rel.released_at, ctx.grace.training);
    if (ts !== 'met') {
      findings.push({
        record: rel.id,
        message: !training
          ? `该发布改变了软件操作（changes_operation: true），但尚无用户培训记录（training）与之对应，${dueText(ctx, ts, due, rule)}`
          : happenedBy(training.date, ctx.asOf)
            ? lateText(fieldText(`用户培训 ${training.id} 的日期`, 'date'), training.date, due, rule)
            : `用户培训 ${training.id} 安排在 ${cstTimeText(training.date)}，尚未举行，${dueText(ctx, ts, due, rule)}`,
      });
    }
    const guide = hasFeatureGuide(ctx, rel);
    if (ctx.evidence.manuals === null && !guide) {
      items.push('manual');
      continue;
    }
    if (noDocs) {
      items.push('n/a'); // no docs/: no feature-guide page to judge
      continue;
    }
    const gs = guide ? 'met' : ctx.judgeDue(due, undefined);
    items.push(gs);
    if (!guide) {
      const where = rel.feature_guide
        ? `新功能使用说明页面（feature_guide）docs/${rel.feature_guide} 不存在`
        : `未填写新功能使用说明页面（feature_guide），docs/${rel.system}/features/${rel.version}.md 也不存在`;
      findings.push({ record: rel.id, message: `缺少${releaseText(ctx, rel.system, rel.version)}的新功能使用说明：${where}，${dueText(ctx, gs, due, rule)}` });
    }
  }
  return {
    status: combineStatus(items),
    evidence,
    findings,
    summary: releases.length
      ? `改变操作的发布 ${releases.length} 次（${noDocs ? `培训：${countSummary(items)}；新功能使用说明不适用：${NO_DOCS_REASON}` : `培训与新功能使用说明：${countSummary(items)}`}）`
      : '本服务期无改变操作的软件发布',
  };
}
