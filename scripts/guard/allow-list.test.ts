import { describe, expect, it } from 'vitest';
import { findAllowEntry, parseAllowList } from './allow-list.js';
import { globToRegExp } from './glob.js';
import type { GuardFinding } from './types.js';

const finding = (over: Partial<GuardFinding> = {}): GuardFinding => ({
  path: 'keys/DEMO-ONLY-age-identity.txt',
  line: 6,
  column: 1,
  rule: 'private-key',
  message: 'age private key',
  excerpt: 'AGE-SECRET-KEY-1ABC******',
  fix: 'x',
  ...over,
});

describe('globToRegExp', () => {
  it.each([
    ['keys/*DEMO-ONLY*', 'keys/DEMO-ONLY-age-identity.txt', true],
    ['keys/*DEMO-ONLY*', 'keys/sub/DEMO-ONLY.txt', false],
    ['docs/**/*.md', 'docs/a.md', true],
    ['docs/**/*.md', 'docs/aims/ops/backup.md', true],
    ['docs/**', 'docs/aims/x.mdx', true],
    ['records/{tickets,inspections}/**', 'records/inspections/2026/INS-01.yaml', true],
    ['records/{tickets,inspections}/**', 'records/changes/C-01.yaml', false],
    ['docs/?.md', 'docs/ab.md', false],
    ['docs/a.md', 'docs/a_md', false],
  ])('%s vs %s → %s', (glob, p, ok) => {
    expect(globToRegExp(glob).test(p)).toBe(ok);
  });
});

describe('allow-list', () => {
  it('parses entries and allows matching findings', () => {
    const list = parseAllowList('allow:\n  - path: keys/*DEMO-ONLY*\n    rule: private-key\n    reason: demo key, public on purpose\n');
    expect(list.problems).toEqual([]);
    expect(list.entries).toHaveLength(1);
    expect(findAllowEntry(list.entries, finding(), '')?.reason).toBe('demo key, public on purpose');
    expect(findAllowEntry(list.entries, finding({ rule: 'plaintext-password' }), '')).toBeUndefined();
    expect(findAllowEntry(list.entries, finding({ path: 'keys/vendor.txt' }), '')).toBeUndefined();
  });

  it('an entry without a reason is a finding at its line and allows nothing', () => {
    const list = parseAllowList('# header\nallow:\n  - path: docs/**\n    rule: mobile-number\n  - path: keys/**\n    rule: "*"\n    reason: "  "\n');
    expect(list.entries).toEqual([]);
    expect(list.problems).toEqual([
      expect.objectContaining({ path: '.opsbook-allow.yaml', line: 3, column: 5, rule: 'allow-list', message: expect.stringMatching(/without a reason/) }),
      expect.objectContaining({ line: 5, rule: 'allow-list', message: expect.stringMatching(/without a reason/) }),
    ]);
  });

  it('rejects unknown keys, unknown rules and bad line numbers', () => {
    const list = parseAllowList(
      'allow:\n  - path: a\n    rule: private-keys\n    reason: r\n  - path: a\n    rule: "*"\n    reason: r\n    line: 0\n  - path: a\n    rule: "*"\n    reason: r\n    reasn: typo\n',
    );
    expect(list.entries).toEqual([]);
    expect(list.problems.map((p) => [p.line, p.message.split(' ').slice(0, 3).join(' ')])).toEqual([
      [2, 'Unexpected allow-list rule'],
      [5, 'Unexpected allow-list line'],
      [12, 'Unexpected key `reasn`'],
    ]);
  });

  it('line and match narrow an entry', () => {
    const list = parseAllowList('allow:\n  - path: docs/**\n    rule: mobile-number\n    reason: public hotline\n    line: 3\n    match: 服务热线\n');
    const f = finding({ path: 'docs/general/contact.md', rule: 'mobile-number', line: 3 });
    expect(findAllowEntry(list.entries, f, '服务热线：139****1234')).toBeDefined();
    expect(findAllowEntry(list.entries, f, '工程师手机：139****1234')).toBeUndefined();
    expect(findAllowEntry(list.entries, { ...f, line: 4 }, '服务热线')).toBeUndefined();
  });

  it('reports a YAML syntax error or a wrong layout as a finding', () => {
    expect(parseAllowList('allow: [\n').problems[0]).toMatchObject({ rule: 'allow-list', line: 2 });
    expect(parseAllowList('- path: a\n').problems[0]!.message).toMatch(/expected a mapping with one key `allow:`/);
    expect(parseAllowList('').problems).toEqual([]);
  });

  it('never lets allow-list findings be allowed', () => {
    const list = parseAllowList('allow:\n  - path: "**"\n    rule: "*"\n    reason: everything\n');
    expect(findAllowEntry(list.entries, finding({ rule: 'allow-list', path: '.opsbook-allow.yaml' }), '')).toBeUndefined();
  });
});
