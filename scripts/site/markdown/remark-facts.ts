/**
 * remark plugin: facts the contract declares once, written into any page by
 * a directive instead of being copied by hand.
 *
 * - `:hotline` → the 7×24 service hotline of records/contract.yaml (`hotline.phone`),
 *   as a `tel:` link followed by its note (e.g. 演示号码); a contract without a
 *   hotline shows that it is not registered, never a made-up number.
 */
import type { Parent, PhrasingContent, Root } from 'mdast';

export interface FactsOptions {
  hotline: { phone: string; label?: string; note?: string } | null;
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

export default function remarkFacts(options: FactsOptions) {
  return (tree: Root): void => {
    const walk = (parent: Parent): void => {
      for (let i = 0; i < parent.children.length; i++) {
        const child = parent.children[i] as unknown as TextDirective | Parent;
        if (child.type === 'textDirective' && (child as TextDirective).name === 'hotline') {
          const parts = hotlinePhrasing(options.hotline);
          (parent.children as PhrasingContent[]).splice(i, 1, ...parts);
          i += parts.length - 1;
        } else if ('children' in child && Array.isArray(child.children)) walk(child as Parent);
      }
    };
    walk(tree);
  };
}
