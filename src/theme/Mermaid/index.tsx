/**
 * Mermaid diagrams (wrapped theme component): diagrams are drawn at their
 * natural size (`useMaxWidth: false` in docusaurus.config.ts), so labels stay
 * at least 12 px instead of shrinking to the column; a diagram wider than the
 * column scrolls sideways inside a labelled region that takes keyboard focus.
 */
import type { ReactNode } from 'react';
import Mermaid from '@theme-original/Mermaid';
import type MermaidType from '@theme/Mermaid';
import type { WrapperProps } from '@docusaurus/types';

type Props = WrapperProps<typeof MermaidType>;

export default function MermaidWrapper(props: Props): ReactNode {
  return (
    <div className="mermaid-scroll" role="region" tabIndex={0} aria-label="图（较宽时可左右滚动）">
      <Mermaid {...props} />
    </div>
  );
}
