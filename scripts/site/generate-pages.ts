/**
 * Writes the record-driven pages of the site (never edited by hand, gitignored):
 *
 * - `docs/<system>/generated/data-dictionary.md`, `release-notes/…` (per system)
 * - `docs/general/generated/{sla-dashboard,compliance,inspections,handover,deliveries}.md`, `tickets.mdx` + `tickets.register.json`
 * - `docs/general/generated/charts/sla-<period>-{monthly,severity,response}.svg` (the dashboard's charts)
 * - `docs/general/generated/as-of.json`: the as-of the pages show (`:as-of`), so a new as-of alone rewrites no page
 *
 * Stale files in those folders are removed, so a deleted record's page goes away.
 * A file is written only when its content changed, so after one record
 * changes the site build's caches (rspack, Docusaurus) see one changed page.
 */
import fs from 'node:fs';
import path from 'node:path';
import { loadKnowledgeBase, type Contract, type KnowledgeBase } from '../records/index.js';
import { listPeriods, resolvePeriod } from '../sla/resolve-period.js';
import { SYSTEMS, compareVersions } from './check-manuals.js';
import { writeFileAtomic } from '../shared/atomic-file.js';
import { dataDictionaryPage } from './pages/data-dictionary.js';
import { releaseNotesFile, releaseNotesIndexPage, releaseNotesPage, releaseNotesRoute } from './pages/release-notes.js';
import { inspectionsPage } from './pages/inspections.js';
import { TICKET_REGISTER_DATA, TICKET_REGISTER_ROUTE, ticketsPage, type TicketSlaStatus } from './pages/tickets.js';
import { handoverPage, type HandoverManifest } from './pages/handover.js';
import { redactCredentials } from './disclosure.js';
import { formatCst } from '../shared/time.js';
import { slaDashboardPage, type DashboardSla, type Stamp } from './pages/sla-dashboard.js';
import { compliancePage, type MatrixView } from './pages/compliance.js';
import { deliveriesPage } from './pages/deliveries.js';
import { anchorOf } from './format.js';
import { showInstant, showTime } from '../shared/display.js';
import { text } from './mdast-build.js';
import { AS_OF_DATA, AS_OF_DIRECTIVE, type AsOfData } from './markdown/remark-facts.js';
import { loadEngines, type Engines } from './engines.js';

export interface GenerateOptions {
  /** "Now" for period selection and SLA/compliance status (epoch ms). */
  asOf: number;
  /** An already loaded KB (else loaded from root). */
  kb?: KnowledgeBase;
  /** Engines override (tests); default: the SLA / compliance / secrets modules of this tool. */
  engines?: Engines;
  onProgress?: (message: string) => void;
}

export interface GeneratedPages {
  /** Every generated file, relative to root. */
  files: string[];
  /** The files whose content changed (written); the others were left untouched, so the site build's caches hit. */
  changed: string[];
  /** Stale files removed (a deleted record's page). */
  removed: string[];
  /** Things the pages could not show (engine missing, unreadable manifest), one line each. */
  warnings: string[];
}

const CATEGORY = (label: string, position: number, indexLink = false) =>
  `${JSON.stringify({ label, position, collapsed: true, ...(indexLink ? {} : { link: null }) }, null, 2)}\n`;

/**
 * Generates every record-driven page under `root/docs/`.
 * @returns the files written (relative to root) and warnings
 */
