/**
 * The provenance audit (SPEC §7 `audit`, §8 Provenance): a committer cannot
 * make a late or edited record look timely. Lateness and edits are judged by
 * when a value reached the main branch (main-line.ts: committer dates along
 * main's first-parent history, merges diffed against their first parent),
 * never by author dates; author and committer are both shown, as claims.
 *
 * Kinds (Chinese labels in shared/labels.ts `AUDIT_KIND_LABEL`):
 * - `late-entry` 补录: a record first reached main more than
 *   `sla.late_entry_days` after its event (ticket reported_at, inspection finished_at);
 * - `late-fill` 补填: an SLA time left blank and filled in (or a timed list
 *   entry added) more than `late_entry_days` after the time it states;
 * - `retroactive-edit` 事后修改: an audited field that had a value is changed or removed;
 * - `merge-edit` 合并时改动: a merge commit itself filled in an SLA field (from none of the commits it merged);
 * - `commit-date-regression` 提交时间倒退: a main-line commit dated before the commit under it;
 * - `unsigned-change` 未签名 / `bad-signature` 签名无效: with `audit.require_signed`;
 * - `baseline-import` 迁移导入: a record that reached main at or before
 *   `audit.baseline` (bulk import at adoption): counted, never judged as
 *   verified (severity `info`).
 *
 * Returns values for the `audit` command, the PR summary, the build and the
 * annual report's 数据可信度 section (`summarizeAudit`).
 */
import fs from 'node:fs';
import path from 'node:path';
import { parse as parseYaml } from 'yaml';
import { cstTimeText, durationText } from '../compliance/finding-text.js';
import { loadKbConfig } from '../config/kb-config.js';
import { POLICY_DEFAULTS, policyValue } from '../records/contract-terms.js';
import { AUDIT_KIND_LABEL, label } from '../shared/labels.js';
import { formatCst, parseInstant } from '../shared/time.js';
import { recordProvenance, resolveCommit, type FieldChange, type Landing, type MainLineSummary, type RecordProvenance } from './provenance.js';
import type { GitUnavailable } from './repo-info.js';
import { EVENT_FIELD, fieldLabel, getField, LIST_FIELDS, SLA_FIELDS, TIME_FIELDS } from './sla-fields.js';
import { signatureProblem, verifyCommits, type SignatureCheck } from './signatures.js';

/** Default of `contract.sla.late_entry_days` (records/contract-terms.ts). */
export const DEFAULT_LATE_ENTRY_DAYS = POLICY_DEFAULTS.late_entry_days;
const DAY_MS = 86_400_000;

/** A kind of audit finding. */
export type AuditKind = keyof typeof AUDIT_KIND_LABEL;

/** How much a kind weighs: `high` questions a value, `medium` its timing or signature, `info` is counted only. */
export type AuditSeverity = 'high' | 'medium' | 'info';

/** Kinds, most serious first (the order of summaries and of "most serious"). */
export const AUDIT_KINDS: readonly AuditKind[] = ['retroactive-edit', 'merge-edit', 'bad-signature', 'commit-date-regression', 'late-fill', 'late-entry', 'unsigned-change', 'baseline-import'];

/** What each kind means, in a sentence a hospital reader follows (report tables). */
export const AUDIT_KIND_DESCRIPTION: Readonly<Record<AuditKind, string>> = {
  'retroactive-edit': '已进入主分支的 SLA 相关字段（时间、级别、处理结果等）在之后被修改或删除',
  'merge-edit': '由合并提交本身填入的 SLA 字段，不来自任何被合并的提交，评审时看不到',
  'bad-signature': '要求签名时，改动所在提交的签名无效、不可信或与署名作者不符',
  'commit-date-regression': '主分支上提交者日期早于其前一提交的提交，其时间不可信，按前一提交计',
  'late-fill': '先留空的 SLA 时间进入主分支时，已晚于其所述时间超过补录阈值',
  'late-entry': '记录进入主分支时，已晚于其事件超过补录阈值',
  'unsigned-change': '要求签名时，改动所在提交未签名',
  'baseline-import': '启用 opsbook 时批量导入的历史记录，登记时间无法由 Git 历史核实',
};

