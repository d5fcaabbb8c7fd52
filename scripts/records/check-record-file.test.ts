import { describe, expect, it } from 'vitest';
import { MAX_PROBLEMS_PER_FILE, capPerFile, weight } from './cap-diagnostics.js';
import { checkRecordFile, checkRecordFileWithPositions, fileLocator } from './check-record-file.js';
import { locate } from './locate.js';
import { parseYamlFile } from './parse-yaml-file.js';

const REL = 'records/tickets/2026/T-20260401-01.yaml';
const HEAD = 'id: T-20260401-01\nsystem: aims\ntitle: 测试\nseverity: "C"\ncategory: consultation\nchannel: web\nreported_at: 2026-04-01T09:00:00+08:00\n';
const bytes = (t: string) => Buffer.from(t, 'utf8');

/** Errors and warnings a file's diagnostics stand for (the `more-problems` line counted by what it says). */
function total(ds: readonly { rule: string; message: string; severity: 'error' | 'warning' }[]) {
  return ds.reduce((s, d) => {
    const w = weight(d as never);
    return { errors: s.errors + w.errors, warnings: s.warnings + w.warnings };
  }, { errors: 0, warnings: 0 });
}

describe('checkRecordFile, a file with thousands of problems', () => {
  it('spells out the first 20 in the file and counts the rest exactly, as the positional path does', () => {
    // a bad value on line 2, then 3,000 unknown keys
    const text = HEAD.replace('system: aims', 'system: nope') + Array.from({ length: 3000 }, (_, i) => `k${i}: v\n`).join('');
    const fast = checkRecordFile(REL, 'ticket', bytes(text));
    const slow = checkRecordFileWithPositions(REL, 'ticket', bytes(text));
    expect(fast.record).toBeUndefined();
    expect(fast.diagnostics).toHaveLength(MAX_PROBLEMS_PER_FILE + 1);
    expect(fast.diagnostics[0]).toMatchObject({ line: 2, column: 9, rule: 'schema' });
    expect(fast.diagnostics[1]).toMatchObject({ line: 8, column: 1, message: expect.stringMatching(/unknown property `k0`/) });
    const more = fast.diagnostics[MAX_PROBLEMS_PER_FILE]!;
    expect(more).toMatchObject({ rule: 'more-problems', line: 8 + 19, column: 1 });
    expect(total(fast.diagnostics)).toEqual({ errors: 3001, warnings: 0 });
    expect(slow.diagnostics).toEqual(fast.diagnostics);
  });

  it('counts every one of 20,000 bad list items, spelling out the first 20', () => {
    const text = `${HEAD}tags:\n${Array.from({ length: 20_000 }, (_, i) => `  - ${i}\n`).join('')}`;
    const r = checkRecordFile(REL, 'ticket', bytes(text));
    expect(r.diagnostics).toHaveLength(MAX_PROBLEMS_PER_FILE + 1);
    expect(r.diagnostics[0]).toMatchObject({ line: 9, column: 5, message: expect.stringMatching(/^Unexpected integer `0` for `tags\[0\]`/) });
    expect(total(r.diagnostics)).toEqual({ errors: 20_000, warnings: 0 });
  });

  it('caps warnings too, and a record with only warnings stays valid', () => {
    const changes = Array.from({ length: 50 }, () => '  - { at: 2026-04-01T10:00:00+08:00, from: 1, to: "A" }\n').join('');
    const text = `${HEAD}severity_changes:\n${changes}`;
    const fast = checkRecordFile(REL, 'ticket', bytes(text));
    expect(fast.record?.id).toBe('T-20260401-01');
    expect(fast.diagnostics).toHaveLength(MAX_PROBLEMS_PER_FILE + 1);
    expect(fast.diagnostics[0]).toMatchObject({ line: 9, column: 44, rule: 'quote-value', severity: 'warning' });
    expect(fast.diagnostics[MAX_PROBLEMS_PER_FILE]).toMatchObject({ rule: 'more-problems', severity: 'warning' });
    expect(total(fast.diagnostics)).toEqual({ errors: 0, warnings: 50 });
    expect(checkRecordFileWithPositions(REL, 'ticket', bytes(text)).diagnostics).toEqual(fast.diagnostics);
    // the loader's cap keeps them as they are
    expect(capPerFile(fast.diagnostics)).toEqual(fast.diagnostics);
  });

  it('locates the problems of a large plain file by the line scan, even where it cannot follow a line', () => {
    // over the positional parser's size: an empty flow item the position tree does not follow, then unknown keys
    const text = `${HEAD}tags: [a, ]\n${Array.from({ length: 40_000 }, (_, i) => `k${i}: v\n`).join('')}`;
    expect(text.length).toBeGreaterThan(256 * 1024);
    const r = checkRecordFile(REL, 'ticket', bytes(text));
    expect(r.diagnostics).toHaveLength(MAX_PROBLEMS_PER_FILE + 1);
    expect(r.diagnostics[0]).toMatchObject({ line: 9, column: 1, message: expect.stringMatching(/unknown property `k0`/) });
    expect(total(r.diagnostics)).toEqual({ errors: 40_000, warnings: 0 });
  });

  it('locates fields of a valid record for the rules as the yaml Document API does, plain or not', () => {
    const plain = `${HEAD}severity_changes:\n${'  - { at: 2026-04-01T10:00:00+08:00, from: A, to: B }\n'.repeat(30)}`;
    for (const text of [plain, plain.replace('title: 测试', 'title: &t 测试')]) {
      const slow = parseYamlFile(REL, bytes(text));
      const at = fileLocator(REL, bytes(text));
      for (const [segments, key] of [[['severity_changes', 29, 'to'], false], [['severity_changes', 3], false], [['title'], true], [['no-such'], false]] as const) {
        expect(at([...segments], { key })).toEqual(locate(slow.doc!, slow.lineCounter, [...segments], { key }));
      }
    }
  });
});
