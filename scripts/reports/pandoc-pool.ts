/**
 * pandoc on every core: pandoc-wasm cannot run two conversions at once in
 * one instance, and a conversion blocks the thread it runs on, so a pool of
 * worker threads, each with its own instance, takes conversions from one
 * queue: an idle worker takes the next one, in the order they were asked for
 * (`report all` asks for the annual reports, the biggest, first). Without
 * threads (one instance not asked to be a thread), or where workers cannot
 * start, conversions run on this thread (pandoc.ts).
 */
import os from 'node:os';
import { Worker } from 'node:worker_threads';
import { runPandoc, type PandocFiles } from './pandoc.js';

type Result = { stdout: string; output?: Buffer; stderr: string };

interface Job {
  options: Record<string, unknown>;
  input: string;
  files: PandocFiles;
  resolve: (r: Result) => void;
  reject: (e: Error) => void;
}

interface Slot {
  worker: Worker;
  /** The conversion this worker is running, if any. */
  job?: Job;
}

/** How many pandoc instances to run: the cores (at most 4), no more than the jobs. */
export function pandocWorkers(jobs: number): number {
  return Math.max(1, Math.min(os.availableParallelism(), 4, jobs));
}

/**
 * Resident memory a pandoc worker adds while it converts (MiB): its thread, its pandoc-wasm instance and
 * its share of the compiled binary, plus the main heap's growth while reports are built. Measured: one
 * worker peaks ~285 MiB above a bare process, each further one ~190 (scripts/bench/RESULTS.md).
 */
export const PANDOC_WORKER_MB = 280;

/** Resident memory opsbook keeps its rendering under where it can: OPSBOOK_MEMORY_MB, default 1024 (1 GiB). */
export function memoryBudgetMb(): number {
  const v = Number(process.env.OPSBOOK_MEMORY_MB);
  return Number.isFinite(v) && v > 0 ? v : 1024;
}

/**
 * The pandoc pool's size: pandocWorkers, but no more workers than the memory budget has room for beside
 * what the process already holds (a 100k-ticket knowledge base leaves room for one: two peaked at 1 GiB).
 * @param rssMb the process's resident memory now (MiB)
 */
export function pandocPoolSize(jobs: number, rssMb = process.memoryUsage().rss / 2 ** 20, budgetMb = memoryBudgetMb()): number {
  return Math.max(1, Math.min(pandocWorkers(jobs), Math.floor((budgetMb - rssMb) / PANDOC_WORKER_MB)));
}

/** A pool of pandoc-wasm worker threads with the `runPandoc` signature. */
export class PandocPool {
  private readonly slots: Slot[] = [];
  private readonly pending: Job[] = [];

  /**
   * @param size number of pandoc instances
   * @param opts.threads run them on worker threads (default: when more than one); one worker lets this
   *   thread build the next report while pandoc converts (a conversion blocks the thread it runs on)
   */
  constructor(readonly size: number, opts: { threads?: boolean } = {}) {
    if (!(opts.threads ?? size > 1)) return;
    const ts = import.meta.url.endsWith('.ts');
    const url = new URL(ts ? './pandoc-worker-entry.mjs' : './pandoc-worker.js', import.meta.url);
    for (let i = 0; i < Math.max(1, size); i++) {
      const slot: Slot = { worker: new Worker(url) };
      slot.worker.on('message', (m: { ok: boolean; stdout?: string; stderr?: string; output?: Uint8Array; error?: string }) => {
        const job = slot.job;
        slot.job = undefined;
        if (job) {
          if (m.ok) job.resolve({ stdout: m.stdout ?? '', stderr: m.stderr ?? '', output: m.output ? Buffer.from(m.output) : undefined });
          else job.reject(new Error(m.error));
        }
        this.dispatch();
      });
      slot.worker.on('error', (err) => {
        // a dead worker fails its conversion and leaves the pool; the rest carry on (or this thread, when none is left)
        slot.job?.reject(err);
        slot.job = undefined;
        this.slots.splice(this.slots.indexOf(slot), 1);
        this.dispatch();
      });
      this.slots.push(slot);
    }
  }

  /** Runs one conversion on the next idle instance (queued until one is). */
  run = (options: Record<string, unknown>, input: string, files: PandocFiles = {}): Promise<Result> => {
    if (!this.slots.length) return runPandoc(options, input, files);
    return new Promise<Result>((resolve, reject) => {
      this.pending.push({ options, input, files, resolve, reject });
      this.dispatch();
    });
  };

  private dispatch(): void {
    if (!this.slots.length) {
      for (const job of this.pending.splice(0)) runPandoc(job.options, job.input, job.files).then(job.resolve, job.reject);
      return;
    }
    for (const slot of this.slots) {
      if (slot.job || !this.pending.length) continue;
      const job = this.pending.shift()!;
      slot.job = job;
      slot.worker.postMessage({ id: 0, options: job.options, input: job.input, files: job.files });
    }
  }

  /** Stops the workers. */
  async close(): Promise<void> {
    await Promise.all(this.slots.map((s) => s.worker.terminate()));
    this.slots.length = 0;
  }
}