/** Severity of each kind. */
export const AUDIT_SEVERITY: Readonly<Record<AuditKind, AuditSeverity>> = {
  'retroactive-edit': 'high', 'merge-edit': 'high', 'bad-signature': 'high', 'commit-date-regression': 'high',
  'late-fill': 'medium', 'late-entry': 'medium', 'unsigned-change': 'medium', 'baseline-import': 'info',
};

/**
 * One audit finding. The first six keys are SPEC §7's `audit --json` shape;
 * the rest says who (author and committer, as Git records them) and when
 * (author date, committer date, and when it reached main).
 */
export interface AuditFinding {
  record: string;
  kind: AuditKind;
  field: string;
  /** The commit that made the change (a merged commit, or a merge commit itself). */
  commit: string;
  /** The author name the commit claims. */
  author: string;
  /** Chinese, for people: what, when it reached main, author and committer. */
  message: string;
  committer: string;
  authorEmail: string;
  committerEmail: string;
  authorDate: string;
  committerDate: string;
  /** The commit on main's first-parent history that brought it (HEAD when pending). */
  landedIn: string;
  /** When it reached main (ISO 8601, CST). */
  landedAt: string;
  /** Not on main yet: judged as if merged at as-of. */
  pending: boolean;
  /** The change was made by a merge commit itself. */
  inMerge: boolean;
  severity: AuditSeverity;
  /** Path of the record relative to the KB root. */
  path: string;
  /** Same as `landedAt` (the time the finding is judged by). */
  date: string;
  old?: unknown;
  new?: unknown;
  /** Late kinds: exact days between the time stated and its arrival on main. */
  days?: number;
  /** Signature kinds: what `git verify-commit` says. */
  signature?: SignatureCheck;
  /** `baseline-import`: the baseline commit (audit.baseline). */
  baseline?: string;
  /** `baseline-import`: SLA fields edited (not first set) up to the baseline, when any (the message's 迁移期间另有 N 处). */
  edits?: number;
}

export interface AuditOptions {
  /** Threshold in days (default: contract.sla.late_entry_days, else 7). */
  lateEntryDays?: number;
  /** The main branch (default: opsbook.yaml audit.main_branch, else `main`). */
  mainBranch?: string;
  /** "Now": when a pending change (HEAD not on main) would land. Default: the current time. */
  asOf?: number;
  /** Only findings about these record paths (KB-relative), e.g. the files of a PR. */
  paths?: ReadonlySet<string>;
  /** Only findings from these commits (or not yet on main). */
  commits?: ReadonlySet<string>;
}

/** The audit baseline as resolved. */
export interface BaselineInfo {
  /** As written in opsbook.yaml. */
  configured: string;
  /** Full commit id (null when it cannot be resolved here). */
  commit: string | null;
  /** When it reached main (ISO 8601, CST), if it is on the main line. */
  landedAt: string | null;
  /** Records that reached main at or before it (audited kinds). */
  records: number;
}

export type AuditResult =
  | {
    available: true;
    lateEntryDays: number;
    findings: AuditFinding[];
    records: RecordProvenance[];
    mainLine: MainLineSummary;
    baseline: BaselineInfo | null;
    requireSigned: boolean;
    summary: AuditSummary;
    /** For the operator (English): settings that could not be used, a missing main branch. */
    notes: string[];
  }
  | ({ available: false; lateEntryDays: number; findings: []; records: []; notes: string[] } & GitUnavailable);

/** Reads `sla.late_entry_days` from records/contract.yaml (working tree), else the default. */
export function lateEntryDaysOf(root: string): number {
  try {
    const data = parseYaml(fs.readFileSync(path.join(root, 'records', 'contract.yaml'), 'utf8')) as { sla?: Record<string, unknown> };
    const v = policyValue(data?.sla as never, 'late_entry_days').value;
    return v >= 1 ? v : DEFAULT_LATE_ENTRY_DAYS;
  } catch {
    return DEFAULT_LATE_ENTRY_DAYS;
  }
}

// ---------------------------------------------------------------- wording

