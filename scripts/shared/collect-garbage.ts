/**
 * A full garbage collection between the phases of a long batch run (the
 * pipeline's steps), so the next phase starts from the memory it really
 * holds. V8 lets the old generation grow to a multiple of the live heap
 * before it collects; at 100k tickets that was 950 MB of heap for 400 MB
 * live when the reports step started its pandoc workers, and the two
 * together passed 1.4 GB. Without `--expose-gc` on the command line the
 * `gc` function is taken from a fresh context after setting the flag, the
 * way Jest's leak detector does (jest-leak-detector).
 */
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';

let gc: (() => void) | null | undefined;

function gcFunction(): (() => void) | null {
  if (gc !== undefined) return gc;
  const own = (globalThis as { gc?: () => void }).gc;
  if (typeof own === 'function') return (gc = own);
  try {
    setFlagsFromString('--expose-gc');
    const fn = runInNewContext('gc') as unknown;
    gc = typeof fn === 'function' ? (fn as () => void) : null;
  } catch {
    gc = null;
  }
  return gc;
}

/**
 * Runs a full (major) garbage collection when the engine allows it.
 * @returns whether a collection ran
 */
export function collectGarbage(): boolean {
  const fn = gcFunction();
  if (!fn) return false;
  fn();
  return true;
}
