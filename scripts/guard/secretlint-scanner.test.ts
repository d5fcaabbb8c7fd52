import { performance } from 'node:perf_hooks';
import { describe, expect, it } from 'vitest';
import { createSecretlintScanner, mapSecretlintRule } from './secretlint-scanner.js';

describe('secretlint scanner', () => {
  it('maps secretlint rule ids to guard rules', () => {
    expect(mapSecretlintRule('@secretlint/secretlint-rule-privatekey')).toBe('private-key');
    expect(mapSecretlintRule('@secretlint/secretlint-rule-database-connection-string')).toBe('connection-string');
    expect(mapSecretlintRule('@secretlint/secretlint-rule-basicauth')).toBe('basic-auth');
    expect(mapSecretlintRule('@secretlint/secretlint-rule-aws')).toBe('secret-token');
  });

  it('ignores in-file secretlint-disable comments (the allow-list is the only way to accept a finding)', async () => {
    const token = `ghp_${'Z9y8X7w6V5'.repeat(4).slice(0, 36)}`;
    const found = await createSecretlintScanner().scan('docs/a.md', `<!-- secretlint-disable -->\ntoken: ${token}\n`);
    expect(found.map((m) => m.rule)).toEqual(['secret-token']);
  });

  it('leaves no profiler marks behind (they made big batches quadratic)', async () => {
    const scanner = createSecretlintScanner();
    for (let i = 0; i < 20; i++) await scanner.scan(`records/r${i}.yaml`, `id: R-${i}\n`);
    await new Promise((r) => setTimeout(r, 10));
    expect(performance.getEntriesByType('mark').filter((m) => m.name.startsWith('@core>'))).toEqual([]);
  });
});
