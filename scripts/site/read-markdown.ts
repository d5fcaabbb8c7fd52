/**
 * Reads a Markdown page into front matter (YAML) and an mdast tree whose
 * positions are those of the file (front matter lines included).
 */
import fs from 'node:fs';
import type { Root } from 'mdast';
import { unified } from 'unified';
import remarkParse from 'remark-parse';
import remarkGfm from 'remark-gfm';
import { parse as parseYaml } from 'yaml';

export interface MarkdownPage {
  /** Front matter as parsed, `{}` when absent or not a mapping. */
  frontMatter: Record<string, unknown>;
  /** The body as mdast; line numbers count from the top of the file. */
  tree: Root;
}

const FRONT_MATTER = /^---\r?\n([\s\S]*?)\r?\n---\r?\n?/;

/** Splits front matter from the body of a Markdown text (body lines keep their file line numbers). */
export function splitFrontMatter(text: string): { frontMatter: Record<string, unknown>; body: string } {
  const m = FRONT_MATTER.exec(text);
  if (!m) return { frontMatter: {}, body: text };
  let frontMatter: Record<string, unknown> = {};
  try {
    const parsed: unknown = parseYaml(m[1] ?? '');
    if (parsed && typeof parsed === 'object' && !Array.isArray(parsed)) frontMatter = parsed as Record<string, unknown>;
  } catch {
    // A broken front matter block is Docusaurus's error to report; we read the body anyway.
  }
  // Keep line numbers: replace the front matter by as many blank lines.
  const blank = '\n'.repeat((m[0].match(/\n/g) ?? []).length);
  return { frontMatter, body: blank + text.slice(m[0].length) };
}

/** Parses Markdown text (GFM) to front matter and mdast. */
export function parseMarkdown(text: string): MarkdownPage {
  const { frontMatter, body } = splitFrontMatter(text);
  const tree = unified().use(remarkParse).use(remarkGfm).parse(body) as Root;
  return { frontMatter, tree };
}

/** Reads and parses a Markdown file. */
export async function readMarkdown(file: string): Promise<MarkdownPage> {
  return parseMarkdown(await fs.promises.readFile(file, 'utf8'));
}
