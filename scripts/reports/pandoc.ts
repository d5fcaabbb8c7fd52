/**
 * pandoc-wasm (pandoc 3.10 compiled to WebAssembly), loaded lazily (its cold
 * start is 2–4 s, so only commands that render pay for it) and used through
 * a module-level promise queue: two concurrent conversions corrupt each
 * other. pandoc-wasm never throws; failures show as `ERROR` on stderr or a
 * missing output file, which `runPandoc` turns into an Error.
 */
type Convert = (options: Record<string, unknown>, stdin: string | null, files: Record<string, string | Blob>) => Promise<{
  stdout: string; stderr: string; files: Record<string, string | Blob>;
}>;

let loaded: Promise<Convert> | undefined;
let queue: Promise<unknown> = Promise.resolve();

// Held in a variable: pandoc-wasm ships no type declarations.
const PANDOC_MODULE = 'pandoc-wasm';

function load(): Promise<Convert> {
  loaded ??= import(PANDOC_MODULE).then((m) => (m as unknown as { convert: Convert }).convert);
  return loaded;
}

/** Starts loading pandoc-wasm (a worker does so as it starts, while its caller prepares the inputs). */
export function preloadPandoc(): void {
  load().catch(() => undefined); // a failure shows on the first conversion
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
