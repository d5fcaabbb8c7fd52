/**
 * Runs one exported function of a library module on a worker thread, so that
 * independent work (e.g. the privacy guard beside the record loader) uses a
 * second core. The call's arguments and result cross by structured clone.
 *
 * Two kinds of failure are kept apart: the function's own error is rethrown
 * as it was (a UserError stays a UserError: same message, same exit code),
 * while a thread that could not start, crashed or could not load the module
 * rejects with WorkerUnavailable, so that the caller can run the same
 * function on its own thread instead.
 */
import { Worker, type TransferListItem } from 'node:worker_threads';
import { UserError } from './errors.js';

/** The thread could not run the call (start failure, crash, module not loadable); the call itself did not fail. */
export class WorkerUnavailable extends Error {
  constructor(message: string, options: { cause?: unknown } = {}) {
    super(message, options.cause === undefined ? undefined : { cause: options.cause });
    this.name = 'WorkerUnavailable';
  }
}

/** What the worker body posts back (run-in-worker-body.ts). */
export type WorkerReply =
  | { ok: true; value: unknown }
  | { ok: false; loaded: boolean; error: { name: string; message: string; exitCode?: number; stack?: string } };

/** A call running on a worker thread. */
export interface WorkerCall<T> {
  /** The function's result (see the module comment for the two kinds of failure). */
  result: Promise<T>;
  /** Stops the thread (the result then rejects with WorkerUnavailable unless it has settled). */
  terminate(): Promise<void>;
}

/**
 * Calls `exportName(...args)` of the module at `moduleUrl` (a `.ts` URL when
 * running the sources under tsx, a `.js` URL in dist/) on a new worker thread.
 * `transfer` lists what in `args` moves rather than being copied (a MessagePort).
 */
export function runInWorker<T>(moduleUrl: URL, exportName: string, args: readonly unknown[], transfer: readonly TransferListItem[] = []): WorkerCall<T> {
  let worker: Worker | undefined;
  const result = new Promise<T>((resolve, reject) => {
    let settled = false;
    const settle = (f: () => void) => {
      if (settled) return;
      settled = true;
      f();
    };
    try {
      // run from the sources, this body needs tsx inside the thread (Node 20 does not pass --import hooks to workers): a shim registers it
      const body = import.meta.url.endsWith('.ts') ? new URL('./run-in-worker-entry.mjs', import.meta.url) : new URL('./run-in-worker-body.js', import.meta.url);
      worker = new Worker(body, { workerData: { moduleUrl: moduleUrl.href, exportName, args }, transferList: [...transfer] });
    } catch (err) {
      reject(new WorkerUnavailable(`worker thread did not start: ${err instanceof Error ? err.message : String(err)}`, { cause: err }));
      return;
    }
    worker.once('message', (m: WorkerReply) => {
      settle(() => {
        if (m.ok) resolve(m.value as T);
        // a UserError or any subclass (SopsError …): the one that carries an exit code
        else if (m.error.name === 'UserError' || m.error.exitCode !== undefined) reject(new UserError(m.error.message, m.error.exitCode === undefined ? {} : { exitCode: m.error.exitCode }));
        else if (!m.loaded) reject(new WorkerUnavailable(`worker thread could not load ${moduleUrl.href}: ${m.error.message}`));
        else {
          const e = new Error(m.error.message);
          e.name = m.error.name;
          if (m.error.stack) e.stack = m.error.stack;
          reject(e);
        }
      });
      void worker?.terminate();
    });
    worker.once('error', (err) => settle(() => reject(new WorkerUnavailable(`worker thread failed: ${err.message}`, { cause: err }))));
    worker.once('exit', (code) => settle(() => reject(new WorkerUnavailable(`worker thread exited (code ${code}) before answering`))));
  });
  return {
    result,
    async terminate() {
      await worker?.terminate();
    },
  };
}
