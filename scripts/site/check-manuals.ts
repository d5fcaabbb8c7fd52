/**
 * HO-1 / S-4 / S-8 evidence: which of the documents the contract asks for
 * exist in each system's current manuals (docs/<system>/), read as mdast.
 *
 * A page is recognised by its front matter `doc_kind` (om-manual, user-manual,
 * faq, interfaces, feature-guide) or, failing that, by its conventional path
 * (om-manual.md, user-manual/index.md, faq.md, features/<version>.md).
 * Release notes and the data dictionary are generated from records, so their
 * evidence is the release and data-dictionary records themselves.
 */
import fs from 'node:fs';
import path from 'node:path';
import { headingsOf, textOf } from './mdast-helpers.js';
import { parseMarkdown, splitFrontMatter, type MarkdownPage } from './read-markdown.js';

export type SystemId = 'aims' | 'icis';
export const SYSTEMS: readonly SystemId[] = ['aims', 'icis'];

/** The O&M manual sections the contract names (三、报告服务) plus the ones we always write. */
export const OM_SECTIONS = {
  shutdown: '停机',
  startup: '启动',
  backup: '备份',
  restore: '恢复',
  monitoring: '监控',
  logs: '日志',
  troubleshooting: '常见故障',
} as const;
export type OmSectionKey = keyof typeof OM_SECTIONS;
/** Sections HO-1 requires (停机、启动、备份、恢复). */
export const REQUIRED_OM_SECTIONS: readonly OmSectionKey[] = ['shutdown', 'startup', 'backup', 'restore'];

export interface SectionHit {
  /** Heading text as written. */
  text: string;
  line: number;
}

export interface ManualCheck {
  system: SystemId;
  /** `docs/<system>` relative to the root, or null when the folder is missing. */
  docsDir: string | null;
  omManual: {
    path: string;
    /** Whether a heading names each section (HO-1 needs the first four). */
    sections: Record<OmSectionKey, boolean>;
    /** Where each found section starts. */
    headings: Partial<Record<OmSectionKey, SectionHit>>;
  } | null;
  userManual: string | null;
  /** Role pages of the user manual (paths). */
  userManualPages: string[];
  faq: string | null;
  interfaces: string | null;
  /** New-feature guides (新功能使用说明), by version, sorted by version. */
  featureGuides: { version: string; path: string }[];
  /** Data dictionary record files of this system (records/data-dictionary/…). */
  dataDictionary: string[];
  /** Release records of this system: each one gets a generated 软件更新内容说明 page. */
  releaseNotes: { version: string; releaseId: string; path: string }[];
  /** Chinese labels of what HO-1 expects and is missing. */
  missing: string[];
}

interface DocFile {
  rel: string;
  /** Front matter (`doc_kind`, `version`): all a page but the O&M manual is judged by. */
  frontMatter: Record<string, unknown>;
  /** The file's text; parsed to mdast only for the O&M manual, whose headings are checked. */
  text: string;
}

const toPosix = (p: string) => p.split(path.sep).join('/');

/** Markdown files under dir (skipping generated/ and hidden folders), sorted. */
function listMarkdown(dir: string): string[] {
  const out: string[] = [];
  const walk = (d: string) => {
    for (const ent of fs.readdirSync(d, { withFileTypes: true })) {
      if (ent.name.startsWith('.') || ent.name.startsWith('_')) continue;
      const full = path.join(d, ent.name);
      if (ent.isDirectory()) {
        if (ent.name !== 'generated') walk(full);
      } else if (/\.mdx?$/.test(ent.name)) out.push(full);
    }
  };
  walk(dir);
  return out.sort();
}

