/**
 * One declaration per fact, outside records/: the database engine and version
 * each system declares in the contract (`systems.<system>.database`) must be
 * what the encrypted hand-over manifests (their clear `engine` field, read
 * with the secrets domain's outline API) and the manuals say.
 *
 * - a manifest's `databases[].engine` that names another engine or version: error;
 * - a manual's front matter `database:` that disagrees: error;
 * - a manual's text (diagrams included) naming another engine or version: warning
 *   (it may be history, e.g. a migration note — a person decides).
 *
 * The data dictionaries are checked by the record rule
 * scripts/records/rules/declared-database.ts, with the same vocabulary.
 * Only the current docs (`docs/<system>/`, not generated pages or old versions).
 * Returns diagnostics; never prints.
 */
import fs from 'node:fs';
import path from 'node:path';
import type { KnowledgeBase } from '../records/index.js';
import type { Diagnostic } from '../shared/errors.js';
import { agrees, databaseMentions, declaredDatabase, type DeclaredDatabase } from '../records/rules/declared-database.js';
import { parse as parseYaml } from 'yaml';

const RULE = 'declared-database';

/** The front matter of a Markdown text as a mapping (`{}` when absent or broken: Docusaurus reports that). Only `yaml`, not remark: validate stays fast. */
function frontMatterOf(text: string): { data: Record<string, unknown>; length: number } {
  const m = /^---\r?\n([\s\S]*?)\r?\n---/.exec(text);
  if (!m) return { data: {}, length: 0 };
  try {
    const data: unknown = parseYaml(m[1] ?? '');
    return { data: data && typeof data === 'object' && !Array.isArray(data) ? (data as Record<string, unknown>) : {}, length: m[0].length };
  } catch {
    return { data: {}, length: m[0].length };
  }
}

/** Line and column (1-based) of an offset. */
function position(text: string, offset: number): { line: number; column: number } {
  const before = text.slice(0, offset);
  const line = before.split('\n').length;
  return { line, column: offset - before.lastIndexOf('\n') };
}

function markdownFiles(dir: string): string[] {
  if (!fs.existsSync(dir)) return [];
  const out: string[] = [];
  for (const ent of fs.readdirSync(dir, { withFileTypes: true })) {
    if (ent.name === 'generated' || ent.name.startsWith('.')) continue;
    const full = path.join(dir, ent.name);
    if (ent.isDirectory()) out.push(...markdownFiles(full));
    else if (/\.mdx?$/.test(ent.name)) out.push(full);
  }
  return out.sort();
}

/** Checks a manual: its front matter `database` (error) and the engines its text names (warning). */
export function checkManualText(rel: string, text: string, decl: DeclaredDatabase, system: string): Diagnostic[] {
  const out: Diagnostic[] = [];
  const where = `as records/contract.yaml declares in systems.${system}.database`;
  const { data: frontMatter, length: fmEnd } = frontMatterOf(text);
  const declared = frontMatter['database'];
  if (declared !== undefined) {
    const value = String(declared);
    const at = position(text, Math.max(0, text.search(/^database\s*:/m)));
    const mentions = databaseMentions(value);
    const wrong = mentions.find((m) => !agrees(decl, m));
    if (wrong || mentions.length === 0) {
      out.push({ path: rel, ...at, rule: RULE, severity: 'error', message: `Unexpected front matter \`database: ${value}\`, expected ${decl.text} ${where}` });
    }
  }
  for (const m of databaseMentions(text.slice(fmEnd))) {
    if (agrees(decl, m)) continue;
    out.push({ path: rel, ...position(text, fmEnd + m.index), rule: RULE, severity: 'warning', message: `This ${system} page names \`${m.text}\`, but the system's database is ${decl.text} (${where}); correct the page, or the contract if the database changed` });
  }
  return out;
}

/** Checks a hand-over manifest's clear `engine:` values against the declaration (located in the file's text). */
export function checkManifestEngines(rel: string, text: string, engines: (string | null)[], decl: DeclaredDatabase, system: string): Diagnostic[] {
  const out: Diagnostic[] = [];
  const lines = [...text.matchAll(/^(\s*)engine\s*:\s*(.*)$/gm)];
  engines.forEach((engine, i) => {
    if (!engine) return;
    const wrong = databaseMentions(engine).find((m) => !agrees(decl, m));
    if (!wrong) return;
    const hit = lines[i];
    const at = hit ? position(text, hit.index! + hit[1]!.length) : { line: 1, column: 1 };
    out.push({ path: rel, ...at, rule: RULE, severity: 'error', message: `Unexpected engine \`${engine}\` in the hand-over manifest, expected ${decl.text} as records/contract.yaml declares in systems.${system}.database (edit with \`opsbook secrets edit ${rel}\`)` });
  });
  return out;
}

/**
 * Checks the hand-over manifests and the current manuals of every system that
 * declares its database.
 * @param root KB root
 * @param kb the loaded KB (contract, hand-over files)
 */
export async function checkDeclaredFacts(root: string, kb: Pick<KnowledgeBase, 'contract' | 'handoverFiles'>): Promise<Diagnostic[]> {
  const systems = (kb.contract?.systems ?? {}) as Record<string, { database?: { engine: string; version: string } } | undefined>;
  const declared = new Map<string, DeclaredDatabase>();
  for (const [id, sys] of Object.entries(systems)) {
    const d = declaredDatabase(sys?.database);
    if (d) declared.set(id, d);
  }
  if (declared.size === 0) return [];
  const out: Diagnostic[] = [];
  if (kb.handoverFiles.length) {
    const { readHandoverOutline } = await import('../secrets/handover-outline.js');
    for (const rel of kb.handoverFiles) {
      const abs = path.join(root, rel);
      let outline;
      try {
        outline = await readHandoverOutline(abs);
      } catch {
        continue; // an unreadable manifest is the loader's and the guard's finding
      }
      const system = outline.system ?? path.basename(rel).replace(/\.sops\.(ya?ml|json)$/, '');
      const decl = declared.get(system);
      if (!decl) continue;
      out.push(...checkManifestEngines(rel, fs.readFileSync(abs, 'utf8'), outline.databases.map((d) => d.engine), decl, system));
    }
  }
  for (const [system, decl] of declared) {
    for (const abs of markdownFiles(path.join(root, 'docs', system))) {
      const rel = path.relative(root, abs).split(path.sep).join('/');
      out.push(...checkManualText(rel, fs.readFileSync(abs, 'utf8'), decl, system));
    }
  }
  return out;
}
