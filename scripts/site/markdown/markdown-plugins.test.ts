import { describe, expect, it } from 'vitest';
import { unified } from 'unified';
import remarkParse from 'remark-parse';
import remarkGfm from 'remark-gfm';
import remarkStringify from 'remark-stringify';
import type { Element, Root as HastRoot } from 'hast';
import remarkTicketLinks, { ticketIdPattern } from './remark-ticket-links.js';
import remarkFacts, { AS_OF_DIRECTIVE, hotlinePhrasing } from './remark-facts.js';
import rehypeScrollTables from './rehype-scroll-tables.js';

const REGISTER = '/general/generated/tickets/';

function linkIds(md: string, ids: string[]): string {
  return String(unified().use(remarkParse).use(remarkGfm).use(remarkTicketLinks, { ids, register: REGISTER }).use(remarkStringify, { bullet: '-' }).processSync(md)).trim();
}

describe('remark-ticket-links', () => {
  const ids = ['T-20260314-01', 'T-20260314-011', 'T-20260402-02'];

  it('links every known ticket id in text, tables and lists to its register row', () => {
    const out = linkIds('见 T-20260314-01、T-20260402-02。\n\n| 编号 |\n| --- |\n| T-20260314-011 |\n\n- T-20260402-02\n', ids);
    expect(out).toContain('[T-20260314-01](/general/generated/tickets/#T-20260314-01 "服务请求 T-20260314-01（服务请求台账）")');
    expect(out).toContain('[T-20260402-02](/general/generated/tickets/#T-20260402-02');
    expect(out).toContain('| [T-20260314-011](/general/generated/tickets/#T-20260314-011');
    expect(out).toContain('- [T-20260402-02]');
  });

  it('leaves links, code, unknown ids and ids inside longer tokens alone', () => {
    const md = '[工单](https://x.invalid) `T-20260314-01` T-20990101-01 XT-20260314-01 T-20260314-01-b\n\n```text\nT-20260314-01\n```\n\n[T-20260314-01](/elsewhere)\n';
    expect(linkIds(md, ids)).toBe(md.trim());
  });

  it('matches the longest id first', () => {
    expect('T-20260314-011'.match(ticketIdPattern(ids)!)?.[0]).toBe('T-20260314-011');
    expect(ticketIdPattern([])).toBeNull();
  });
});

describe('remark-facts :hotline', () => {
  const run = async (md: string, hotline: Parameters<typeof hotlinePhrasing>[0]) => {
    const remarkDirective = (await import('remark-directive')).default;
    return String(unified().use(remarkParse).use(remarkDirective).use(remarkFacts, { hotline }).use(remarkStringify).processSync(md)).trim();
  };
  it('writes the contract hotline as a tel: link with its note', async () => {
    expect(hotlinePhrasing({ phone: '400-000-0000', note: '演示号码' })).toEqual([
      { type: 'strong', children: [{ type: 'link', url: 'tel:4000000000', children: [{ type: 'text', value: '400-000-0000' }] }] },
      { type: 'text', value: '（演示号码）' },
    ]);
    expect(await run('热线：:hotline。', { phone: '400-000-0000', note: '演示号码' })).toMatch(/^热线：\*\*\[400-000-0000\]\(tel\\?:4000000000\)\*\*（演示号码）。$/);
  });
  it('says the hotline is not registered instead of inventing one', async () => {
    expect(await run('热线：:hotline。', null)).toBe('热线：（合同记录未登记服务热线号码）。');
  });
});

describe('remark-facts :as-of', () => {
  it('reads the as-of from the data file in the compiled page (an MDX expression), never writing the time into the page', async () => {
    const { compile } = await import('@mdx-js/mdx');
    const remarkDirective = (await import('remark-directive')).default;
    const data = '/kb/docs/general/generated/as-of.json';
    // as Docusaurus compiles a .md page: CommonMark (format md) with directives, then the site's remark plugins
    const js = String(await compile(`统计截至 ${AS_OF_DIRECTIVE}（北京时间）。`, { format: 'md', remarkPlugins: [remarkDirective, [remarkFacts, { hotline: null, asOfData: data }]] }));
    expect(js).toContain('require("/kb/docs/general/generated/as-of.json").text');
    expect(js).toContain('统计截至 ');
    expect(js).toContain('（北京时间）。');
    expect(js).not.toContain('as-of"');
  });
  it('leaves the directive alone without a data file', async () => {
    const remarkDirective = (await import('remark-directive')).default;
    const out = String(unified().use(remarkParse).use(remarkDirective).use(remarkFacts, { hotline: null }).use(remarkStringify).processSync('截至 :as-of。'));
    expect(out.trim()).toBe('截至 :as-of。');
  });
});

describe('rehype-scroll-tables', () => {
  const el = (tagName: string, children: Element['children'] = [], properties: Element['properties'] = {}): Element => ({ type: 'element', tagName, properties, children });
  const text = (value: string) => ({ type: 'text' as const, value });

  it('wraps every table in a focusable region named after the heading before it, numbered when the heading repeats', () => {
    const tree: HastRoot = { type: 'root', children: [el('h2', [text('运行环境')]), el('table'), el('table'), el('div', [el('h3', [text('日志')]), el('table')])] };
    rehypeScrollTables()(tree);
    const regions = tree.children.flatMap((c) => (c.type === 'element' && c.tagName === 'div' && c.properties['role'] === 'region' ? [c] : c.type === 'element' ? c.children.filter((x): x is Element => x.type === 'element' && x.properties['role'] === 'region') : []));
    expect(regions.map((r) => [r.properties['ariaLabel'], r.properties['tabIndex'], (r.children[0] as Element).tagName])).toEqual([
      ['表格：运行环境', 0, 'table'],
      ['表格：运行环境（2）', 0, 'table'],
      ['表格：日志', 0, 'table'],
    ]);
  });
});
