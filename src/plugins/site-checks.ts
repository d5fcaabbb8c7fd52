/**
 * Docusaurus plugin: checks on the built pages that fail the build, so the
 * hospital never sees them.
 *
 * - No page shows a literal admonition marker (`:::warning 操作前必读`), the sign of
 *   an admonition written in the Docusaurus 2 title syntax that Docusaurus 3 no
 *   longer parses (write `:::warning[操作前必读]`; markdownlint rule OPS003
 *   catches it in docs/ before a build).
 */
import fs from 'node:fs';
import path from 'node:path';
import type { LoadContext, Plugin } from '@docusaurus/types';
import { htmlFiles, literalAdmonitions } from '../../scripts/site/built-html';

export default function siteChecks(_context: LoadContext): Plugin {
  return {
    name: 'opsbook-site-checks',
    async postBuild({ outDir }) {
      const problems: string[] = [];
      for (const rel of htmlFiles(outDir)) {
        const found = literalAdmonitions(fs.readFileSync(path.join(outDir, rel), 'utf8'));
        if (found.length) problems.push(`${rel}: literal admonition marker ${found.map((f) => `「${f}」`).join(', ')} — write the title as :::warning[标题] (Docusaurus 3)`);
      }
      if (problems.length) throw new Error(`opsbook site checks failed:\n${problems.join('\n')}`);
    },
  };
}