function fieldText(kind: string, field: string): string {
  const l = fieldLabel(kind, field);
  return l ? `${l}（${field}）` : field;
}

function valueText(field: string, v: unknown): string {
  if (v === undefined || v === null) return '（空）';
  if (typeof v === 'string') return TIME_FIELDS.has(field) ? safeTime(v) : v;
  if (Array.isArray(v)) {
    return `[${v.map((e) => (e && typeof e === 'object' ? Object.entries(e as Record<string, unknown>).map(([k, x]) => (k === 'at' && typeof x === 'string' ? safeTime(x) : String(x))).join(' ') : String(e))).join('；')}]`;
  }
  return typeof v === 'object' ? JSON.stringify(v) : String(v);
}

function safeTime(v: string): string {
  try {
    return cstTimeText(v);
  } catch {
    return v;
  }
}

/** `提交 abc1234567（作者署名 X <x@…>，提交者署名 Y <y@…>，二者不同）`: both identities, as claims. */
export function whoText(l: Pick<Landing, 'commit' | 'author' | 'authorEmail' | 'committer' | 'committerEmail'>): string {
  const a = `${l.author} <${l.authorEmail}>`;
  const c = `${l.committer} <${l.committerEmail}>`;
  return a === c ? `提交 ${l.commit.slice(0, 10)}（作者与提交者署名均为 ${a}）` : `提交 ${l.commit.slice(0, 10)}（作者署名 ${a}，提交者署名 ${c}，二者不同）`;
}

/**
 * Texts of a Landing, computed once per Landing object: provenance.ts shares one Landing among all the
 * records a step brought (a bulk import), and Landings are never mutated.
 */
function memoized<L extends object>(fn: (l: L) => string): (l: L) => string {
  const memo = new WeakMap<L, string>();
  return (l) => {
    let t = memo.get(l);
    if (t === undefined) memo.set(l, (t = fn(l)));
    return t;
  };
}

type LandingPlace = Pick<Landing, 'commit' | 'landedIn' | 'landedAtMs' | 'pending'>;

const landedText = memoized((l: LandingPlace): string => {
  const via = l.landedIn !== l.commit ? `，经合并提交 ${l.landedIn.slice(0, 10)}` : '';
  return l.pending ? `尚未进入主分支（按评估时间 ${cstTimeText(l.landedAtMs)} 计）` : `于 ${cstTimeText(l.landedAtMs)} 进入主分支${via}`;
});

const landingWho = memoized(whoText);

/** The author date, when it says something other than the landing (a backdated or re-used date is shown, never used). */
const authorDateNote = memoized((l: Landing): string => {
  let a: number;
  try {
    a = parseInstant(l.authorDate);
  } catch {
    return '';
  }
  const gap = l.landedAtMs - a;
  return Math.abs(gap) > DAY_MS ? `；提交的作者日期为 ${cstTimeText(a)}，比进入主分支早 ${durationText(gap / 60_000)}，不作为登记时间` : '';
});

function instantOf(v: unknown): number | undefined {
  if (typeof v !== 'string') return undefined;
  try {
    return parseInstant(v, { end: /^\d{4}-\d{2}-\d{2}$/.test(v) });
  } catch {
    return undefined;
  }
}

// ---------------------------------------------------------------- findings

/**
 * The keys every finding has, in order. Findings are completed by assignment, never by spreading: a spread
 * copy of a 20-key object takes about 800 bytes against about 230 (measured), and a vendor's audit holds
 * 142k findings.
 */
function base(r: RecordProvenance, l: Landing, kind: AuditKind, field: string, message: string): AuditFinding {
  return {
    record: r.id, kind, field, commit: l.commit, author: l.author, message,
    committer: l.committer, authorEmail: l.authorEmail, committerEmail: l.committerEmail, authorDate: l.authorDate, committerDate: l.committerDate,
    landedIn: l.landedIn, landedAt: l.landedAt, pending: l.pending, inMerge: l.inMerge, severity: AUDIT_SEVERITY[kind], path: r.path, date: l.landedAt,
  };
}

