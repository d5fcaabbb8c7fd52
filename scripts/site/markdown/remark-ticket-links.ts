/**
 * remark plugin: every ticket id written in the text of a page becomes a link
 * to its row of the ticket register (`/general/generated/tickets/#T-20260314-01`),
 * so a reader can follow any id on any page (compliance matrix, dashboard,
 * manuals, FAQ) to the ticket. Ids inside links, code and JSX are left alone.
 * Only ids of existing tickets are linked (the site's broken-anchor check
 * would otherwise fail the build).
 */
import type { Link, Parent, PhrasingContent, Root, Text } from 'mdast';

export interface TicketLinkOptions {
  /** Ticket ids of the knowledge base. */
  ids: readonly string[];
  /** Route of the register, with its trailing slash. */
  register: string;
}

const SKIP = new Set(['link', 'linkReference', 'inlineCode', 'code', 'html', 'mdxJsxFlowElement', 'mdxJsxTextElement', 'mdxFlowExpression', 'mdxTextExpression', 'mdxjsEsm', 'yaml', 'definition']);
const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** The pattern of a set of ids, matched as whole tokens. */
export function ticketIdPattern(ids: readonly string[]): RegExp | null {
  if (ids.length === 0) return null;
  const alternatives = [...ids].sort((a, b) => b.length - a.length).map(escape).join('|');
  return new RegExp(`(?<![A-Za-z0-9_-])(?:${alternatives})(?![A-Za-z0-9_-])`, 'g');
}

/** Splits a text node into text and links to the register. */
function linkify(node: Text, pattern: RegExp, register: string): PhrasingContent[] | null {
  pattern.lastIndex = 0;
  const out: PhrasingContent[] = [];
  let last = 0;
  for (let m = pattern.exec(node.value); m; m = pattern.exec(node.value)) {
    if (m.index > last) out.push({ type: 'text', value: node.value.slice(last, m.index) });
    const link: Link = { type: 'link', url: `${register}#${m[0]}`, title: `服务请求 ${m[0]}（服务请求台账）`, children: [{ type: 'text', value: m[0] }] };
    out.push(link);
    last = m.index + m[0].length;
  }
  if (last === 0) return null;
  if (last < node.value.length) out.push({ type: 'text', value: node.value.slice(last) });
  return out;
}

export default function remarkTicketLinks(options: TicketLinkOptions) {
  const pattern = ticketIdPattern(options.ids);
  return (tree: Root): void => {
    if (!pattern) return;
    const walk = (parent: Parent): void => {
      for (let i = 0; i < parent.children.length; i++) {
        const child = parent.children[i]!;
        if (SKIP.has(child.type)) continue;
        if (child.type === 'text') {
          const parts = linkify(child, pattern, options.register);
          if (parts) {
            (parent.children as PhrasingContent[]).splice(i, 1, ...parts);
            i += parts.length - 1;
          }
        } else if ('children' in child) walk(child as Parent);
      }
    };
    walk(tree);
  };
}