export async function generatePages(root: string, opts: GenerateOptions): Promise<GeneratedPages> {
  // alone (`opsbook site build`), with the loader's cache of checked records (build/.cache): a rebuild after one
  // record changes parses that record only
  const kb = opts.kb ?? (await loadKnowledgeBase(root, { cache: true }));
  const engines = opts.engines ?? (await loadEngines());
  const pages = new Map<string, string>();
  const warnings: string[] = [];
  const progress = opts.onProgress ?? (() => {});

  progress('system pages');
  const systems = SYSTEMS.filter((s) => kb.contract?.systems?.[s] || fs.existsSync(path.join(root, 'docs', s)));
  for (const system of systems) {
    const base = `docs/${system}/generated`;
    pages.set(`${base}/_category_.json`, CATEGORY('数据字典与更新说明', 90));
    pages.set(`${base}/data-dictionary.md`, dataDictionaryPage(system, kb.dataDictionaries.filter((d) => d.system === system), kb.contract?.systems?.[system]?.database));
    const releases = kb.releases.filter((r) => r.system === system);
    pages.set(`${base}/release-notes/_category_.json`, CATEGORY('软件更新内容说明', 2, true));
    pages.set(`${base}/release-notes/index.md`, releaseNotesIndexPage(system, releases));
    [...releases].sort((a, b) => compareVersions(b.version, a.version))
      .forEach((r, i) => pages.set(`${base}/release-notes/${releaseNotesFile(r)}`, releaseNotesPage(root, r, kb.trainings, 10 + i)));
  }

  progress('service pages');
  const g = 'docs/general/generated';
  // The as-of goes into one data file that the pages read (`:as-of`, markdown/remark-facts.ts), never into a page's
  // text: a build at a new time whose records and verdicts are the same rewrites that file alone.
  const asOfText = showInstant(opts.asOf);
  pages.set(AS_OF_DATA, `${JSON.stringify({ text: asOfText } satisfies AsOfData)}\n`);
  const stamp: Stamp = (iso) => (showTime(iso) === asOfText ? text(AS_OF_DIRECTIVE) : showTime(iso));
  pages.set(`${g}/_category_.json`, CATEGORY('服务台账与合规', 10));
  pages.set(`${g}/inspections.md`, inspectionsPage(kb.inspections));

  const periods = [...(kb.contract?.service_periods ?? [])];
  const { current, previous } = pickPeriods(periods, opts.asOf);
  let sla: { current: DashboardSla | null; previous: DashboardSla | null } = { current: null, previous: null };
  let slaNote: string | undefined;
  if (!engines.sla) {
    slaNote = 'SLA 计算模块尚未接入本工具，本次构建没有 SLA 数据。';
    warnings.push('site: SLA engine not available; the dashboard and ticket register show no SLA status');
  } else if (!current) {
    slaNote = '合同记录中没有服务期，无法计算 SLA。';
  } else {
    progress('SLA');
    sla = { current: await engines.sla(kb, current.id, opts.asOf), previous: previous ? await engines.sla(kb, previous.id, opts.asOf) : null };
  }
  const dashboard = slaDashboardPage(sla.current, sla.previous, slaNote,
    Object.entries(kb.contract?.systems ?? {}).map(([id, sys]) => ({ id, name: sys.name })), stamp);
  pages.set(`${g}/sla-dashboard.md`, dashboard.markdown);
  for (const c of dashboard.charts) pages.set(`${g}/${c.file}`, c.svg);
  const verdicts = sla.current || sla.previous
    ? new Map<string, TicketSlaStatus>([...(sla.previous?.tickets ?? []), ...(sla.current?.tickets ?? [])].map((t) => [t.id, t]))
    : null;
  const register = ticketsPage(kb.tickets, verdicts, periods);
  pages.set(`${g}/tickets.mdx`, register.mdx);
  pages.set(`${g}/${TICKET_REGISTER_DATA}`, `${JSON.stringify(register.data)}\n`);

  progress('hand-over');
  const manifests: HandoverManifest[] = [];
  for (const file of kb.handoverFiles) {
    try {
      manifests.push({ path: file, outline: await engines.handoverOutline(path.join(root, file)) });
    } catch (err) {
      const message = (err as Error).message.split('\n')[0] ?? '';
      warnings.push(`${file}: ${message}`);
      manifests.push({ path: file, outline: null, error: message });
    }
  }
  const outlines = manifests.flatMap((m) => (m.outline ? [m.outline] : []));
  const stale = engines.staleCredentials ? engines.staleCredentials(outlines, kb.people, formatCst(opts.asOf).slice(0, 10)) : null;
  pages.set(`${g}/handover.md`, handoverPage(manifests, stale));

  let compliance: MatrixView | null = null;
  let complianceNote: string | undefined;
  if (!engines.compliance) {
    complianceNote = '合规评估模块尚未接入本工具，本次构建没有合规矩阵。';
    warnings.push('site: compliance engine not available; the compliance page is empty');
  } else if (current) {
    progress('compliance');
    compliance = await engines.compliance(kb, root, current.id, opts.asOf);
  }
  pages.set(`${g}/compliance.md`, compliancePage(compliance, evidenceLinker(kb), engines.clauseTitles ?? {}, complianceNote,
    (t) => redactCredentials(t, outlines, kb.people.flatMap((p) => p.credential_access ?? [])), stamp));

  progress('deliveries');
  pages.set(`${g}/deliveries.md`, engines.deliveries
    ? deliveriesPage(await engines.deliveries(kb, opts.asOf), text(AS_OF_DIRECTIVE))
    : deliveriesPage(null, '', '报告交付模块未接入，本次构建没有交付数据。'));

  progress('writing');
  const files = [...pages.keys()].sort();
  const changed: string[] = [];
  // The disclosure rule on every generated page, whatever record text it quotes (ticket titles, findings, notes):
  // a credential's user name never reaches the site (scripts/site/disclosure.ts).
  const credentialPaths = kb.people.flatMap((p) => p.credential_access ?? []);
  const disclose = (rel: string, text: string) => (rel.endsWith('.svg') ? text : redactCredentials(text, outlines, credentialPaths));
  for (const rel of files) if (await writeIfChanged(path.join(root, rel), disclose(rel, pages.get(rel)!))) changed.push(rel);
  const removed = removeStale(root, ['docs/general/generated', ...systems.map((s) => `docs/${s}/generated`)], new Set(files));
  return { files, changed, removed, warnings };
}

