/**
 * One-line text form of a finding, shared by `opsbook scan`, `validate` and
 * the PR summary: `path:line:col  rule  message (excerpt) — fix`.
 */
import type { GuardFinding } from './types.js';

/** Formats a finding as one line. */
export function formatFinding(f: GuardFinding): string {
  const excerpt = f.excerpt ? ` (${f.excerpt})` : '';
  return `${f.path}:${f.line}:${f.column}  ${f.rule}  ${f.message}${excerpt} — ${f.fix}`;
}
