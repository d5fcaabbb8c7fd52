/**
 * Small mdast helpers (kept here rather than pulling in transitive packages
 * that package.json does not declare).
 */
import type { Nodes, Heading, Root } from 'mdast';

/** Plain text of a node (like mdast-util-to-string). */
export function textOf(node: Nodes): string {
  if ('value' in node && typeof node.value === 'string') return node.value;
  if ('alt' in node && typeof node.alt === 'string') return node.alt;
  if ('children' in node) return (node.children as Nodes[]).map(textOf).join('');
  return '';
}

/** Headings of a tree in document order (any depth of nesting). */
export function headingsOf(tree: Root): Heading[] {
  const out: Heading[] = [];
  const walk = (n: Nodes) => {
    if (n.type === 'heading') out.push(n);
    if ('children' in n) for (const c of n.children as Nodes[]) walk(c);
  };
  walk(tree);
  return out;
}
