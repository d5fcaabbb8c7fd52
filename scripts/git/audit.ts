/**
 * The provenance audit (SPEC §7 `audit`): SLA-relevant fields edited after a
 * record's first commit (`retroactive-edit`), and records first committed
 * long after the event they document (`late-entry`). Returns values for the
 * `audit` command, the PR summary, the compliance engine and the annual
 * report's 数据可信度 section.
 */
import fs from 'node:fs';
import path from 'node:path';
import { parse as parseYaml } from 'yaml';
import { formatCst, parseInstant } from '../shared/time.js';
import { recordProvenance, type FieldChange, type RecordProvenance } from './provenance.js';
import type { GitUnavailable } from './repo-info.js';
import { EVENT_FIELD, fieldLabel, getField } from './sla-fields.js';

/** Default of `contract.sla.late_entry_days`. */
export const DEFAULT_LATE_ENTRY_DAYS = 7;
const DAY_MS = 86_400_000;

/** One audit finding (the JSON shape of `opsbook audit --json`, plus details). */
export interface AuditFinding {
  record: string;
  kind: 'retroactive-edit' | 'late-entry';
  field: string;
  commit: string;
  author: string;
  message: string;
  /** Path of the record relative to the KB root. */
  path: string;
  email: string;
  /** Author date of the commit. */
  date: string;
  old?: unknown;
  new?: unknown;
  /** late-entry: whole days between the event and the first commit. */
  days?: number;
}

export interface AuditOptions {
  /** Threshold in days (default: contract.sla.late_entry_days, else 7). */
  lateEntryDays?: number;
  /** Only findings about these record paths (KB-relative), e.g. the files of a PR. */
  paths?: ReadonlySet<string>;
  /** Only findings from these commits (e.g. the commits of a PR). */
  commits?: ReadonlySet<string>;
}

export type AuditResult =
  | { available: true; lateEntryDays: number; findings: AuditFinding[]; records: RecordProvenance[] }
  | ({ available: false; lateEntryDays: number; findings: []; records: [] } & GitUnavailable);

/** Reads `sla.late_entry_days` from records/contract.yaml (working tree), if set. */
export function lateEntryDaysOf(root: string): number {
  try {
    const data = parseYaml(fs.readFileSync(path.join(root, 'records', 'contract.yaml'), 'utf8')) as { sla?: { late_entry_days?: unknown } };
    const n = data?.sla?.late_entry_days;
    return typeof n === 'number' && Number.isInteger(n) && n >= 1 ? n : DEFAULT_LATE_ENTRY_DAYS;
  } catch {
    return DEFAULT_LATE_ENTRY_DAYS;
  }
}

function show(v: unknown): string {
  if (v === undefined) return '(none)';
  return typeof v === 'string' ? v : JSON.stringify(v);
}

function label(kind: string, field: string): string {
  const l = fieldLabel(kind, field);
  return l ? `${field} (${l})` : field;
}

function instantOf(v: unknown): number | undefined {
  if (typeof v !== 'string') return undefined;
  try {
    return parseInstant(v, { end: /^\d{4}-\d{2}-\d{2}$/.test(v) });
  } catch {
    return undefined;
  }
}

function retroactive(r: RecordProvenance, c: FieldChange): AuditFinding {
  const after = Math.floor((parseInstant(c.date) - parseInstant(r.first.date)) / DAY_MS);
  const verb = c.change === 'remove' ? `removed (was ${show(c.old)})` : `changed from ${show(c.old)} to ${show(c.new)}`;
  return {
    record: r.id, kind: 'retroactive-edit', field: c.field, commit: c.commit, author: c.author,
    message: `${label(r.kind, c.field)} ${verb} by ${c.author} in ${c.commit.slice(0, 10)} on ${formatCst(parseInstant(c.date))}, ${after} day(s) after the record was first committed (${formatCst(parseInstant(r.first.date))})`,
    path: r.path, email: c.email, date: c.date, old: c.old, new: c.new,
  };
}

function late(r: RecordProvenance, days: number): AuditFinding | undefined {
  const field = EVENT_FIELD[r.kind];
  if (!field) return undefined;
  const value = getField(r.firstData, field);
  const event = instantOf(value);
  if (event === undefined) return undefined;
  const committed = parseInstant(r.first.date);
  const lag = (committed - event) / DAY_MS;
  if (lag <= days) return undefined;
  return {
    record: r.id, kind: 'late-entry', field, commit: r.first.commit, author: r.first.author,
    message: `first committed by ${r.first.author} on ${formatCst(committed)}, ${lag.toFixed(1)} day(s) after ${label(r.kind, field)} ${show(value)} (limit ${days} day(s)); entered after the fact`,
    path: r.path, email: r.first.email, date: r.first.date, days: Math.round(lag * 10) / 10,
  };
}

/** Derives the findings from provenance (pure; exposed for reuse and tests). */
export function findingsOf(records: readonly RecordProvenance[], lateEntryDays: number, opts: Pick<AuditOptions, 'paths' | 'commits'> = {}): AuditFinding[] {
  const out: AuditFinding[] = [];
  for (const r of records) {
    if (opts.paths && !opts.paths.has(r.path)) continue;
    const l = late(r, lateEntryDays);
    if (l && (!opts.commits || opts.commits.has(l.commit))) out.push(l);
    for (const c of r.changes) {
      if (c.change === 'set' || c.change === 'append') continue; // filling in a blank is normal work
      if (opts.commits && !opts.commits.has(c.commit)) continue;
      out.push(retroactive(r, c));
    }
  }
  return out.sort((a, b) => (a.record < b.record ? -1 : a.record > b.record ? 1 : parseInstant(a.date) - parseInstant(b.date)));
}

/**
 * Audits the knowledge base's Git history.
 * @param root KB root
 * @returns findings and provenance; `available: false` (no findings) for a KB outside Git, a shallow clone or an empty repository
 */
export async function auditKnowledgeBase(root: string, opts: AuditOptions = {}): Promise<AuditResult> {
  const lateEntryDays = opts.lateEntryDays ?? lateEntryDaysOf(root);
  const prov = await recordProvenance(root);
  if (!prov.available) return { ...prov, lateEntryDays, findings: [], records: [] };
  return { available: true, lateEntryDays, findings: findingsOf(prov.records, lateEntryDays, opts), records: prov.records };
}