function lateEntry(r: RecordProvenance, days: number): AuditFinding | undefined {
  const field = EVENT_FIELD[r.kind];
  if (!field) return undefined;
  const value = getField(r.firstData, field);
  const event = instantOf(value);
  if (event === undefined) return undefined;
  const lag = (r.first.landedAtMs - event) / DAY_MS;
  if (lag <= days) return undefined;
  const msg = `${fieldText(r.kind, field)}为 ${valueText(field, value)} 的记录${landedText(r.first)}，晚于该时间 ${durationText(lag * 1440)}，超过补录阈值 ${days} 天（sla.late_entry_days）；${landingWho(r.first)}${authorDateNote(r.first)}`;
  return Object.assign(base(r, r.first, 'late-entry', field, msg), { new: value, days: lag });
}

/** SLA times a change brings in: the new value of a time field, or the `at` of list entries added. */
function statedTimes(c: FieldChange): string[] {
  if (TIME_FIELDS.has(c.field) && c.change === 'set' && typeof c.new === 'string') return [c.new];
  if (LIST_FIELDS.has(c.field) && (c.change === 'append' || c.change === 'set') && Array.isArray(c.new)) {
    const before = new Set((Array.isArray(c.old) ? c.old : []).map((x) => JSON.stringify(x)));
    return c.new.filter((x) => !before.has(JSON.stringify(x))).map((x) => (x && typeof x === 'object' ? (x as { at?: unknown }).at : undefined)).filter((x): x is string => typeof x === 'string');
  }
  return [];
}

function lateFill(r: RecordProvenance, c: FieldChange, days: number): AuditFinding | undefined {
  let worst: { at: string; lag: number } | undefined;
  for (const at of statedTimes(c)) {
    const t = instantOf(at);
    if (t === undefined) continue;
    const lag = (c.landedAtMs - t) / DAY_MS;
    if (lag > days && (!worst || lag > worst.lag)) worst = { at, lag };
  }
  if (!worst) return undefined;
  const what = LIST_FIELDS.has(c.field) ? `${fieldText(r.kind, c.field)}新增的记录（时间 ${safeTime(worst.at)}）` : `${fieldText(r.kind, c.field)}${safeTime(worst.at)} `;
  const msg = `${what}在记录进入主分支后才补填，${landedText(c)}，晚于该时间 ${durationText(worst.lag * 1440)}，超过补填阈值 ${days} 天（sla.late_entry_days）；${landingWho(c)}${authorDateNote(c)}`;
  return Object.assign(base(r, c, 'late-fill', c.field, msg), { old: c.old, new: c.new, days: worst.lag });
}

function retroactive(r: RecordProvenance, c: FieldChange): AuditFinding {
  const after = durationText((c.landedAtMs - r.first.landedAtMs) / 60_000);
  const verb = c.change === 'remove' ? `被删除（原为 ${valueText(c.field, c.old)}）` : `由 ${valueText(c.field, c.old)} 改为 ${valueText(c.field, c.new)}`;
  const merge = c.inMerge ? '；该改动由合并提交本身做出，不来自任何被合并的提交' : '';
  const msg = `${fieldText(r.kind, c.field)}${verb}，${landedText(c)}，距该记录首次进入主分支 ${after}；${landingWho(c)}${merge}${authorDateNote(c)}`;
  return Object.assign(base(r, c, 'retroactive-edit', c.field, msg), { old: c.old, new: c.new });
}

function mergeEdit(r: RecordProvenance, c: FieldChange): AuditFinding {
  const msg = `${fieldText(r.kind, c.field)}${c.change === 'append' ? '新增' : '填入'} ${valueText(c.field, c.change === 'append' ? statedTimes(c) : c.new)}，由合并提交本身做出，不来自任何被合并的提交（评审时看不到这一改动），${landedText(c)}；${landingWho(c)}`;
  return Object.assign(base(r, c, 'merge-edit', c.field, msg), { old: c.old, new: c.new });
}

