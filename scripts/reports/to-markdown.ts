/**
 * Serialises a report's mdast tree to GFM Markdown with
 * mdast-util-to-markdown + mdast-util-gfm (tables), deterministically.
 */
import type { Root } from 'mdast';
import { gfmToMarkdown } from 'mdast-util-gfm';
import { toMarkdown } from 'mdast-util-to-markdown';

const WIDE = /[\u1100-\u115f\u2e80-\u303e\u3041-\u33ff\u3400-\u4dbf\u4e00-\u9fff\ua000-\ua4cf\uac00-\ud7a3\uf900-\ufaff\ufe30-\ufe4f\uff00-\uff60\uffe0-\uffe6]/u;

/** Display width of a string: East Asian wide characters count 2 (keeps pipe tables aligned in an editor). */
export function displayWidth(s: string): number {
  let w = 0;
  for (const ch of s) w += WIDE.test(ch) ? 2 : 1;
  return w;
}

/**
 * Markdown text of a report tree (ends with a newline).
 * @param opts.align pad table cells so the pipes line up in an editor (default true); the
 *   Markdown given to pandoc is not read by people, and the padding only costs it time
 */
export function reportToMarkdown(tree: Root, opts: { align?: boolean } = {}): string {
  return toMarkdown(tree, {
    extensions: [gfmToMarkdown({ tablePipeAlign: opts.align ?? true, stringLength: displayWidth })],
    bullet: '-',
    emphasis: '*',
    strong: '*',
    rule: '-',
    listItemIndent: 'one',
    fences: true,
  });
}
