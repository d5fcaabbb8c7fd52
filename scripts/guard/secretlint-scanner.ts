/**
 * secretlint adapter: runs `@secretlint/secretlint-rule-preset-recommend`
 * (private keys, cloud/API tokens, basic-auth URLs, database URLs) through
 * `@secretlint/core` on text we have already read, and maps its messages to
 * guard rule ids. The preset is loaded once per scanner; secretlint's
 * in-file `secretlint-disable` comments are turned off so that the allow-list
 * (with its required reason) is the only way to accept a finding.
 */
import { createRequire } from 'node:module';
import { pathToFileURL } from 'node:url';
import { lintSource } from '@secretlint/core';
import { rules as recommendedRules } from '@secretlint/secretlint-rule-preset-recommend';
import type { GuardRule, RuleMatch } from './types.js';
import { clip, maskSecret } from './mask.js';

/** A secretlint result mapped to a guard rule. */
export interface SecretlintMatch extends RuleMatch {
  rule: string;
  fix: string;
  message: string;
}

/** Scans one file's text with secretlint. */
export interface SecretlintScanner {
  scan(path: string, text: string): Promise<SecretlintMatch[]>;
}

type SecretLintCoreConfig = Parameters<typeof lintSource>[0]['options']['config'];

const FILTER_COMMENTS_ID = '@secretlint/secretlint-rule-filter-comments';
/**
 * The preset's rules registered one by one, without filter-comments. (Setting
 * `disabled: true` on a rule inside the preset descriptor has no effect in
 * @secretlint/core 11.7: RunningEvents.registerRule ignores it.)
 */
const CONFIG: SecretLintCoreConfig = {
  rules: recommendedRules
    .filter((rule) => rule.meta.id !== FILTER_COMMENTS_ID)
    .map((rule) => ({ id: rule.meta.id, rule }) as SecretLintCoreConfig['rules'][number]),
};

const FIXES: Record<string, string> = {
  'private-key': 'Delete the private key from the repository, rotate it (it stays in Git history) and load it from a key file outside Git instead.',
  'connection-string': 'Replace the password in the connection string with a placeholder such as ${DB_PASSWORD} and keep the real one only in the encrypted hand-over.',
  'basic-auth': 'Remove the user:password from the URL and keep the credential only in the encrypted hand-over; rotate it.',
  'secret-token': 'Revoke the token at its issuer, remove it from the file and keep secrets only in the encrypted hand-over or CI secrets.',
};

/** Guard rule id for a secretlint rule id. */
export function mapSecretlintRule(ruleId: string): string {
  if (ruleId.endsWith('secretlint-rule-privatekey')) return 'private-key';
  if (ruleId.endsWith('secretlint-rule-database-connection-string')) return 'connection-string';
  if (ruleId.endsWith('secretlint-rule-basicauth')) return 'basic-auth';
  return 'secret-token';
}

function excerptFor(rule: string, found: string): string {
  if (rule === 'private-key') return clip(found.split(/\r?\n/)[0] ?? '', 50) + ' …';
  if (rule === 'connection-string' || rule === 'basic-auth') {
    return clip(found.replace(/(:\/\/[^:@\s/]*:)[^@\s]*@/, '$1******@').replace(/((?:password|pwd)\s*=\s*)[^;&\s]+/gi, '$1******'));
  }
  return maskSecret(found);
}

let profilerSilenced: Promise<void> | undefined;

/**
 * @secretlint/core (11.7) always runs its profiler: every lintSource call adds
 * performance marks that a global PerformanceObserver keeps forever and scans
 * linearly, so a batch of n files costs O(n²) (5,100 files: ~100 s instead of
 * ~1 s). We silence the profiler instance that core itself imports (resolved
 * from core's own location) — it only feeds secretlint's `--profile` output.
 */
function silenceSecretlintProfiler(): Promise<void> {
  profilerSilenced ??= (async () => {
    try {
      const fromCore = createRequire(createRequire(import.meta.url).resolve('@secretlint/core'));
      const url = pathToFileURL(fromCore.resolve('@secretlint/profiler')).href;
      const mod = (await import(url)) as { secretLintProfiler?: { mark: (m: unknown) => void } };
      if (mod.secretLintProfiler) mod.secretLintProfiler.mark = () => {};
    } catch {
      // Profiler layout changed: scanning still works, only slower on big batches.
    }
  })();
  return profilerSilenced;
}

/** Creates a scanner; loads the secretlint preset once. */
export function createSecretlintScanner(): SecretlintScanner {
  return {
    async scan(path, text) {
      await silenceSecretlintProfiler();
      const ext = /\.[^./]+$/.exec(path)?.[0] ?? '';
      const result = await lintSource({
        source: { filePath: path, content: text, ext, contentType: 'text' },
        options: { config: CONFIG, maskSecrets: true, locale: 'en', noPhysicFilePath: true },
      });
      const out: SecretlintMatch[] = [];
      for (const m of result.messages) {
        if (m.type !== 'message') continue;
        const rule = mapSecretlintRule(m.ruleId);
        const [start, end] = m.range;
        // secretlint's own message, without the (masked) value it quotes.
        const what = m.message.replace(/\(\*+\)/g, '').replace(/\s*[:：]\s*\**\s*$/, '').trim();
        out.push({
          rule,
          start,
          end,
          excerpt: excerptFor(rule, text.slice(start, end)),
          message: `${what} (secretlint ${m.messageId})`,
          fix: FIXES[rule]!,
        });
      }
      return out;
    },
  };
}

/** The rules secretlint contributes, for listing (ids and fixes). */
export const SECRETLINT_RULES: Pick<GuardRule, 'id' | 'fix'>[] = Object.entries(FIXES).map(([id, fix]) => ({ id, fix }));