/** A `baseline-import` message: when the record reached main, the baseline, `detail` (its lag, edits), who. */
function migratedText(l: Landing, baselineCommit: string | undefined, detail: string): string {
  return `迁移导入：${landedText(l)}，在审计基线 ${(baselineCommit ?? '').slice(0, 10)}（audit.baseline）或之前；登记时间无法由 Git 历史核实，未逐条判为补录，也不视为已核实${detail}；${landingWho(l)}`;
}

function sortFindings(fs_: AuditFinding[]): AuditFinding[] {
  const rank = (k: AuditKind) => AUDIT_KINDS.indexOf(k);
  return fs_.sort((a, b) => (a.record < b.record ? -1 : a.record > b.record ? 1 : parseInstant(a.landedAt) - parseInstant(b.landedAt) || rank(a.kind) - rank(b.kind)));
}

/** What `findingsOf` needs besides the provenance. */
export interface FindingOptions {
  lateEntryDays: number;
  /** Main-line step index of the baseline: records that first landed at or before it are migrated. */
  baselineStep?: number;
  baselineCommit?: string;
  /** Commit-date regressions of the main line. */
  regressions?: MainLineSummary['regressions'];
  /** Signature checks, when `audit.require_signed` is on. */
  signatures?: Map<string, SignatureCheck>;
  paths?: ReadonlySet<string>;
  commits?: ReadonlySet<string>;
}

/** True for records of kinds whose fields are audited. */
function audited(r: RecordProvenance): boolean {
  return SLA_FIELDS[r.kind] !== undefined;
}

/**
 * Derives the findings from provenance (pure; exposed for reuse and tests).
 * @param records provenance of the records
 * @param opts threshold, baseline, regressions, signatures, filters
 */
export function findingsOf(records: readonly RecordProvenance[], opts: FindingOptions): AuditFinding[] {
  const days = opts.lateEntryDays;
  const out: AuditFinding[] = [];
  const keep = (f: AuditFinding) => !opts.commits || opts.commits.has(f.commit) || f.pending;
  const regressed = new Map((opts.regressions ?? []).map((g) => [g.commit, g]));
  const isBaseline = (step: number) => opts.baselineStep !== undefined && step <= opts.baselineStep;
  const regressionSeen = new Set<string>();
  for (const r of records) {
    if (!audited(r)) continue;
    if (opts.paths && !opts.paths.has(r.path)) continue;
    const found: AuditFinding[] = [];
    if (isBaseline(r.first.step)) {
      const ev = EVENT_FIELD[r.kind];
      const event = ev ? instantOf(getField(r.firstData, ev)) : undefined;
      const lag = event === undefined ? undefined : (r.first.landedAtMs - event) / DAY_MS;
      const edits = r.changes.filter((c) => isBaseline(c.step) && c.change !== 'set' && c.change !== 'append').length;
      const msg = migratedText(r.first, opts.baselineCommit, `${lag !== undefined && ev ? `（${fieldText(r.kind, ev)}至进入主分支相隔 ${durationText(lag * 1440)}）` : ''}${edits ? `；迁移期间另有 ${edits} 处 SLA 字段修改` : ''}`);
      const f = base(r, r.first, 'baseline-import', ev ?? '', msg);
      if (lag !== undefined) f.days = lag;
      if (opts.baselineCommit) f.baseline = opts.baselineCommit;
      if (edits) f.edits = edits;
      found.push(f);
    } else {
      const l = lateEntry(r, days);
      if (l) found.push(l);
    }
    for (const c of r.changes) {
      if (isBaseline(c.step)) continue;
      if (c.change === 'edit' || c.change === 'remove') found.push(retroactive(r, c));
      else {
        if (c.inMerge) found.push(mergeEdit(r, c));
        const lf = lateFill(r, c, days);
        if (lf) found.push(lf);
      }
    }
    // a main-line commit dated before the one under it: one finding per commit, on the first record it touched
    if (regressed.size) {
      const landings = [...(isBaseline(r.first.step) ? [] : [r.first]), ...r.changes.filter((c) => !isBaseline(c.step))];
      for (const l of landings) {
        const g = regressed.get(l.landedIn);
        if (!g || regressionSeen.has(g.commit)) continue;
        regressionSeen.add(g.commit);
        const msg = `主分支提交 ${g.commit.slice(0, 10)} 的提交者日期 ${safeTime(g.committerDate)} 早于主分支上它之前的提交，倒退 ${durationText(g.regressionMs / 60_000)}；提交者日期不可信，该提交带来的记录与改动按 ${safeTime(g.clampedTo)} 计（提交者署名 ${g.committer} <${g.committerEmail}>）`;
        found.push(Object.assign(base(r, l, 'commit-date-regression', '', msg), { commit: g.commit, committer: g.committer, committerEmail: g.committerEmail, committerDate: g.committerDate }));
      }
    }
    // signatures: every change of an SLA field after the baseline, by the commit that made it
    if (opts.signatures) {
      const byCommit = new Map<string, { l: Landing; fields: string[] }>();
      const add = (l: Landing, f: string) => {
        const e = byCommit.get(l.commit) ?? byCommit.set(l.commit, { l, fields: [] }).get(l.commit)!;
        if (!e.fields.includes(f)) e.fields.push(f);
      };
      if (!isBaseline(r.first.step)) for (const f of SLA_FIELDS[r.kind] ?? []) if (getField(r.firstData, f) !== undefined) add(r.first, f);
      for (const c of r.changes) if (!isBaseline(c.step)) add(c, c.field);
      for (const { l, fields } of byCommit.values()) {
        const check = opts.signatures.get(l.commit);
        const problem = signatureProblem(check, l.authorEmail);
        if (!problem) continue;
        const unsigned = !check || check.status === 'N';
        const list = fields.map((f) => fieldText(r.kind, f)).join('、');
        const msg = `${list}的${l === r.first ? '首次登记' : '改动'}所在提交${unsigned ? '未签名' : `签名无效：${problem}`}（audit.require_signed 要求 SLA 字段的改动都须签名），${landedText(l)}；${landingWho(l)}`;
        const f = base(r, l, unsigned ? 'unsigned-change' : 'bad-signature', fields.join(', '), msg);
        if (check) f.signature = check;
        found.push(f);
      }
    }
    out.push(...found.filter(keep));
  }
  // a verified signature is the one identity that is more than a claim: say so
  if (opts.signatures) {
    for (const f of out) {
      const check = opts.signatures.get(f.commit);
      if (!check || f.kind === 'bad-signature' || signatureProblem(check, f.authorEmail)) continue;
      f.message += `；提交签名已验证，签名者 ${check.signer}`;
      f.signature = check;
    }
  }
  return sortFindings(out);
}

