/**
 * What `opsbook init` asks for: one table of questions (key, label, default,
 * check), answered from `--set key=value` flags, from prompts on a terminal,
 * or from defaults. The same checks run on every path, so a bad flag and a
 * bad answer get the same message. Returns values; never prints.
 */
import { UserError } from '../shared/errors.js';
import { addDays, checkDate, cstDateOf, formatDate, parseDate } from '../shared/time.js';
import { isAgeRecipient, parseRecipientList } from '../secrets/age-keys.js';
import { coerce } from '../authoring/new-record.js';
import { POLICY_DEFAULTS, seedSla } from '../records/contract-terms.js';
import type { Contract } from '../records/types.js';
import { ENGINE_CHOICES } from './database-engines.js';

export type SystemId = 'aims' | 'icis';
export const SYSTEM_IDS: readonly SystemId[] = ['aims', 'icis'];
/** Full names of the systems the contract covers (seed contract wording). */
export const SYSTEM_NAMES: Record<SystemId, string> = { aims: '手术麻醉临床信息系统', icis: '重症监护信息系统' };

const ID_RE = /^[A-Za-z0-9][A-Za-z0-9._-]*$/;

/** One question of `opsbook init`. */
export interface Question {
  key: string;
  /** Chinese label shown in prompts and messages. */
  label: string;
  /** Short English hint for `--set` usage. */
  hint: string;
  /** Default from the answers so far (undefined: none). */
  default?: (a: Record<string, string>, now: number) => string | undefined;
  /** Null when acceptable, else the reason (English, quoting the label). */
  check?: (v: string) => string | null;
  /** Must have a value (after defaults). */
  required?: boolean;
  /** Asked on a terminal (others only come from flags or defaults). */
  ask?: boolean;
  /** Only for these answers (e.g. per-system questions). */
  when?: (a: Record<string, string>) => boolean;
  /** Fixed choices for a prompt (free text still allowed through flags). */
  choices?: readonly string[];
  /** Several values, comma-separated. */
  multiple?: boolean;
}

const nonEmpty = (v: string) => (v.trim() ? null : 'must not be empty');
const dateCheck = (v: string) => (checkDate(v) === null ? null : 'expected a date YYYY-MM-DD');
const hasSystem = (s: SystemId) => (a: Record<string, string>) => splitList(a.systems ?? '').includes(s);

/** "SQL Server 2019" → { engine: "SQL Server", version: "2019" } (the version is the last word, and has a digit); null otherwise. */
export function parseDatabase(text: string): { engine: string; version: string } | null {
  const m = /^(.*\S)\s+(\S*\d\S*)$/.exec(text.trim());
  return m ? { engine: m[1]!, version: m[2]! } : null;
}

/** Splits a comma-separated answer. */
export function splitList(v: string): string[] {
  return v.split(/[,，\s]+/).map((x) => x.trim()).filter(Boolean);
}

/** First day of the month of `now` in China Standard Time. */
function monthStart(now: number): string {
  const d = cstDateOf(now);
  return formatDate({ ...d, day: 1 });
}

function systemQuestions(s: SystemId): Question[] {
  return [
    { key: `${s}.name`, label: `${SYSTEM_NAMES[s]}·名称`, hint: 'full name of the system', default: () => SYSTEM_NAMES[s], check: nonEmpty, when: hasSystem(s) },
    { key: `${s}.version`, label: `${SYSTEM_NAMES[s]}·在用版本`, hint: 'version in service, e.g. 5.2', default: () => '1.0', check: (v) => (/^\S+$/.test(v) ? null : 'expected a version without spaces, e.g. 5.2'), required: true, ask: true, when: hasSystem(s) },
    { key: `${s}.database`, label: `${SYSTEM_NAMES[s]}·数据库`, hint: 'database engine and version, e.g. "SQL Server 2019"', ask: true, choices: ENGINE_CHOICES, when: hasSystem(s),
      check: (v) => (parseDatabase(v) ? null : 'expected the engine and its version, e.g. "SQL Server 2019", "Oracle 19c", "达梦 8"') },
  ];
}

