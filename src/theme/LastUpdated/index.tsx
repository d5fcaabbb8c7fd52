/**
 * Page footer "last updated" line (swizzled from theme-classic): the date of
 * the page's last commit in the site's one time format (北京时间, via
 * scripts/shared/display.ts), and the display name configured in
 * opsbook.yaml `site.updated_by` when there is one — never a Git author,
 * whose name means nothing to the hospital.
 */
import type { ReactNode } from 'react';
import type { Props } from '@theme/LastUpdated';
import { ThemeClassNames } from '@docusaurus/theme-common';
import useDocusaurusContext from '@docusaurus/useDocusaurusContext';
import { showInstant } from '../../../scripts/shared/display';

export default function LastUpdated({ lastUpdatedAt }: Props): ReactNode {
  const { siteConfig } = useDocusaurusContext();
  const by = siteConfig.customFields?.['updatedBy'];
  if (!lastUpdatedAt) return null;
  const date = showInstant(lastUpdatedAt).slice(0, 10);
  return (
    <span className={ThemeClassNames.common.lastUpdated}>
      最后更新：
      <b>
        <time dateTime={new Date(lastUpdatedAt).toISOString()} itemProp="dateModified">
          {date}
        </time>
      </b>
      （北京时间）
      {typeof by === 'string' && by ? <>，{by}</> : null}
    </span>
  );
}
