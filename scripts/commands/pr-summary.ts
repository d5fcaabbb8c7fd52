/**
 * `opsbook pr-summary <base> [--out PATH]`: Markdown for the PR comment
 * (stdout, or written atomically to PATH). Informational: exit 0 whatever
 * it finds (`npm run check` is the gate); 2 for a bad ref or no Git.
 */
import path from 'node:path';
import { buildPrSummary } from '../git/index.js';
import { writeFileAtomic } from '../shared/atomic-file.js';
import type { GlobalOptions } from './context.js';

export async function run(args: string[], opts: Record<string, unknown>, g: GlobalOptions): Promise<number> {
  const summary = await buildPrSummary(g.root, args[0]!, { asOf: g.asOf });
  if (typeof opts.out === 'string') {
    await writeFileAtomic(path.resolve(opts.out), summary.markdown);
    process.stderr.write(`✔ wrote ${opts.out}\n`);
  } else process.stdout.write(summary.markdown);
  return 0;
}
