/**
 * pandoc-wasm (pandoc 3.10 compiled to WebAssembly), loaded lazily (its cold
 * start is 2–4 s, so only commands that render pay for it) and used through
 * a module-level promise queue: two concurrent conversions corrupt each
 * other. pandoc-wasm never throws; failures show as `ERROR` on stderr or a
 * missing output file, which `runPandoc` turns into an Error.
 */
import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { pathToFileURL } from 'node:url';

type Convert = (options: Record<string, unknown>, stdin: string | null, files: Record<string, string | Blob>) => Promise<{
  stdout: string; stderr: string; files: Record<string, string | Blob>;
}>;

let loaded: Promise<Convert> | undefined;
let queue: Promise<unknown> = Promise.resolve();
/** How this thread's pandoc was made: 'rts-default' (ours, see load) or 'package' (pandoc-wasm's own entry). */
let made: 'rts-default' | 'package' | undefined;
/** This thread's instance memory, when made here. */
let memory: { buffer: ArrayBuffer } | undefined;

// Held in a variable: pandoc-wasm ships no type declarations.
const PANDOC_MODULE = 'pandoc-wasm';

/** The engine's WebAssembly API (the compiler's lib has its types, not the global's value). */
const Wasm = (globalThis as unknown as { WebAssembly: { instantiate(source: unknown, imports?: unknown): Promise<{ instance: WasmInstance }> } }).WebAssembly;

interface WasmInstance {
  exports: Record<string, unknown> & { memory: { buffer: ArrayBuffer }; hs_init_with_rtsopts: (argc: number, argv: number) => void };
}

/**
 * pandoc-wasm's factory (src/core.js, beside the entry its `exports` name) and binary, or null for a
 * layout this code does not know (then the package's own entry is used, as before).
 */
function pandocFiles(): { core: string; wasm: string } | null {
  try {
    const dir = path.dirname(createRequire(import.meta.url).resolve(PANDOC_MODULE));
    const f = { core: path.join(dir, 'core.js'), wasm: path.join(dir, 'pandoc.wasm') };
    return fs.existsSync(f.core) && fs.existsSync(f.wasm) ? f : null;
  } catch {
    return null;
  }
}

/**
 * The instance with GHC's runtime started without the package's `+RTS -H64m -RTS`. That option gives
 * the Haskell heap a 64 MB allocation area: each pandoc instance then held 108 MB of WebAssembly memory
 * instead of 44 MB, and converted the 23 reports of a 100k-ticket period in 11.7 s of CPU instead of
 * 7.9–8.7 s (scripts/bench/RESULTS.md). The factory passes argc and argv in the instance's memory;
 * argc = 1 keeps the program name only.
 */
function withDefaultRts(instance: WasmInstance): WasmInstance {
  const ex = instance.exports;
  memory = ex.memory;
  return {
    exports: {
      ...ex,
      hs_init_with_rtsopts: (argc: number, argv: number) => {
        new DataView(ex.memory.buffer).setUint32(argc, 1, true);
        ex.hs_init_with_rtsopts(argc, argv);
      },
    },
  };
}

/** A pandoc instance from pandoc-wasm's own factory, its runtime with default options (withDefaultRts). */
async function instantiate(f: { core: string; wasm: string }): Promise<Convert | null> {
  const { createPandocInstance } = (await import(pathToFileURL(f.core).href)) as { createPandocInstance?: (wasm: Uint8Array) => Promise<{ convert: Convert }> };
  if (typeof createPandocInstance !== 'function') return null;
  const bytes = await fs.promises.readFile(f.wasm);
  // the factory calls WebAssembly.instantiate once, synchronously, at its start: wrapped for that call only
  const original = Wasm.instantiate;
  Wasm.instantiate = (source, imports) => original.call(Wasm, source, imports).then((r) => ({ ...r, instance: withDefaultRts(r.instance) }));
  let making: Promise<{ convert: Convert }>;
  try {
    making = createPandocInstance(bytes);
  } finally {
    Wasm.instantiate = original;
  }
  return (await making).convert;
}

function load(): Promise<Convert> {
  loaded ??= (async () => {
    const f = pandocFiles();
    const convert = f ? await instantiate(f) : null;
    made = convert ? 'rts-default' : 'package';
    return convert ?? ((await import(PANDOC_MODULE)) as unknown as { convert: Convert }).convert;
  })();
  return loaded;
}

/** Starts loading pandoc-wasm (a worker does so as it starts, while its caller prepares the inputs). */
export function preloadPandoc(): void {
  load().catch(() => undefined); // a failure shows on the first conversion
}

/**
 * How this thread's pandoc was made (loading it if need be), and its WebAssembly memory in bytes:
 * 'package' means this pandoc-wasm's layout is unknown (its own entry, its own runtime options).
 */
export async function pandocInstanceInfo(): Promise<{ madeBy: 'rts-default' | 'package'; memoryBytes?: number }> {
  await load();
  return { madeBy: made!, memoryBytes: memory?.buffer.byteLength };
}

/** Input files for pandoc: text or bytes. */
export type PandocFiles = Record<string, string | Uint8Array>;

/**
 * Runs one pandoc conversion (serialised with every other call).
 * @param options pandoc defaults-file style options (`from`, `to`, `output-file`, ...)
 * @param input Markdown text
 * @param files resources (reference doc, images)
 * @returns stdout, or the bytes of `output-file` when given
 * @throws Error when pandoc reports ERROR or writes no output
 */
export function runPandoc(options: Record<string, unknown>, input: string, files: PandocFiles = {}): Promise<{ stdout: string; output?: Buffer; stderr: string }> {
  const job = queue.then(async () => {
    const convert = await load();
    const blobs: Record<string, string | Blob> = {};
    for (const [k, v] of Object.entries(files)) blobs[k] = typeof v === 'string' ? v : new Blob([v]);
    const res = await convert(options, input, blobs);
    if (/(^|\n)\s*ERROR/.test(res.stderr)) throw new Error(`pandoc: ${res.stderr.trim().split('\n')[0]}`);
    const outName = options['output-file'];
    if (typeof outName === 'string') {
      const out = res.files[outName];
      if (!(out instanceof Blob) || out.size === 0) throw new Error(`pandoc wrote no ${outName}${res.stderr ? `: ${res.stderr.trim().split('\n')[0]}` : ''}`);
      return { stdout: res.stdout, output: Buffer.from(await out.arrayBuffer()), stderr: res.stderr };
    }
    return { stdout: res.stdout, stderr: res.stderr };
  });
  queue = job.catch(() => undefined);
  return job;
}