// ---------------------------------------------------------------- summary

/** Counts by kind and the most serious findings: what a report shows instead of the full list. */
export interface AuditSummary {
  /** Findings other than `baseline-import`. */
  total: number;
  byKind: { kind: AuditKind; label: string; severity: AuditSeverity; count: number }[];
  /** Records migrated at the baseline (`baseline-import`), counted in one line. */
  baseline: { records: number; commit: string | null } | null;
  /** Findings whose author and committer identities differ. */
  identityDiffers: number;
  /** Findings not yet on main. */
  pending: number;
  /** The most serious findings (by kind, then how late, then newest), at most `limit`. */
  serious: AuditFinding[];
}

/**
 * Summarises findings for a report or a PR comment.
 * @param findings the findings (e.g. of one period's records)
 * @param opts `limit` of serious findings (default 5)
 */
export function summarizeAudit(findings: readonly AuditFinding[], opts: { limit?: number } = {}): AuditSummary {
  const limit = opts.limit ?? 5;
  const counts = new Map<AuditKind, number>();
  for (const f of findings) counts.set(f.kind, (counts.get(f.kind) ?? 0) + 1);
  const byKind = AUDIT_KINDS.filter((k) => counts.has(k)).map((k) => ({ kind: k, label: label(AUDIT_KIND_LABEL, k), severity: AUDIT_SEVERITY[k], count: counts.get(k)! }));
  const real = findings.filter((f) => f.severity !== 'info');
  const migrated = findings.filter((f) => f.kind === 'baseline-import');
  const rank = (k: AuditKind) => AUDIT_KINDS.indexOf(k);
  const serious = [...real].sort((a, b) => rank(a.kind) - rank(b.kind) || (b.days ?? 0) - (a.days ?? 0) || parseInstant(b.landedAt) - parseInstant(a.landedAt)).slice(0, limit);
  return {
    total: real.length,
    byKind,
    baseline: migrated.length ? { records: migrated.length, commit: migrated[0]!.baseline ?? null } : null,
    identityDiffers: real.filter((f) => `${f.author} <${f.authorEmail}>` !== `${f.committer} <${f.committerEmail}>`).length,
    pending: real.filter((f) => f.pending).length,
    serious,
  };
}

