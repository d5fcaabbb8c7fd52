/**
 * Worker thread body of run-in-worker.ts: imports the module named in
 * workerData, calls the export with the arguments and posts the result (or
 * the error, saying whether the module loaded at all).
 */
import { parentPort, workerData } from 'node:worker_threads';
import type { WorkerReply } from './run-in-worker.js';

const { moduleUrl, exportName, args } = workerData as { moduleUrl: string; exportName: string; args: unknown[] };

const describe = (err: unknown) => {
  const e = err instanceof Error ? err : new Error(String(err));
  const exitCode = (e as { exitCode?: unknown }).exitCode;
  return { name: e.name, message: e.message, ...(typeof exitCode === 'number' ? { exitCode } : {}), ...(e.stack ? { stack: e.stack } : {}) };
};

let reply: WorkerReply;
let fn: ((...a: unknown[]) => unknown) | undefined;
try {
  const mod = (await import(moduleUrl)) as Record<string, unknown>;
  const f = mod[exportName];
  if (typeof f !== 'function') throw new Error(`${moduleUrl} has no function export \`${exportName}\``);
  fn = f as (...a: unknown[]) => unknown;
} catch (err) {
  reply = { ok: false, loaded: false, error: describe(err) };
}
if (fn) {
  try {
    reply = { ok: true, value: await fn(...args) };
  } catch (err) {
    reply = { ok: false, loaded: true, error: describe(err) };
  }
}
parentPort!.postMessage(reply!);
