/**
 * Which reports a knowledge base owes as of a date, and building one report
 * by kind and id (with close-id suggestions for a mistyped id).
 */
import type { KnowledgeBase } from '../records/index.js';
import { UserError } from '../shared/errors.js';
import { parseInstant } from '../shared/time.js';
import type { AnnualAnalyses } from './analyses.js';
import { buildAnnualReport } from './annual-report.js';
import { buildInspectionReport } from './inspection-report.js';
import { REPORT_TITLE, type BuiltReport, type ReportContext, type ReportKind } from './report-types.js';
import { buildMaintenanceReport, buildWrittenReply, isMaintenanceDue, isWrittenReplyDue } from './ticket-reports.js';

/** A report the KB owes: kind and record/period id. */
export interface DueReport {
  kind: ReportKind;
  id: string;
  title: string;
}

/** Ids that a kind of report can be built for, as of `asOf`, sorted. */
export function idsForKind(kb: KnowledgeBase, kind: ReportKind, asOf: number): string[] {
  const sorted = (xs: string[]) => [...xs].sort();
  switch (kind) {
    case 'annual':
      return (kb.contract?.service_periods ?? []).filter((p) => parseInstant(p.start) <= asOf).map((p) => p.id);
    case 'maintenance':
      return sorted(kb.tickets.filter((t) => isMaintenanceDue(t) && parseInstant(t.resolved_at!) <= asOf).map((t) => t.id));
    case 'written-reply':
      return sorted(kb.tickets.filter((t) => isWrittenReplyDue(t) && parseInstant(t.reported_at) <= asOf).map((t) => t.id));
    case 'inspection':
    case 'database-inspection': {
      const type = kind === 'inspection' ? 'onsite' : 'database';
      return sorted(kb.inspections.filter((i) => i.type === type && parseInstant(i.finished_at) <= asOf).map((i) => i.id));
    }
  }
}

/** Every report due for the KB as of `asOf`, annual reports first. */
export function dueReports(kb: KnowledgeBase, asOf: number): DueReport[] {
  const kinds: ReportKind[] = ['annual', 'inspection', 'database-inspection', 'maintenance', 'written-reply'];
  return kinds.flatMap((kind) => idsForKind(kb, kind, asOf).map((id) => ({ kind, id, title: REPORT_TITLE[kind] })));
}

/** Levenshtein distance (small strings). */
function distance(a: string, b: string): number {
  const d = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    let prev = d[0]!;
    d[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const tmp = d[j]!;
      d[j] = Math.min(d[j]! + 1, d[j - 1]! + 1, prev + (a[i - 1] === b[j - 1] ? 0 : 1));
      prev = tmp;
    }
  }
  return d[b.length]!;
}

/** Up to `max` candidates closest to `id` (edit distance, then shared prefix). */
export function closeIds(id: string, candidates: readonly string[], max = 5): string[] {
  return [...candidates]
    .map((c) => ({ c, d: distance(id.toLowerCase(), c.toLowerCase()) }))
    .sort((a, b) => a.d - b.d || (a.c < b.c ? -1 : 1))
    .slice(0, max)
    .map((x) => x.c);
}

/**
 * Builds one report. For kinds other than annual an id is required and must
 * be one the KB owes; an unknown id is a UserError listing close ids.
 */
export function buildReport(ctx: ReportContext, kind: ReportKind, id: string | undefined, analyses: AnnualAnalyses | undefined): BuiltReport {
  if (kind === 'annual') {
    if (!analyses) throw new Error('buildReport: the annual report needs its analyses (loadAnalyses)');
    return buildAnnualReport(ctx, id, analyses);
  }
  const ids = idsForKind(ctx.kb, kind, ctx.asOf);
  if (id === undefined) {
    throw new UserError(`Unexpected missing id for \`report ${kind}\`, expected one of: ${ids.slice(0, 8).join(', ')}${ids.length > 8 ? ` … (${ids.length})` : ids.length ? '' : '(none due)'}`);
  }
  if (!ids.includes(id)) {
    const other = (['maintenance', 'written-reply', 'inspection', 'database-inspection'] as const).find((k) => k !== kind && idsForKind(ctx.kb, k, ctx.asOf).includes(id));
    if (other) throw new UserError(`Unexpected ${kind} id \`${id}\`: it is a ${other} report, expected \`report ${other} ${id}\``);
    const close = closeIds(id, ids);
    throw new UserError(`Unexpected ${kind} id \`${id}\`, expected one of: ${close.length ? close.join(', ') : '(none due as of --as-of)'}`);
  }
  switch (kind) {
    case 'maintenance': return buildMaintenanceReport(ctx, id);
    case 'written-reply': return buildWrittenReply(ctx, id);
    case 'inspection':
    case 'database-inspection': return buildInspectionReport(ctx, id, kind);
  }
}
