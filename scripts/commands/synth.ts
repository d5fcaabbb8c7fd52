/** `opsbook synth --tickets N --seed S --out DIR`: a synthetic KB for benchmarks. */
import path from 'node:path';
import { UserError } from '../shared/errors.js';
import { createProgress } from '../shared/progress.js';
import { writeSynthKb } from '../synth/index.js';
import type { GlobalOptions } from './context.js';

export async function run(_args: string[], opts: Record<string, unknown>, g: GlobalOptions): Promise<number> {
  const n = Number(opts.tickets);
  if (!Number.isInteger(n) || n < 0 || n > 2_000_000) throw new UserError(`Unexpected --tickets \`${String(opts.tickets)}\`, expected a whole number from 0 to 2000000`);
  const out = path.resolve(String(opts.out));
  const progress = createProgress('writing', g.interactive);
  let count: number;
  try {
    count = await writeSynthKb(out, { tickets: n, seed: String(opts.seed ?? '1') }, (d, t) => progress.update(d, t));
  } catch (e) {
    throw new UserError(`${out}: ${(e as Error).message}; choose an empty or new directory for --out`);
  }
  progress.done();
  process.stderr.write(`wrote ${count} files (${n} tickets, seed ${String(opts.seed ?? '1')}) to ${out}\n`);
  return 0;
}
