/**
 * Accessibility check of a page open in Chromium with axe-core (the engine
 * behind Lighthouse and the browser extensions), WCAG 2.x A and AA rules.
 * Returns the violations by impact; the browser test allows no serious or
 * critical one on the page types the hospital uses.
 */
import fs from 'node:fs';
import { createRequire } from 'node:module';
import type { Page } from 'playwright-core';

const require = createRequire(import.meta.url);
let source: string | undefined;

/** One violated rule on a page. */
export interface AxeViolation {
  id: string;
  impact: 'minor' | 'moderate' | 'serious' | 'critical' | null;
  help: string;
  /** CSS selectors of (up to 5 of) the offending nodes, and what axe says about the first. */
  targets: string[];
  summary: string;
  nodes: number;
}

/** Counts by impact. */
export type AxeCounts = Record<'critical' | 'serious' | 'moderate' | 'minor', number>;

/** Runs axe-core on the page as it is now. */
export async function runAxe(page: Page): Promise<AxeViolation[]> {
  source ??= fs.readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');
  await page.addScriptTag({ content: source });
  const raw = (await page.evaluate(`axe.run(document, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice'] }, resultTypes: ['violations'] })
    .then((r) => r.violations.map((v) => ({ id: v.id, impact: v.impact, help: v.help, nodes: v.nodes.length,
      targets: v.nodes.slice(0, 5).map((n) => n.target.join(' ')), summary: (v.nodes[0] && v.nodes[0].failureSummary) || '' })))`)) as AxeViolation[];
  return raw;
}

/** Violations counted by impact (one per offending node, as axe reports them). */
export function countByImpact(violations: readonly AxeViolation[]): AxeCounts {
  const out: AxeCounts = { critical: 0, serious: 0, moderate: 0, minor: 0 };
  for (const v of violations) if (v.impact) out[v.impact] += v.nodes;
  return out;
}
