/**
 * pandoc on every core: pandoc-wasm cannot run two conversions at once in
 * one instance, so a pool of worker threads, each with its own instance,
 * takes conversions in turn (least busy first). With one worker, or where
 * workers cannot start, conversions run on this thread (pandoc.ts).
 */
import os from 'node:os';
import { Worker } from 'node:worker_threads';
import { runPandoc, type PandocFiles } from './pandoc.js';

type Result = { stdout: string; output?: Buffer; stderr: string };

interface Slot {
  worker: Worker;
  busy: number;
  waiting: Map<number, { resolve: (r: Result) => void; reject: (e: Error) => void }>;
}

/** How many pandoc instances to run: the cores (at most 4), no more than the jobs. */
export function pandocWorkers(jobs: number): number {
  return Math.max(1, Math.min(os.availableParallelism(), 4, jobs));
}

/** A pool of pandoc-wasm worker threads with the `runPandoc` signature. */
export class PandocPool {
  private readonly slots: Slot[] = [];
  private next = 0;

  /** @param size number of worker threads (1 = this thread) */
  constructor(readonly size: number) {
    if (size <= 1) return;
    const ts = import.meta.url.endsWith('.ts');
    const url = new URL(ts ? './pandoc-worker-entry.mjs' : './pandoc-worker.js', import.meta.url);
    for (let i = 0; i < size; i++) {
      const worker = new Worker(url);
      const slot: Slot = { worker, busy: 0, waiting: new Map() };
      worker.on('message', (m: { id: number; ok: boolean; stdout?: string; stderr?: string; output?: Uint8Array; error?: string }) => {
        const w = slot.waiting.get(m.id);
        if (!w) return;
        slot.waiting.delete(m.id);
        slot.busy--;
        if (m.ok) w.resolve({ stdout: m.stdout ?? '', stderr: m.stderr ?? '', output: m.output ? Buffer.from(m.output) : undefined });
        else w.reject(new Error(m.error));
      });
      worker.on('error', (err) => {
        for (const w of slot.waiting.values()) w.reject(err);
        slot.waiting.clear();
      });
      this.slots.push(slot);
    }
  }

  /** Runs one conversion on the least busy instance. */
  run = (options: Record<string, unknown>, input: string, files: PandocFiles = {}): Promise<Result> => {
    if (!this.slots.length) return runPandoc(options, input, files);
    const slot = this.slots.reduce((a, b) => (b.busy < a.busy ? b : a));
    const id = this.next++;
    slot.busy++;
    return new Promise<Result>((resolve, reject) => {
      slot.waiting.set(id, { resolve, reject });
      slot.worker.postMessage({ id, options, input, files });
    });
  };

  /** Stops the workers. */
  async close(): Promise<void> {
    await Promise.all(this.slots.map((s) => s.worker.terminate()));
    this.slots.length = 0;
  }
}
