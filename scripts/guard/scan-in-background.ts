/**
 * The guard beside other work: `startKnowledgeBaseScan` starts
 * scanKnowledgeBaseDetailed on a worker thread and returns at once, so that a
 * caller can load the records on its own thread meanwhile (`opsbook
 * validate`, the pipeline): the wall time is then about the longer of the two,
 * not their sum. The thread reads the files itself (the guard's input is
 * bytes, its output a few findings: nothing large crosses between threads).
 *
 * When the thread is not wanted (one core, OPSBOOK_GUARD_THREAD=0) or cannot
 * run (it did not start, crashed, could not load the guard), the scan runs on
 * the caller's thread when the caller asks for the result, with the bytes the
 * caller read if it kept them: the same result, as today's sequential path.
 */
import os from 'node:os';
import { runInWorker, WorkerUnavailable, type WorkerCall } from '../shared/run-in-worker.js';
import type { ScanOptions, ScanResult } from './scan-knowledge-base.js';

// the guard's modules (secretlint among them) load on this thread only when it scans here
const scanHere = async (root: string, opts: ScanOptions) => (await import('./scan-knowledge-base.js')).scanKnowledgeBaseDetailed(root, opts);

/** Options of startKnowledgeBaseScan: those of scanKnowledgeBase that can cross to a thread, plus the choice of thread. */
export type BackgroundScanOptions = Omit<ScanOptions, 'contents' | 'releaseContents'> & {
  /** Force (true) or forbid (false) the worker thread; default: guardThreadWanted(). */
  thread?: boolean;
};

/** A scan started by startKnowledgeBaseScan. */
export interface BackgroundScan {
  /** Whether a worker thread is scanning now (the caller then need not keep the bytes it reads for the guard). */
  readonly threaded: boolean;
  /**
   * The scan's result. Without a thread (or when the thread failed) the scan
   * runs now on this thread, reading from `contents` the files the caller
   * already read (as scanKnowledgeBase's `contents`/`releaseContents`).
   */
  result(contents?: Pick<ScanOptions, 'contents' | 'releaseContents'>): Promise<ScanResult>;
  /** How the result was obtained: 'thread', 'fallback' (the thread failed, scanned here), 'here' (no thread). */
  readonly how: 'thread' | 'fallback' | 'here' | 'pending';
}

/**
 * Whether the guard should run on its own thread: `OPSBOOK_GUARD_THREAD=1|0`
 * forces it; otherwise when this process may use at least two cores
 * (os.availableParallelism(), which follows CPU affinity such as `taskset`).
 *
 * Not gated on the load average, on purpose: the guard thread copies almost
 * nothing (it reads the files itself and returns a few findings), so on a
 * busy machine it only takes its fair share of time slices beside the
 * loader, and the overlap still shortens the wall time (measured in
 * scripts/bench/RESULTS.md, "guard beside the loader"); only on one core is
 * it pure overhead (the files read twice, a thread started).
 */
export function guardThreadWanted(env: NodeJS.ProcessEnv = process.env, cores: number = os.availableParallelism()): boolean {
  const forced = env.OPSBOOK_GUARD_THREAD;
  if (forced === '0' || forced === '1') return forced === '1';
  return cores >= 2;
}

/** The module the thread runs (the .ts source under tsx, the compiled .js in dist/). */
const SCAN_MODULE = import.meta.url.endsWith('.ts') ? new URL('./scan-knowledge-base.ts', import.meta.url) : new URL('./scan-knowledge-base.js', import.meta.url);

/** Starts scanning the KB at `root` (on a worker thread when wanted); see the module comment. */
export function startKnowledgeBaseScan(root: string, opts: BackgroundScanOptions = {}): BackgroundScan {
  const { thread, ...scanOpts } = opts;
  const wanted = thread ?? guardThreadWanted();
  let call: WorkerCall<ScanResult> | undefined;
  if (wanted) {
    call = runInWorker<ScanResult>(SCAN_MODULE, 'scanKnowledgeBaseDetailed', [root, scanOpts]);
    // a failure is handled when the result is asked for; never an unhandled rejection meanwhile
    call.result.catch(() => {});
  }
  let how: BackgroundScan['how'] = 'pending';
  return {
    threaded: !!call,
    get how() {
      return how;
    },
    async result(contents = {}) {
      if (call) {
        try {
          const r = await call.result;
          how = 'thread';
          return r;
        } catch (err) {
          if (!(err instanceof WorkerUnavailable)) throw err;
          how = 'fallback';
          return scanHere(root, { ...scanOpts, ...contents });
        }
      }
      how = 'here';
      return scanHere(root, { ...scanOpts, ...contents });
    },
  };
}