// ---------------------------------------------------------------- JSON

/** One migrated record in the JSON form: what its `baseline-import` finding says beyond its landing. */
export interface MigratedRecord {
  record: string;
  path: string;
  /** The event field (`reported_at`, `finished_at`), '' for kinds without one. */
  field: string;
  /** Exact days from the event to the landing, when the record states its event. */
  days?: number;
  /** SLA fields edited (not first set) up to the baseline, when any. */
  edits?: number;
}

/** Migrated records that reached main through the same commit and main-line step: what their findings share, once. */
export type MigratedLanding = Pick<AuditFinding, 'commit' | 'author' | 'committer' | 'authorEmail' | 'committerEmail' | 'authorDate' | 'committerDate' | 'landedIn' | 'landedAt' | 'pending' | 'inMerge'> & {
  /** What every record of the group shares (Chinese): when it reached main, the baseline, author and committer. */
  message: string;
  records: MigratedRecord[];
};

/** The `baseline-import` findings, counted and grouped by landing instead of one full finding each. */
export interface MigratedRecords {
  kind: 'baseline-import';
  label: string;
  severity: 'info';
  /** The baseline commit (audit.baseline). */
  baseline: string | null;
  /** Number of migrated records (= baseline-import findings). */
  count: number;
  landings: MigratedLanding[];
}

/**
 * The findings as the JSON outputs carry them (`audit --json`, build/audit.json): every finding that
 * judges something in full, in order; the `baseline-import` ones (one per migrated record, 142k in a
 * vendor's bulk import) as `migrated`: counted, grouped by the commit that brought them, one row per
 * record without the repeated message. Nothing is dropped: a row and its group give every key of the
 * finding (`date` = `landedAt`, `severity` = `info`, `baseline`), and the finding's message is the
 * group's message with the row's days and edits (README, Output).
 * @param findings findings as auditKnowledgeBase/findingsOf return them
 */
export function compactFindings<F extends AuditFinding>(findings: readonly F[]): { findings: F[]; migrated: MigratedRecords | null } {
  const judged: F[] = [];
  const groups = new Map<string, MigratedLanding>();
  let count = 0;
  let baselineCommit: string | null = null;
  for (const f of findings) {
    if (f.kind !== 'baseline-import') {
      judged.push(f);
      continue;
    }
    count++;
    baselineCommit ??= f.baseline ?? null;
    const key = `${f.commit}\0${f.landedIn}\0${f.inMerge ? 1 : 0}\0${f.pending ? 1 : 0}`;
    let g = groups.get(key);
    if (!g) {
      const message = migratedText({ ...f, step: -1, subject: '', landedAtMs: parseInstant(f.landedAt) }, f.baseline, '');
      g = {
        commit: f.commit, author: f.author, message, committer: f.committer, authorEmail: f.authorEmail, committerEmail: f.committerEmail,
        authorDate: f.authorDate, committerDate: f.committerDate, landedIn: f.landedIn, landedAt: f.landedAt, pending: f.pending, inMerge: f.inMerge, records: [],
      };
      groups.set(key, g);
    }
    g.records.push({ record: f.record, path: f.path, field: f.field, ...(f.days !== undefined ? { days: f.days } : {}), ...(f.edits ? { edits: f.edits } : {}) });
  }
  const migrated: MigratedRecords | null = count
    ? { kind: 'baseline-import', label: label(AUDIT_KIND_LABEL, 'baseline-import'), severity: 'info', baseline: baselineCommit, count, landings: [...groups.values()] }
    : null;
  return { findings: judged, migrated };
}

