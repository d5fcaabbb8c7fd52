/**
 * Checks many record files on worker threads, one contiguous slice per core
 * (parsing dominates validation and is CPU-bound; see scripts/bench). Falls
 * back to the caller's sequential path when workers cannot run TypeScript
 * (e.g. inside the test runner) by resolving to `undefined`.
 */
import os from 'node:os';
import { Worker } from 'node:worker_threads';
import type { Diagnostic } from '../shared/errors.js';
import type { RecordKind } from './registry.js';

export interface ParallelResult {
  records: { kind: RecordKind; id: string; path: string; data: unknown }[];
  diagnostics: Diagnostic[];
  /** The bytes of each file read, when asked for. */
  bytes?: Map<string, Uint8Array>;
}

/**
 * Below this many files, starting threads (each loads the parser and the
 * validators, and the records are copied back) costs more than it saves.
 * `OPSBOOK_PARALLEL_MIN` overrides; `OPSBOOK_WORKERS=n` forces n workers.
 */
export const PARALLEL_MIN_FILES = 15_000;

/**
 * How many workers to use for `count` files: 0 means "check them in this
 * thread". Sized to the cores that are free (cores minus the 1-minute load
 * average, less `reserved` cores another thread of this process uses): on a
 * machine already busy, threads only take turns.
 */
export function workerCount(count: number, env: NodeJS.ProcessEnv = process.env, machine: { cores: number; load: number } = { cores: os.availableParallelism(), load: os.loadavg()[0] ?? 0 }, reserved = 0): number {
  const forced = env.OPSBOOK_WORKERS;
  if (forced !== undefined && /^\d+$/.test(forced)) return Number(forced);
  const min = env.OPSBOOK_PARALLEL_MIN !== undefined && /^\d+$/.test(env.OPSBOOK_PARALLEL_MIN) ? Number(env.OPSBOOK_PARALLEL_MIN) : PARALLEL_MIN_FILES;
  // workers load this file's TypeScript siblings through tsx: only when tsx runs this process
  // (inside the test runner, modules are transformed another way and workers could not load them)
  const tsLoader = !import.meta.url.endsWith('.ts') || process.execArgv.some((a) => a.includes('tsx'));
  if (count < min || !tsLoader) return 0;
  return freeWorkers(machine.cores, machine.load + reserved);
}

/** Workers for the cores not busy with other work (at most 4; 0 when fewer than 2 are free). */
export function freeWorkers(cores: number, load: number): number {
  const free = Math.min(4, Math.floor(cores - load + 0.5));
  return free >= 2 ? free : 0;
}

/**
 * Checks `files` on `n` workers.
 * @returns the merged results in file order, or undefined when a worker could not start
 */
export async function checkFilesParallel(root: string, files: { rel: string; kind: RecordKind }[], n: number, onProgress?: (done: number) => void, keepBytes = false): Promise<ParallelResult | undefined> {
  const size = Math.ceil(files.length / n);
  const slices = Array.from({ length: n }, (_, i) => files.slice(i * size, (i + 1) * size)).filter((s) => s.length > 0);
  let done = 0;
  const workers: Worker[] = [];
  try {
    const parts = await Promise.all(slices.map((slice) => new Promise<ParallelResult>((resolve, reject) => {
      const w = new Worker(new URL(import.meta.url.endsWith('.ts') ? './check-files-worker-entry.mjs' : './check-files-worker.js', import.meta.url), { workerData: { root, files: slice, keepBytes } });
      workers.push(w);
      w.on('message', (m: { progress?: number; done?: boolean; bytes?: { buffer: ArrayBuffer; ends: number[] } } & Omit<Partial<ParallelResult>, 'bytes'>) => {
        if (m.progress) onProgress?.((done += m.progress));
        if (!m.done) return;
        let bytes: Map<string, Uint8Array> | undefined;
        if (m.bytes) {
          bytes = new Map();
          let start = 0;
          slice.forEach((f, i) => {
            const end = m.bytes!.ends[i]!;
            bytes!.set(f.rel, new Uint8Array(m.bytes!.buffer, start, end - start));
            start = end;
          });
        }
        resolve({ records: m.records ?? [], diagnostics: m.diagnostics ?? [], ...(bytes ? { bytes } : {}) });
      });
      w.on('error', reject);
      w.on('exit', (code) => code !== 0 && reject(new Error(`worker exited with ${code}`)));
    })));
    const bytes = keepBytes ? new Map(parts.flatMap((p) => [...(p.bytes ?? [])])) : undefined;
    return { records: parts.flatMap((p) => p.records), diagnostics: parts.flatMap((p) => p.diagnostics), ...(bytes ? { bytes } : {}) };
  } catch {
    return undefined;
  } finally {
    await Promise.all(workers.map((w) => w.terminate()));
  }
}
