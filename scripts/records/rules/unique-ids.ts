import type { RecordRule } from './types.js';

/** Ids are unique across the whole knowledge base. */
export const uniqueIds: RecordRule = {
  name: 'unique-ids',
  description: 'no two records share an id',
  check(ctx) {
    const first = new Map<string, string>();
    for (const r of ctx.records) {
      const seen = first.get(r.id);
      if (seen === undefined) first.set(r.id, r.path);
      else ctx.report(r, ['id'], `Unexpected duplicate id \`${r.id}\`, expected ids to be unique across the knowledge base (also used by ${seen})`);
    }
  },
};
