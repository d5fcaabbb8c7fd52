/**
 * remark plugin: facts the contract declares once, written into any page by
 * a directive instead of being copied by hand.
 *
 * - `:hotline` → the 7×24 service hotline of records/contract.yaml (`hotline.phone`),
 *   as a `tel:` link followed by its note (e.g. 演示号码); a contract without a
 *   hotline shows that it is not registered, never a made-up number.
 * - `:as-of` → the time the generated pages were computed for (`--as-of`, 北京时间),
 *   read by the compiled page from one small generated data file (`AS_OF_DATA`,
 *   `{ "text": "2026-11-30 12:00" }`) instead of being written into the page:
 *   a build at a new time with the same records rewrites that file only, so the
 *   pages that show the as-of (SLA 看板, 合规矩阵, 报告交付) stay byte-identical and
 *   the bundler's cache keeps their compiled Markdown (issue #17, incremental site).
 */
import type { Parent, PhrasingContent, Root } from 'mdast';

/** The generated data file the `:as-of` directive reads, relative to the KB root (written by generate-pages.ts). */
export const AS_OF_DATA = 'docs/general/generated/as-of.json';
/** What a generated page writes where the as-of time goes. */
export const AS_OF_DIRECTIVE = ':as-of';

/** The contents of `AS_OF_DATA`. */
export interface AsOfData {
  /** The as-of as the pages show it: `YYYY-MM-DD HH:MM` (北京时间). */
  text: string;
}

export interface FactsOptions {
  hotline: { phone: string; label?: string; note?: string } | null;
  /** Absolute path of the KB's `AS_OF_DATA`; without it `:as-of` is left as it is (Docusaurus warns about it). */
  asOfData?: string | null;
}

interface TextDirective {
  type: 'textDirective';
  name: string;
  children: PhrasingContent[];
}

/** The phrasing a `:hotline` directive becomes. */
export function hotlinePhrasing(hotline: FactsOptions['hotline']): PhrasingContent[] {
  if (!hotline) return [{ type: 'text', value: '（合同记录未登记服务热线号码）' }];
  const out: PhrasingContent[] = [{ type: 'strong', children: [{ type: 'link', url: `tel:${hotline.phone.replace(/[^\d+]/g, '')}`, children: [{ type: 'text', value: hotline.phone }] }] }];
  if (hotline.note) out.push({ type: 'text', value: `（${hotline.note}）` });
  return out;
}

/**
 * The phrasing a `:as-of` directive becomes: the MDX expression `{require("<data>").text}`,
 * so the page's compiled module depends on the data file (bundled with the page) rather than holding the time.
 */
export function asOfExpression(dataFile: string): PhrasingContent {
  const literal = JSON.stringify(dataFile);
  const expression = {
    type: 'MemberExpression',
    object: { type: 'CallExpression', callee: { type: 'Identifier', name: 'require' }, arguments: [{ type: 'Literal', value: dataFile, raw: literal }], optional: false },
    property: { type: 'Identifier', name: 'text' },
    computed: false,
    optional: false,
  };
  return {
    type: 'mdxTextExpression',
    value: `require(${literal}).text`,
    data: { estree: { type: 'Program', body: [{ type: 'ExpressionStatement', expression }], sourceType: 'module', comments: [] } },
  } as unknown as PhrasingContent;
}

export default function remarkFacts(options: FactsOptions) {
  return (tree: Root): void => {
    const walk = (parent: Parent): void => {
      for (let i = 0; i < parent.children.length; i++) {
        const child = parent.children[i] as unknown as TextDirective | Parent;
        if (child.type === 'textDirective' && (child as TextDirective).name === 'hotline') {
          const parts = hotlinePhrasing(options.hotline);
          (parent.children as PhrasingContent[]).splice(i, 1, ...parts);
          i += parts.length - 1;
        } else if (child.type === 'textDirective' && (child as TextDirective).name === 'as-of' && options.asOfData) {
          (parent.children as PhrasingContent[]).splice(i, 1, asOfExpression(options.asOfData));
        } else if ('children' in child && Array.isArray(child.children)) walk(child as Parent);
      }
    };
    walk(tree);
  };
}
