/**
 * Worker-thread body of the pandoc pool (pandoc-pool.ts): one pandoc-wasm
 * instance per thread, conversions answered in order.
 */
import { parentPort } from 'node:worker_threads';
import { preloadPandoc, runPandoc, type PandocFiles } from './pandoc.js';

interface Request {
  id: number;
  options: Record<string, unknown>;
  input: string;
  files: PandocFiles;
}

preloadPandoc();

parentPort?.on('message', (req: Request) => {
  runPandoc(req.options, req.input, req.files).then(
    (res) => parentPort?.postMessage({ id: req.id, ok: true, stdout: res.stdout, stderr: res.stderr, output: res.output ? new Uint8Array(res.output) : undefined }),
    (err: unknown) => parentPort?.postMessage({ id: req.id, ok: false, error: String((err as Error)?.message ?? err) }),
  );
});
