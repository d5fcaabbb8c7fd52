/**
 * Docusaurus plugin: minify the client JavaScript without swc's `compress`
 * passes (names are still mangled, whitespace and comments still removed).
 * Rspack re-minifies every chunk on every build, cached or not, so the full
 * `compress` pass cost the same ~20 s (2 cores) on a rebuild after one record
 * changed as on a build from nothing; without it the bundle grows by a few
 * percent (figures in scripts/site/README.md).
 */
import type { LoadContext, Plugin } from '@docusaurus/types';

interface MinimizerLike {
  constructor: { name: string; new (options: unknown): unknown };
  _args?: [{ minimizerOptions?: Record<string, unknown> }];
}

export default function fastMinify(_context: LoadContext): Plugin {
  return {
    name: 'opsbook-fast-minify',
    configureWebpack(config, isServer) {
      if (isServer || process.env['OPSBOOK_FULL_MINIFY']) return {};
      const minimizers = (config.optimization?.minimizer ?? []) as unknown as MinimizerLike[];
      config.optimization!.minimizer = minimizers.map((m) => {
        if (m.constructor.name !== 'SwcJsMinimizerRspackPlugin') return m;
        const options = m._args?.[0]?.minimizerOptions ?? {};
        return new m.constructor({ minimizerOptions: { ...options, compress: false, mangle: true } });
      }) as unknown as NonNullable<typeof config.optimization>['minimizer'];
      return {};
    },
  };
}
