/**
 * Small typed builders for mdast nodes, so report code reads like the
 * document it produces. Text is always a `text` node: the serialiser
 * escapes it, nothing here concatenates Markdown.
 */
import type {
  BlockContent, Heading, Image, List, ListItem, Paragraph, PhrasingContent, Root, RootContent, Strong, Table, TableCell, TableRow, Text,
} from 'mdast';

/** Inline content: a string becomes a text node. */
export type Inline = string | PhrasingContent;

function inline(x: Inline): PhrasingContent {
  return typeof x === 'string' ? ({ type: 'text', value: x } satisfies Text) : x;
}

/** A document root. */
export function root(children: RootContent[]): Root {
  return { type: 'root', children };
}

/** A heading of depth 1–6. */
export function heading(depth: 1 | 2 | 3 | 4, ...content: Inline[]): Heading {
  return { type: 'heading', depth, children: content.map(inline) };
}

/** A paragraph. */
export function p(...content: Inline[]): Paragraph {
  return { type: 'paragraph', children: content.map(inline) };
}

/** Bold text. */
export function strong(...content: Inline[]): Strong {
  return { type: 'strong', children: content.map(inline) };
}

/** A plain text node. */
export function text(value: string): Text {
  return { type: 'text', value };
}

/** A bullet list; each item is one paragraph of inline content or a list of blocks. */
export function list(items: (Inline | Inline[] | BlockContent[])[], ordered = false): List {
  return {
    type: 'list',
    ordered,
    spread: false,
    children: items.map((it): ListItem => {
      if (Array.isArray(it) && it.length > 0 && typeof it[0] !== 'string' && isBlock(it[0]!)) {
        return { type: 'listItem', spread: false, children: it as BlockContent[] };
      }
      const parts = Array.isArray(it) ? (it as Inline[]) : [it];
      return { type: 'listItem', spread: false, children: [p(...parts)] };
    }),
  };
}

function isBlock(n: Inline | BlockContent): boolean {
  return typeof n !== 'string' && ['paragraph', 'list', 'table', 'heading', 'blockquote', 'code'].includes(n.type);
}

/** Column alignment. */
export type Align = 'left' | 'right' | 'center' | null;

/**
 * A GFM table: a header row and body rows. `align` defaults to left for
 * every column.
 */
export function table(header: Inline[], rows: (Inline | Inline[])[][], align?: Align[]): Table {
  const row = (cells: (Inline | Inline[])[]): TableRow => ({
    type: 'tableRow',
    children: cells.map((c): TableCell => ({ type: 'tableCell', children: (Array.isArray(c) ? c : [c]).map(inline) })),
  });
  return {
    type: 'table',
    align: align ?? header.map(() => null),
    children: [row(header), ...rows.map(row)],
  };
}

/** A key/value table of two columns (项目 | 内容). */
export function fieldTable(rows: [string, Inline][], header: [string, string] = ['项目', '内容']): Table {
  return table(header, rows.map(([k, v]) => [k, v]));
}

/** An image (a chart); `url` is relative to the report file. */
export function image(url: string, alt: string): Paragraph {
  const img: Image = { type: 'image', url, alt, title: null };
  return { type: 'paragraph', children: [img] };
}

/** A thematic break. */
export function rule(): RootContent {
  return { type: 'thematicBreak' };
}
