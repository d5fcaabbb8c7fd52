/**
 * A cheap necessary condition for a secretlint finding, so the KB scan can
 * skip secretlint (~12 µs of rule set-up per file, ~0.2 ms on a busy machine)
 * on YAML records that plainly hold no secret — most of a large knowledge base.
 *
 * Derived from every rule of @secretlint/secretlint-rule-preset-recommend
 * 11.7 that can run on a YAML file (see README.md; the gcp rule reads only
 * `.json`/`.p12` files and the npm rule only `package.json`/`.npmrc`, which
 * this prefilter never judges). Each match of each of them holds a fixed
 * piece of text:
 * - `://` (basic-auth URLs, Slack webhooks, MongoDB, MySQL and PostgreSQL URIs);
 * - `PRIVATE KEY` (PEM and OpenSSH keys);
 * - a token prefix: `sk-` (OpenAI, Anthropic), `lin_api_` (Linear), `ops_`
 *   (1Password), `SG.` (SendGrid), `shppa_`/`shpca_`/`shpat_`/`shpss_`
 *   (Shopify), `ghp_`/`gho_`/`ghu_`/`ghs_`/`ghr_`/`github_pat_` (GitHub),
 *   `xox…`/`xapp` (Slack), `npm_`, `_authToken`, the AWS access-key ids
 *   (`AKIA`, `ASIA`, `A3T`…; that scan is off by default);
 * - `secret` in any case (AWS secret access key) and `account` (AWS
 *   account id, off by default);
 * - a `\u` escape (JSON that could spell any of the above in escapes).
 * Until 2026-11-30 a run of 20 token characters also said "maybe": it holds
 * for every token rule but also for every SHA-256 digest, so secretlint ran
 * on every delivery record. The test beside this file fails when the preset
 * gains or loses a rule, so a new rule cannot slip past this list unseen.
 * When in doubt the answer is "maybe", and secretlint runs.
 */

/**
 * The pieces above as one regex (one pass over the text instead of a dozen
 * `includes`); `secret` and `account` in any case, spelt with classes so the
 * rest stays case-sensitive as secretlint's own patterns are.
 */
const MARKER_RE = new RegExp(
  [
    ':\\/\\/', 'PRIVATE KEY', '_authToken', 'xox', 'xapp', 'SG\\.', '\\\\u', 'sk-', 'lin_api_', 'ops_', 'npm_', 'github_pat_', 'gh[pousr]_', 'shp(?:pa|ca|at|ss)_',
    'A3T', 'AKIA', 'AGPA', 'AIDA', 'AROA', 'AIPA', 'ANPA', 'ANVA', 'ASIA',
    '[Ss][Ee][Cc][Rr][Ee][Tt]', '[Aa][Cc][Cc][Oo][Uu][Nn][Tt]',
  ].join('|'),
);

/** The rule ids of the preset this prefilter was derived from (the test compares them with the installed preset). */
export const PREFILTER_PRESET_RULES = [
  '@secretlint/secretlint-rule-aws',
  '@secretlint/secretlint-rule-gcp',
  '@secretlint/secretlint-rule-npm',
  '@secretlint/secretlint-rule-slack',
  '@secretlint/secretlint-rule-basicauth',
  '@secretlint/secretlint-rule-openai',
  '@secretlint/secretlint-rule-anthropic',
  '@secretlint/secretlint-rule-linear',
  '@secretlint/secretlint-rule-privatekey',
  '@secretlint/secretlint-rule-sendgrid',
  '@secretlint/secretlint-rule-shopify',
  '@secretlint/secretlint-rule-github',
  '@secretlint/secretlint-rule-1password',
  '@secretlint/secretlint-rule-database-connection-string',
  '@secretlint/secretlint-rule-filter-comments',
] as const;

/** File types whose secretlint pass may be skipped by the prefilter (records and YAML files). */
export const PREFILTERED_FILE_RE = /\.ya?ml$/i;

/**
 * Whether secretlint could report anything on this text.
 * @param text the file's text
 * @returns false only when no rule of the recommended preset can match
 */
export function mayHoldSecretlintFinding(text: string): boolean {
  return MARKER_RE.test(text);
}
