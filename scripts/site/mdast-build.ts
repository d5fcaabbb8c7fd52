/**
 * Tiny mdast builders for generated pages, and the renderer (mdast →
 * Markdown with GFM tables via mdast-util-to-markdown). Generated pages are
 * always built as trees, never by string concatenation, so record text can
 * never break the page structure (a `|` or `#` in a record is escaped).
 */
import type { BlockContent, Heading, Link, List, PhrasingContent, Root, RootContent, Table, TableCell, TableRow } from 'mdast';
import { toMarkdown } from 'mdast-util-to-markdown';
import { gfmToMarkdown } from 'mdast-util-gfm';
import { stringify as stringifyYaml } from 'yaml';

export type Inline = PhrasingContent | string;

const inl = (c: Inline): PhrasingContent => (typeof c === 'string' ? { type: 'text', value: c } : c);

export const text = (value: string): PhrasingContent => ({ type: 'text', value });
export const strong = (...children: Inline[]): PhrasingContent => ({ type: 'strong', children: children.map(inl) });
export const code = (value: string): PhrasingContent => ({ type: 'inlineCode', value });
export const link = (url: string, ...children: Inline[]): Link => ({ type: 'link', url, children: children.map(inl) });

/** A heading; `id` adds a Docusaurus explicit anchor `{#id}` (kept stable for links). */
export function heading(depth: 1 | 2 | 3 | 4, content: string, id?: string): Heading {
  return { type: 'heading', depth, children: [text(id ? `${content} {#${id}}` : content)] };
}
export const paragraph = (...children: Inline[]): RootContent => ({ type: 'paragraph', children: children.map(inl) });
export const note = (...children: Inline[]): RootContent => ({ type: 'blockquote', children: [{ type: 'paragraph', children: children.map(inl) }] });

/** A bullet list of inline items. */
export function list(items: Inline[][]): List {
  return { type: 'list', ordered: false, spread: false, children: items.map((c) => ({ type: 'listItem', spread: false, children: [{ type: 'paragraph', children: c.map(inl) } as BlockContent] })) };
}

/** A GFM table; a cell is inline content (one node or several). */
export function table(header: string[], rows: (Inline | Inline[])[][], align?: ('left' | 'right' | 'center' | null)[]): Table {
  const row = (cells: (Inline | Inline[])[]): TableRow => ({
    type: 'tableRow',
    children: cells.map((c): TableCell => ({ type: 'tableCell', children: (Array.isArray(c) ? c : [c]).map(inl) })),
  });
  return { type: 'table', align: align ?? header.map(() => null), children: [row(header), ...rows.map(row)] };
}

/** Renders a page: YAML front matter (Docusaurus metadata) + the Markdown of the tree. */
export function renderPage(frontMatter: Record<string, unknown>, children: RootContent[]): string {
  const root: Root = { type: 'root', children };
  const body = toMarkdown(root, { extensions: [gfmToMarkdown({ tablePipeAlign: false })], bullet: '-', rule: '-', fences: true });
  return `---\n${stringifyYaml(frontMatter).trimEnd()}\n---\n\n${body}`;
}
