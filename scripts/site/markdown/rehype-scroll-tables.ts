/**
 * rehype plugin: every table is wrapped in a labelled, focusable region
 * (`<div class="table-scroll" role="region" tabindex="0" aria-label="…">`)
 * so a wide table can be scrolled with the keyboard (WCAG 2.1.1; axe
 * `scrollable-region-focusable`) and keeps its header row in view
 * (src/css/custom.css makes the header sticky inside the region).
 * The label is the nearest heading before the table (numbered when several
 * tables share a heading, so each region has its own name).
 */
import type { Element, ElementContent, Root, RootContent } from 'hast';

type Node = Root | RootContent;

function textOf(node: Node): string {
  if (node.type === 'text') return node.value;
  return 'children' in node ? (node.children as Node[]).map(textOf).join('') : '';
}

export default function rehypeScrollTables() {
  return (tree: Root): void => {
    let lastHeading = '';
    const used = new Map<string, number>();
    const walk = (parent: Root | Element): void => {
      for (let i = 0; i < parent.children.length; i++) {
        const child = parent.children[i]!;
        if (child.type !== 'element') continue;
        if (/^h[1-6]$/.test(child.tagName)) {
          lastHeading = textOf(child).replace(/\s+/g, ' ').trim();
          continue;
        }
        if (child.tagName === 'table') {
          const base = lastHeading ? `表格：${lastHeading}` : '表格';
          const n = (used.get(base) ?? 0) + 1;
          used.set(base, n);
          const wrapper: Element = {
            type: 'element',
            tagName: 'div',
            properties: { className: ['table-scroll'], role: 'region', tabIndex: 0, ariaLabel: n > 1 ? `${base}（${n}）` : base },
            children: [child],
          };
          (parent.children as ElementContent[])[i] = wrapper;
          continue;
        }
        walk(child);
      }
    };
    walk(tree);
  };
}
