/**
 * Docusaurus plugin: minify the client JavaScript without swc's `compress`
 * passes (names are still mangled, whitespace and comments still removed).
 * Rspack re-minifies every chunk on every build, cached or not, so the full
 * `compress` pass cost the same ~20 s (2 cores) on a rebuild after one record
 * changed as on a build from nothing; without it the bundle grows by a few
 * percent (figures in scripts/site/README.md). In front of the minifier, a
 * persistent cache keyed by each chunk's bytes (scripts/site/minify-cache.ts),
 * so a rebuild minifies only the chunks that changed.
 */
import path from 'node:path';
import type { LoadContext, Plugin } from '@docusaurus/types';
import { MinifyCachePlugin } from '../../scripts/site/minify-cache';

interface MinimizerLike {
  constructor: { name: string; new (options: unknown): unknown };
  _args?: [{ minimizerOptions?: Record<string, unknown> }];
}

export default function fastMinify(context: LoadContext): Plugin {
  return {
    name: 'opsbook-fast-minify',
    configureWebpack(config, isServer) {
      if (isServer) return {};
      const full = Boolean(process.env['OPSBOOK_FULL_MINIFY']);
      const minimizers = (config.optimization?.minimizer ?? []) as unknown as MinimizerLike[];
      let options: unknown = null;
      config.optimization!.minimizer = minimizers.map((m) => {
        if (m.constructor.name !== 'SwcJsMinimizerRspackPlugin') return m;
        const given = m._args?.[0]?.minimizerOptions ?? {};
        options = full ? given : { ...given, compress: false, mangle: true };
        return full ? m : new m.constructor({ minimizerOptions: options });
      }) as unknown as NonNullable<typeof config.optimization>['minimizer'];
      if (options === null || !config.optimization?.minimize || process.env['OPSBOOK_MINIFY_CACHE'] === '0') return {};
      const cache = new MinifyCachePlugin(path.join(context.siteDir, 'node_modules', '.cache', 'opsbook-minify'), options);
      return { plugins: [cache as unknown as NonNullable<typeof config.plugins>[number]] };
    },
  };
}
