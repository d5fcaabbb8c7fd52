import path from 'node:path';
import type { RecordRule } from './types.js';

/** A record's `id` equals its file's base name (the contract's file is contract.yaml). */
export const idMatchesFilename: RecordRule = {
  name: 'id-matches-filename',
  description: 'the id equals the file name without .yaml',
  check(ctx) {
    for (const r of ctx.records) {
      if (r.kind === 'contract') continue;
      const base = path.posix.basename(r.path, '.yaml');
      if (base !== r.id) ctx.report(r, ['id'], `Unexpected id \`${r.id}\` in file \`${base}.yaml\`, expected the id to equal the file name (rename the file to \`${r.id}.yaml\` or fix the id)`);
    }
  },
};
