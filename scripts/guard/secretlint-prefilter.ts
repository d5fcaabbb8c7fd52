/**
 * A cheap necessary condition for a secretlint finding, so the KB scan can
 * skip secretlint (~12 µs of rule set-up per file) on YAML records that
 * plainly hold no secret — most of a large knowledge base.
 *
 * Derived from every rule of @secretlint/secretlint-rule-preset-recommend
 * 11.x (see README.md): each one needs at least one of
 * - a run of ≥ 20 token characters `[A-Za-z0-9_+/=-]` (AWS key id and secret,
 *   npm, GitHub, Shopify, OpenAI, Anthropic, Linear, 1Password tokens);
 * - `://` (basic-auth URLs, x-oauth-basic, Slack webhooks, MongoDB, MySQL and
 *   PostgreSQL URIs);
 * - `PRIVATE KEY` (PEM keys, GCP service-account JSON);
 * - `_authToken` (npm), `xox` / `xapp` (Slack tokens), `SG.` (SendGrid),
 *   `account` in any case (AWS account ids);
 * - a `\u` escape (JSON that could spell any of the above in escapes).
 * When in doubt the answer is "maybe", and secretlint runs.
 */

const TOKEN_RUN_RE = /[A-Za-z0-9_+/=-]{20,}/;
const MARKERS = ['://', 'PRIVATE KEY', '_authToken', 'xox', 'xapp', 'SG.', '\\u'];
const ACCOUNT_RE = /account/i;

/** File types whose secretlint pass may be skipped by the prefilter (records and YAML files). */
export const PREFILTERED_FILE_RE = /\.ya?ml$/i;

/**
 * Whether secretlint could report anything on this text.
 * @param text the file's text
 * @returns false only when no rule of the recommended preset can match
 */
export function mayHoldSecretlintFinding(text: string): boolean {
  for (const m of MARKERS) if (text.includes(m)) return true;
  return TOKEN_RUN_RE.test(text) || ACCOUNT_RE.test(text);
}
