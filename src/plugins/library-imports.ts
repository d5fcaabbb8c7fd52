/**
 * Docusaurus plugin: lets site components import small, dependency-free
 * modules of the opsbook library (e.g. scripts/shared/display.ts, so the site
 * shows times exactly as the reports do). The library is ESM TypeScript whose
 * relative imports end in `.js` (Node's rule); inside scripts/ only, the
 * bundler resolves `./time.js` to `./time.ts`.
 */
import path from 'node:path';
import type { LoadContext, Plugin } from '@docusaurus/types';

export default function libraryImports(context: LoadContext, options: { libraryDir?: string } = {}): Plugin {
  // The library's folder: beside the configuration (the opsbook package), not the KB being built.
  const scripts = options.libraryDir ?? path.join(context.siteDir, 'scripts');
  return {
    name: 'opsbook-library-imports',
    configureWebpack() {
      return {
        module: {
          rules: [{ test: /\.ts$/, include: scripts, resolve: { extensionAlias: { '.js': ['.ts', '.js'] } } }],
        },
      };
    },
  };
}