/** Every question, in prompt order. */
export const QUESTIONS: readonly Question[] = [
  { key: 'hospital', label: '院方（医院名称）', hint: 'hospital name', check: nonEmpty, required: true, ask: true },
  { key: 'vendor', label: '供应商', hint: 'vendor (your company) name', check: nonEmpty, required: true, ask: true },
  { key: 'contract', label: '合同编号', hint: 'contract number, e.g. HT-2026-001', check: (v) => (ID_RE.test(v) ? null : 'expected letters, digits, ".", "_" or "-" (e.g. HT-2026-001)'), required: true, ask: true },
  { key: 'systems', label: '合同范围内的系统', hint: 'aims,icis (comma-separated)', default: () => 'aims,icis', multiple: true, choices: SYSTEM_IDS, ask: true, required: true,
    check: (v) => {
      const xs = splitList(v);
      const bad = xs.filter((x) => !(SYSTEM_IDS as readonly string[]).includes(x));
      if (bad.length) return `unexpected ${bad.map((b) => `\`${b}\``).join(', ')}, expected aims and/or icis`;
      return xs.length ? null : 'expected at least one of aims, icis';
    } },
  ...systemQuestions('aims'),
  ...systemQuestions('icis'),
  { key: 'title', label: '合同名称', hint: 'contract title', default: (a) => `${splitList(a.systems ?? '').map((s) => a[`${s}.name`] ?? SYSTEM_NAMES[s as SystemId]).join('及')}运维服务合同`, check: nonEmpty },
  { key: 'signed_at', label: '签订日期', hint: 'YYYY-MM-DD', check: dateCheck },
  { key: 'start', label: '第一个服务期开始日期', hint: 'YYYY-MM-DD', default: (_a, now) => monthStart(now), check: dateCheck, required: true, ask: true },
  { key: 'years', label: '服务期数（每期一年）', hint: 'number of one-year service periods', default: () => '2', check: (v) => (/^[1-9]\d?$/.test(v) ? null : 'expected a whole number of years, 1–99'), required: true, ask: true },
  { key: 'hotline', label: '7×24 服务热线号码', hint: 'service hotline number, e.g. 400-000-0000', ask: true,
    check: (v) => (/^\+?[0-9][0-9 -]{5,20}[0-9]$/.test(v) ? null : 'expected a phone number of digits, spaces and hyphens, e.g. 400-000-0000') },
  { key: 'lead.name', label: '供应商项目负责人姓名', hint: 'name of the vendor project lead', default: () => '项目负责人（待填写）', check: nonEmpty, ask: true },
  { key: 'lead.id', label: '项目负责人人员编号', hint: 'person id, e.g. P-zhangwei', default: () => 'P-lead', check: (v) => (ID_RE.test(v) ? null : 'expected an id like P-zhangwei') },
  { key: 'age', label: '移交清单加密公钥（age1…，多个用逗号分隔）', hint: 'age recipients (public keys) of the vendor lead and hospital IT',
    check: (v) => {
      const bad = splitList(v).filter((r) => !isAgeRecipient(r));
      return bad.length ? `not an age public key: ${bad.join(', ')} (expected age1…)` : null;
    }, ask: true, multiple: true },
  { key: 'site.title', label: '站点标题', hint: 'site title', default: (a) => `${a.hospital ?? ''}运维知识库`, check: nonEmpty },
  { key: 'site.url', label: '站点域名', hint: 'https://host (no path)', check: (v) => (/^https?:\/\/[^/\s]+$/.test(v) ? null : 'expected http(s)://host without a path') },
  { key: 'site.base_url', label: '站点路径', hint: 'path the site is served under, e.g. /opsbook/', default: () => '/', check: (v) => (/^\/([^\s]*\/)?$/.test(v) ? null : 'expected a path that starts and ends with /, e.g. /opsbook/') },
  { key: 'main_branch', label: '主分支', hint: 'Git main branch', default: () => 'main', check: (v) => (/^[\w./-]+$/.test(v) ? null : 'expected a branch name') },
];

/** Keys of the `sla` policy accepted as `--set sla.<path>=value` (typed by the contract schema). */
const SLA_PREFIX = 'sla.';

/** Parsed `--set` flags: plain answers by key, SLA overrides by dotted path. */
export interface InitSets {
  answers: Record<string, string>;
  sla: Record<string, unknown>;
}

/** Parses repeated `key=value` flags. Throws UserError on unknown keys or malformed values. */
export function parseInitSets(sets: readonly string[]): InitSets {
  const answers: Record<string, string> = {};
  const sla: Record<string, unknown> = {};
  for (const s of sets) {
    const eq = s.indexOf('=');
    if (eq <= 0) throw new UserError(`Unexpected --set \`${s}\`, expected key=value (e.g. --set hospital=东川市第一人民医院)`);
    const key = s.slice(0, eq).trim();
    const value = s.slice(eq + 1).trim();
    if (key.startsWith(SLA_PREFIX)) {
      sla[key.slice(SLA_PREFIX.length)] = coerce('contract', key, value);
      continue;
    }
    const q = QUESTIONS.find((x) => x.key === key);
    if (!q) {
      throw new UserError(`Unexpected --set key \`${key}\`, expected one of ${QUESTIONS.map((x) => x.key).join(', ')} or sla.<policy key> (e.g. sla.fault_response=PT30M)`);
    }
    const problem = q.check?.(value) ?? null;
    if (problem) throw new UserError(`Unexpected --set ${key}=${value} (${q.label}): ${problem}`);
    answers[key] = value;
  }
  return { answers, sla };
}

