/**
 * Reading the built site's HTML (minified by Docusaurus: attributes may be
 * unquoted) for the site checks: visible text, links, element ids, literal
 * admonition markers. No imports beyond Node, so the Docusaurus plugin that
 * fails a build on these checks (src/plugins/site-checks.ts) loads it as is.
 */
import fs from 'node:fs';
import path from 'node:path';

/** Every `*.html` file under a folder, relative paths with forward slashes, sorted. */
export function htmlFiles(dir: string): string[] {
  const out: string[] = [];
  const walk = (d: string): void => {
    for (const ent of fs.readdirSync(d, { withFileTypes: true })) {
      const full = path.join(d, ent.name);
      if (ent.isDirectory()) walk(full);
      else if (ent.name.endsWith('.html')) out.push(path.relative(dir, full).split(path.sep).join('/'));
    }
  };
  walk(dir);
  return out.sort();
}

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: ' ', '#39': "'", '#x27': "'" };
/** Decodes the few entities Docusaurus writes. */
export const decodeEntities = (s: string) => s.replace(/&(amp|lt|gt|quot|apos|nbsp|#39|#x27);/g, (_m, e: string) => ENTITIES[e] ?? _m);

/** The value of an attribute in a start tag (quoted or not), decoded; null when absent. */
export function attribute(tag: string, name: string): string | null {
  const m = new RegExp(`\\s${name}=(?:"([^"]*)"|'([^']*)'|([^\\s"'>]+))`, 'i').exec(tag);
  return m ? decodeEntities(m[1] ?? m[2] ?? m[3] ?? '') : null;
}

/** The `href` of every `<a>` of a page. */
export function linkTargets(html: string): string[] {
  const out: string[] = [];
  for (const m of html.matchAll(/<a\b[^>]*>/gi)) {
    const href = attribute(m[0], 'href');
    if (href !== null) out.push(href);
  }
  return out;
}

/** Every element id of a page. */
export function elementIds(html: string): Set<string> {
  const out = new Set<string>();
  for (const m of html.matchAll(/<[a-z][a-z0-9-]*\b[^>]*>/gi)) {
    const id = attribute(m[0], 'id');
    if (id) out.add(id);
  }
  return out;
}

/** The visible text of a page: without scripts, styles, code, comments or tags (and without link texts when asked). */
export function visibleText(html: string, opts: { withoutLinks?: boolean } = {}): string {
  let s = html.replace(/<(script|style|pre|code|template|noscript)\b[\s\S]*?<\/\1>/gi, ' ').replace(/<!--[\s\S]*?-->/g, ' ');
  if (opts.withoutLinks) s = s.replace(/<a\b[^>]*>[\s\S]*?<\/a>/gi, ' ');
  return decodeEntities(s.replace(/<[^>]+>/g, ' '));
}

/** Literal admonition markers (`:::note`, `:::warning 标题`, a closing `:::`) shown on a page, with a little context. */
export function literalAdmonitions(html: string): string[] {
  return [...visibleText(html).matchAll(/:::+\s*[A-Za-z]*[^\s<]{0,12}/g)].map((m) => m[0].trim());
}
