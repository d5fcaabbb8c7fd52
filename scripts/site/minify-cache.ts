/**
 * A persistent cache in front of the bundler's own JavaScript minifier
 * (rspack's SwcJsMinimizerRspackPlugin, as Docusaurus configures it).
 *
 * Rspack's persistent cache restores modules, but every chunk is minified
 * again on every build, changed or not (~2.5 s CPU of a 17 s warm build of
 * this site on 2 cores). This plugin keys each JavaScript asset by the
 * minifier's options, the bundler's version and the asset's unminified bytes:
 *
 * - just before the minifier (stage OPTIMIZE_SIZE − 1), an asset found in the
 *   cache is replaced by its cached minified form and marked `minimized`,
 *   which the minifier skips (the webpack convention rspack keeps);
 * - just after it (OPTIMIZE_SIZE + 1), the minifier's output for the other
 *   assets is stored.
 *
 * So the bytes are always the minifier's own, and a rebuild after one record
 * changes minifies only the chunks that changed. Entries not used by a build
 * and older than a week are removed. Used by `src/plugins/fast-minify.ts`
 * (client bundle only); loaded by docusaurus.config.ts, so it imports nothing
 * but Node built-ins.
 */
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';

/** The small part of the rspack API the plugin uses (no import of @rspack/core: its version is the bundler's). */
interface AssetLike {
  name: string;
  source: { source(): string | Buffer };
  info: { minimized?: boolean };
}
interface CompilationLike {
  getAssets(): readonly AssetLike[];
  getAsset(name: string): AssetLike | undefined | void;
  updateAsset(name: string, source: unknown, info: (info: Record<string, unknown>) => Record<string, unknown>): void;
  hooks: { processAssets: { tap(opts: { name: string; stage: number }, fn: () => void): void } };
}
interface CompilerLike {
  webpack: { version?: string; rspackVersion?: string; Compilation: { PROCESS_ASSETS_STAGE_OPTIMIZE_SIZE: number }; sources: { RawSource: new (s: string) => unknown } };
  hooks: {
    thisCompilation: { tap(name: string, fn: (c: CompilationLike) => void): void };
    done: { tap(name: string, fn: () => void): void };
  };
}

const NAME = 'OpsbookMinifyCache';
const JS = /\.[cm]?js$/;
const WEEK_MS = 7 * 86_400_000;

export interface MinifyCacheStats {
  hits: number;
  misses: number;
}

export class MinifyCachePlugin {
  /** Hits and misses of the last compilation (for tests and the curious). */
  stats: MinifyCacheStats = { hits: 0, misses: 0 };

  /**
   * @param dir cache folder (e.g. `<site>/node_modules/.cache/opsbook-minify`)
   * @param options the minifier's options, part of every key (another option set never reuses an entry)
   */
  constructor(private readonly dir: string, private readonly options: unknown) {}

  apply(compiler: CompilerLike): void {
    const { Compilation, sources } = compiler.webpack;
    const stage = Compilation.PROCESS_ASSETS_STAGE_OPTIMIZE_SIZE;
    const salt = JSON.stringify({ bundler: compiler.webpack.rspackVersion ?? compiler.webpack.version ?? '', options: this.options });
    const used = new Set<string>();
    compiler.hooks.thisCompilation.tap(NAME, (compilation) => {
      const pending = new Map<string, { file: string; code: string }>(); // asset name → cache file and unminified bytes
      this.stats = { hits: 0, misses: 0 };
      compilation.hooks.processAssets.tap({ name: NAME, stage: stage - 1 }, () => {
        for (const asset of compilation.getAssets()) {
          if (!JS.test(asset.name) || asset.info.minimized) continue;
          const code = String(asset.source.source());
          const key = crypto.createHash('sha256').update(salt).update('\0').update(code).digest('hex');
          const file = path.join(this.dir, key.slice(0, 2), `${key}.js`);
          used.add(file);
          let cached: string | null = null;
          try {
            cached = fs.readFileSync(file, 'utf8');
          } catch {
            // not cached yet
          }
          if (cached !== null) {
            compilation.updateAsset(asset.name, new sources.RawSource(cached), (info) => ({ ...info, minimized: true }));
            this.stats.hits++;
          } else {
            pending.set(asset.name, { file, code });
            this.stats.misses++;
          }
        }
      });
      compilation.hooks.processAssets.tap({ name: NAME, stage: stage + 1 }, () => {
        for (const [name, { file, code }] of pending) {
          const asset = compilation.getAsset(name);
          if (!asset) continue;
          const out = String(asset.source.source());
          if (out !== code) writeAtomic(file, out); // the minifier left it alone: nothing to remember
        }
      });
    });
    compiler.hooks.done.tap(NAME, () => {
      if (process.env['OPSBOOK_MINIFY_CACHE_DEBUG']) process.stderr.write(`minify cache: ${this.stats.hits} hit(s), ${this.stats.misses} miss(es)\n`);
      prune(this.dir, used, Date.now() - WEEK_MS);
      used.clear();
    });
  }
}

function writeAtomic(file: string, text: string): void {
  try {
    fs.mkdirSync(path.dirname(file), { recursive: true });
    const tmp = `${file}.${process.pid}.tmp`;
    fs.writeFileSync(tmp, text);
    fs.renameSync(tmp, file);
  } catch {
    // a cache: a failed write only costs the next build a minification
  }
}

/** Removes entries this build did not use that are older than `before` (epoch ms); touches the used ones. */
function prune(dir: string, used: ReadonlySet<string>, before: number): void {
  if (!fs.existsSync(dir)) return;
  const now = new Date();
  for (const sub of fs.readdirSync(dir)) {
    const d = path.join(dir, sub);
    let files: string[];
    try {
      files = fs.readdirSync(d);
    } catch {
      continue;
    }
    for (const f of files) {
      const file = path.join(d, f);
      try {
        if (used.has(file)) fs.utimesSync(file, now, now);
        else if (fs.statSync(file).mtimeMs < before) fs.rmSync(file, { force: true });
      } catch {
        // raced with another build: fine
      }
    }
  }
}