/** The period `opsbook sla` would judge as of `asOf` (sla/resolve-period.ts decides) and the one before it. */
export function pickPeriods<P extends Contract['service_periods'][number]>(periods: P[], asOf: number): { current: P | null; previous: P | null } {
  if (periods.length === 0) return { current: null, previous: null };
  const all = listPeriods({ service_periods: periods }).sort((a, b) => a.startMs - b.startMs);
  const i = all.findIndex((p) => p.index === resolvePeriod({ service_periods: periods }, undefined, asOf).index);
  const at = (k: number): P | null => (k >= 0 && all[k] ? periods[all[k].index] ?? null : null);
  return { current: at(i), previous: at(i - 1) };
}

/** Links evidence record ids to the page that shows them. */
function evidenceLinker(kb: KnowledgeBase): (id: string) => string | null {
  return (id) => {
    const rec = kb.byId.get(id);
    if (!rec) return null;
    switch (rec.kind) {
      case 'ticket': return `${TICKET_REGISTER_ROUTE}#${id}`;
      case 'inspection': return `/general/generated/inspections/#${anchorOf(id)}`;
      case 'release': return `${releaseNotesRoute(rec.data as Parameters<typeof releaseNotesRoute>[0])}/`;
      case 'data_dictionary': return `/${(rec.data as { system: string }).system}/generated/data-dictionary/`;
      default: return null;
    }
  };
}

/**
 * Writes a generated file only when its content differs from what is on disk
 * (atomically), so an unchanged page keeps its modification time and the
 * bundler's and Docusaurus's caches treat it as unchanged.
 * @returns whether the file was written
 */
export async function writeIfChanged(abs: string, content: string): Promise<boolean> {
  try {
    if (fs.readFileSync(abs, 'utf8') === content) return false;
  } catch {
    // missing or unreadable: write it
  }
  await writeFileAtomic(abs, content);
  return true;
}

function removeStale(root: string, dirs: string[], keep: Set<string>): string[] {
  const removed: string[] = [];
  for (const dir of dirs) {
    const abs = path.join(root, dir);
    if (!fs.existsSync(abs)) continue;
    const walk = (d: string) => {
      for (const ent of fs.readdirSync(d, { withFileTypes: true })) {
        const full = path.join(d, ent.name);
        const rel = path.relative(root, full).split(path.sep).join('/');
        if (ent.isDirectory()) {
          walk(full);
          if (fs.readdirSync(full).length === 0) fs.rmdirSync(full);
        } else if (!keep.has(rel)) {
          fs.rmSync(full);
          removed.push(rel);
        }
      }
    };
    walk(abs);
  }
  return removed;
}
