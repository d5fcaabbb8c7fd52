/**
 * Recall and false positives of the guard on its own corpus (leak-corpus.ts):
 * every leak must be found at its line, no look-alike may be flagged. The
 * figures are printed (and recorded in the guard README).
 */
import { describe, expect, it } from 'vitest';
import { scanText } from '../scan-text.js';
import { LEAKS, LOOK_ALIKES } from './leak-corpus.js';

describe('leak corpus', () => {
  it('finds every leak at its line and flags no look-alike', async () => {
    const missed: string[] = [];
    const byClass = new Map<string, { found: number; total: number }>();
    for (const c of LEAKS) {
      const f = await scanText(c.path, c.text, { secretlint: false });
      const lines = new Set(f.map((x) => x.line));
      const ok = c.lines.every((l) => lines.has(l));
      const k = byClass.get(c.cls) ?? { found: 0, total: 0 };
      k.total++;
      if (ok) k.found++;
      else missed.push(`${c.id}: expected lines ${c.lines.join(',')}, got ${JSON.stringify(f.map((x) => `${x.line}:${x.column} ${x.rule}`))}`);
      byClass.set(c.cls, k);
      for (const x of f) expect(c.text.includes(x.excerpt) && x.excerpt.length > 6, `${c.id} excerpt must be masked`).toBe(false);
    }
    const flagged: string[] = [];
    for (const c of LOOK_ALIKES) {
      const f = await scanText(c.path, c.text, { secretlint: false });
      if (f.length > 0) flagged.push(`${c.id}: ${JSON.stringify(f.map((x) => `${x.line}:${x.column} ${x.rule} ${x.excerpt}`))}`);
    }
    const found = LEAKS.length - missed.length;
    const lines = [
      `recall ${found}/${LEAKS.length} (${((100 * found) / LEAKS.length).toFixed(1)}%), false positives ${flagged.length}/${LOOK_ALIKES.length}`,
      ...[...byClass].map(([cls, k]) => `  ${cls}: ${k.found}/${k.total}`),
      ...missed.map((m) => `  missed ${m}`),
      ...flagged.map((m) => `  flagged ${m}`),
    ];
    console.log(lines.join('\n'));
    expect(missed).toEqual([]);
    expect(flagged).toEqual([]);
  });
});