/** Asks one question on a terminal; returns the answer text ('' = none). */
export type Asker = (q: Question, def: string | undefined) => Promise<string>;

/**
 * Completes the answers: flags first, then (when `ask` is given) prompts for
 * the questions marked `ask`, then defaults. Throws UserError listing what is
 * still missing.
 */
export async function completeAnswers(given: Record<string, string>, now: number, ask?: Asker): Promise<Record<string, string>> {
  const a: Record<string, string> = { ...given };
  for (const q of QUESTIONS) {
    if (q.when && !q.when(a)) continue;
    if (a[q.key] !== undefined) continue;
    const def = q.default?.(a, now);
    if (ask && q.ask) {
      const v = (await ask(q, def)).trim();
      if (v) a[q.key] = v;
      else if (def !== undefined) a[q.key] = def;
    } else if (def !== undefined) {
      a[q.key] = def;
    }
  }
  const missing = QUESTIONS.filter((q) => q.required && (!q.when || q.when(a)) && !a[q.key]);
  if (missing.length) {
    throw new UserError(`Unexpected missing ${missing.map((q) => `\`${q.key}\` (${q.label})`).join(', ')}, expected ${missing.map((q) => `--set ${q.key}=<${q.hint}>`).join(' ')} (or run in a terminal to be asked)`);
  }
  return a;
}

/** The knowledge base `opsbook init` writes, as data. */
export interface KbPlan {
  hospital: string;
  vendor: string;
  contractId: string;
  contractTitle: string;
  signedAt?: string;
  hotline?: string;
  systems: { id: SystemId; name: string; version: string; database?: { engine: string; version: string } }[];
  periods: { id: string; start: string; end: string }[];
  sla: Contract['sla'];
  ageRecipients: string[];
  site: { title: string; url?: string; baseUrl: string };
  lead: { id: string; name: string };
  mainBranch: string;
}

function setPath(obj: Record<string, unknown>, dotted: string, value: unknown): void {
  const parts = dotted.split('.');
  let holder = obj;
  for (const p of parts.slice(0, -1)) {
    const next = holder[p];
    holder = (next && typeof next === 'object' ? next : (holder[p] = {})) as Record<string, unknown>;
  }
  holder[parts[parts.length - 1]!] = value;
}

/** Turns complete answers (and SLA overrides) into the plan of the knowledge base. */
export function planFromAnswers(a: Record<string, string>, slaOverrides: Record<string, unknown> = {}): KbPlan {
  const systems = splitList(a.systems ?? '').map((id) => ({
    id: id as SystemId,
    name: a[`${id}.name`] ?? SYSTEM_NAMES[id as SystemId],
    version: a[`${id}.version`] ?? '1.0',
    ...(a[`${id}.database`] && parseDatabase(a[`${id}.database`]!) ? { database: parseDatabase(a[`${id}.database`]!)! } : {}),
  }));
  const years = Number(a.years ?? '2');
  const periods: KbPlan['periods'] = [];
  let start = parseDate(a.start!);
  for (let i = 1; i <= years; i++) {
    const next = { year: start.year + 1, month: start.month, day: start.day };
    // a period starting on 29 February ends on 28 February
    const nextStart = checkDate(formatDate(next)) === null ? next : { year: next.year, month: 3, day: 1 };
    periods.push({ id: `Y${i}`, start: formatDate(start), end: formatDate(addDays(nextStart, -1)) });
    start = nextStart;
  }
  // the contract's own terms, then the periods it does not state, written out with opsbook's defaults (as the demo contract does)
  const sla = { ...seedSla(), ...POLICY_DEFAULTS } as unknown as Record<string, unknown>;
  for (const [k, v] of Object.entries(slaOverrides)) setPath(sla, k, v);
  return {
    hospital: a.hospital!,
    vendor: a.vendor!,
    contractId: a.contract!,
    contractTitle: a.title!,
    ...(a.signed_at ? { signedAt: a.signed_at } : {}),
    ...(a.hotline ? { hotline: a.hotline } : {}),
    systems,
    periods,
    sla: sla as unknown as Contract['sla'],
    ageRecipients: a.age ? parseRecipientList(a.age.replace(/[，\s]+/g, ',')) : [],
    site: { title: a['site.title']!, ...(a['site.url'] ? { url: a['site.url'] } : {}), baseUrl: a['site.base_url'] ?? '/' },
    lead: { id: a['lead.id'] ?? 'P-lead', name: a['lead.name']! },
    mainBranch: a.main_branch ?? 'main',
  };
}