/** Heading text without `{#id}`, numbering (1. / 1.2 / 一、 / 第一章) and surrounding blanks. */
export function normalizeHeading(text: string): string {
  return text
    .replace(/\{#[^}]*\}\s*$/, '')
    .replace(/^\s*(第[一二三四五六七八九十\d]+[章节部分]|[一二三四五六七八九十]+[、.．]|\d+(\.\d+)*[、.．]?)\s*/, '')
    .trim();
}

/** Finds the O&M sections among the page's headings (level 2 or deeper). */
export function findOmSections(page: MarkdownPage): Partial<Record<OmSectionKey, SectionHit>> {
  const found: Partial<Record<OmSectionKey, SectionHit>> = {};
  for (const h of headingsOf(page.tree)) {
    if (h.depth < 2) continue;
    const text = normalizeHeading(textOf(h));
    for (const [key, word] of Object.entries(OM_SECTIONS) as [OmSectionKey, string][]) {
      // "停机", "停机步骤", "1. 备份与恢复" all name their sections; "启动盘" would too, which is fine for a manual.
      if (!found[key] && text.length <= 24 && text.includes(word)) {
        found[key] = { text: textOf(h).replace(/\s*\{#[^}]*\}\s*$/, ''), line: h.position?.start.line ?? 0 };
      }
    }
  }
  return found;
}

function kindOf(doc: DocFile, docsDir: string): string | null {
  const declared = doc.frontMatter['doc_kind'];
  if (typeof declared === 'string') return declared;
  const inDir = doc.rel.slice(docsDir.length + 1);
  if (/^om-manual(\/index)?\.mdx?$/.test(inDir)) return 'om-manual';
  if (/^user-manual(\/index)?\.mdx?$/.test(inDir)) return 'user-manual';
  if (/^faq(\/index)?\.mdx?$/.test(inDir)) return 'faq';
  if (/^interfaces(\/index)?\.mdx?$/.test(inDir)) return 'interfaces';
  if (/^features\/[^/]+\.mdx?$/.test(inDir)) return 'feature-guide';
  return null;
}

/** Compares dotted versions numerically (5.10 after 5.9). */
export function compareVersions(a: string, b: string): number {
  const pa = a.split(/[.-]/);
  const pb = b.split(/[.-]/);
  for (let i = 0; i < Math.max(pa.length, pb.length); i++) {
    const x = pa[i] ?? '';
    const y = pb[i] ?? '';
    const nx = Number(x);
    const ny = Number(y);
    const c = Number.isFinite(nx) && Number.isFinite(ny) && x !== '' && y !== '' ? nx - ny : x.localeCompare(y);
    if (c !== 0) return c;
  }
  return 0;
}

/** Evidence from records that checkManuals reports beside the pages. */
export interface ManualRecordEvidence {
  releases: { id: string; system: string; version: string; path: string }[];
  dataDictionaries: { system: string; path: string }[];
  /** Systems in the contract (checked even when their docs folder is missing). */
  systems: string[];
}

/** Reads release / data-dictionary evidence with the KB loader (records that fail validation are left out). */
async function recordEvidence(root: string): Promise<ManualRecordEvidence> {
  if (!fs.existsSync(path.join(root, 'records'))) return { releases: [], dataDictionaries: [], systems: [] };
  const { loadKnowledgeBase } = await import('../records/index.js');
  const kb = await loadKnowledgeBase(root);
  const releases: ManualRecordEvidence['releases'] = [];
  const dataDictionaries: ManualRecordEvidence['dataDictionaries'] = [];
  for (const r of kb.records) {
    if (r.kind === 'release') {
      const d = r.data as { system: string; version: string };
      releases.push({ id: r.id, system: d.system, version: d.version, path: r.path });
    } else if (r.kind === 'data_dictionary') {
      dataDictionaries.push({ system: (r.data as { system: string }).system, path: r.path });
    }
  }
  return { releases, dataDictionaries, systems: Object.keys(kb.contract?.systems ?? {}) };
}

/**
 * Checks each system's manuals under `root/docs/<system>/`.
 * @param root KB root
 * @param evidence release / data-dictionary records when the caller has the KB loaded already
 *   (else they are loaded from `root/records`)
 * @returns one entry per system that has a docs folder or is in the contract; `[]` when the KB has no docs/
 */
export async function checkManuals(root: string, evidence?: ManualRecordEvidence): Promise<ManualCheck[]> {
  const docsRoot = path.join(root, 'docs');
  if (!fs.existsSync(docsRoot) || !fs.statSync(docsRoot).isDirectory()) return [];
  const ev = evidence ?? (await recordEvidence(root));
  const systems = SYSTEMS.filter((s) => ev.systems.includes(s) || fs.existsSync(path.join(docsRoot, s)));
  const results: ManualCheck[] = [];
  for (const system of systems) {
    const abs = path.join(docsRoot, system);
    const docsDir = fs.existsSync(abs) ? `docs/${system}` : null;
    const docs: DocFile[] = [];
    if (docsDir) {
      for (const file of listMarkdown(abs)) {
        const text = await fs.promises.readFile(file, 'utf8');
        docs.push({ rel: toPosix(path.relative(root, file)), frontMatter: splitFrontMatter(text).frontMatter, text });
      }
    }
    const byKind = (k: string) => docs.filter((d) => kindOf(d, `docs/${system}`) === k);
    const om = byKind('om-manual')[0];
    let omManual: ManualCheck['omManual'] = null;
    if (om) {
      const headings = findOmSections(parseMarkdown(om.text));
      const sections = Object.fromEntries(Object.keys(OM_SECTIONS).map((k) => [k, k in headings])) as Record<OmSectionKey, boolean>;
      omManual = { path: om.rel, sections, headings };
    }
    const user = byKind('user-manual')[0];
    const userDir = user ? path.posix.dirname(user.rel) : null;
    const userManualPages = user && user.rel.match(/\/index\.mdx?$/) && userDir
      ? docs.filter((d) => d !== user && d.rel.startsWith(`${userDir}/`)).map((d) => d.rel)
      : [];
    const featureGuides = byKind('feature-guide')
      .map((d) => {
        const v = d.frontMatter['version'];
        return { version: typeof v === 'string' || typeof v === 'number' ? String(v) : path.posix.basename(d.rel).replace(/\.mdx?$/, ''), path: d.rel };
      })
      .sort((a, b) => compareVersions(a.version, b.version));
    const dataDictionary = ev.dataDictionaries.filter((d) => d.system === system).map((d) => d.path);
    const releaseNotes = ev.releases
      .filter((r) => r.system === system)
      .map((r) => ({ version: r.version, releaseId: r.id, path: r.path }))
      .sort((a, b) => compareVersions(a.version, b.version));
    const missing: string[] = [];
    if (!omManual) missing.push('标准操作维护手册');
    else for (const k of REQUIRED_OM_SECTIONS) if (!omManual.sections[k]) missing.push(`标准操作维护手册·${OM_SECTIONS[k]}`);
    if (!user) missing.push('用户手册');
    if (dataDictionary.length === 0) missing.push('数据字典');
    results.push({
      system,
      docsDir,
      omManual,
      userManual: user?.rel ?? null,
      userManualPages,
      faq: byKind('faq')[0]?.rel ?? null,
      interfaces: byKind('interfaces')[0]?.rel ?? null,
      featureGuides,
      dataDictionary,
      releaseNotes,
      missing,
    });
  }
  return results;
}