/**
 * What summarizeAudit says of migrated records (`baseline`), from their compact form: how many of `records`
 * were migrated, and the baseline commit.
 * @param migrated compactFindings' `migrated`
 * @param records the record ids that count (e.g. one service period's)
 */
export function migratedAmong(migrated: MigratedRecords | null | undefined, records: ReadonlySet<string>): AuditSummary['baseline'] {
  let count = 0;
  for (const l of migrated?.landings ?? []) for (const r of l.records) if (records.has(r.record)) count++;
  return count ? { records: count, commit: migrated!.baseline } : null;
}

// ---------------------------------------------------------------- entry point

/**
 * Audits the knowledge base's Git history.
 * @param root KB root
 * @param opts threshold, main branch, as-of, filters (settings default from opsbook.yaml and the contract)
 * @returns findings, provenance and a summary; `available: false` (no findings) for a KB outside Git, a shallow clone or an empty repository
 */
export async function auditKnowledgeBase(root: string, opts: AuditOptions = {}): Promise<AuditResult> {
  const lateEntryDays = opts.lateEntryDays ?? lateEntryDaysOf(root);
  const notes: string[] = [];
  const cfg = loadKbConfig(root);
  if (cfg.diagnostics.some((d) => d.severity === 'error')) notes.push(`opsbook.yaml is invalid (run \`opsbook validate\`); the audit uses its defaults (main branch \`main\`, no baseline, no signature policy)`);
  const settings = cfg.config.audit ?? {};
  const mainBranch = opts.mainBranch ?? settings.main_branch ?? 'main';
  const prov = await recordProvenance(root, { mainBranch, asOf: opts.asOf });
  if (!prov.available) return { ...prov, lateEntryDays, findings: [], records: [], notes };
  notes.push(...prov.line.notes);

  let baseline: BaselineInfo | null = null;
  let baselineStep: number | undefined;
  if (settings.baseline) {
    const commit = await resolveCommit(root, settings.baseline);
    const step = commit ? prov.mainLine.landedBy.get(commit) : undefined;
    if (!commit) notes.push(`audit.baseline \`${settings.baseline}\` is not a commit of this repository; ignored, every record is audited`);
    else if (step === undefined) notes.push(`audit.baseline \`${settings.baseline}\` is not in the history of HEAD; ignored, every record is audited`);
    else if (prov.mainLine.steps[step]!.pending) notes.push(`audit.baseline \`${settings.baseline}\` is not on the main branch yet; records up to it count as migrated once it lands`);
    if (step !== undefined) baselineStep = step;
    const s = step === undefined ? undefined : prov.mainLine.steps[step];
    baseline = {
      configured: settings.baseline, commit, landedAt: s ? formatCst(s.landedAt) : null,
      records: step === undefined ? 0 : prov.records.filter((r) => audited(r) && r.first.step <= step).length,
    };
  }

  const requireSigned = settings.require_signed === true;
  let signatures: Map<string, SignatureCheck> | undefined;
  if (requireSigned) {
    const commits = new Set<string>();
    for (const r of prov.records) {
      if (!audited(r)) continue;
      if (baselineStep === undefined || r.first.step > baselineStep) commits.add(r.first.commit);
      for (const c of r.changes) if (baselineStep === undefined || c.step > baselineStep) commits.add(c.commit);
    }
    if (settings.allowed_signers && !fs.existsSync(path.resolve(root, settings.allowed_signers))) notes.push(`audit.allowed_signers \`${settings.allowed_signers}\` does not exist; SSH signatures cannot be verified`);
    signatures = await verifyCommits(root, [...commits], { allowedSigners: settings.allowed_signers });
  }

  const findings = findingsOf(prov.records, {
    lateEntryDays, baselineStep, baselineCommit: baseline?.commit ?? settings.baseline, regressions: prov.line.regressions, signatures, paths: opts.paths, commits: opts.commits,
  });
  const summary = summarizeAudit(findings);
  return { available: true, lateEntryDays, findings, records: prov.records, mainLine: prov.line, baseline, requireSigned, summary, notes };
}
