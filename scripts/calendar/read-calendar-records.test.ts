import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { formatDiagnostic } from '../shared/errors.js';
import { parseCalendarRecord, readCalendarRecords } from './index.js';

const fixtures = path.join(path.dirname(fileURLToPath(import.meta.url)), 'fixtures');
const lines = (kb: string) => readCalendarRecords(path.join(fixtures, kb)).diagnostics.map(formatDiagnostic);

describe('readCalendarRecords', () => {
  it('reads the .yaml records and skips README.md', () => {
    const { records, diagnostics } = readCalendarRecords(path.join(fixtures, 'ok-kb-2027'));
    expect(diagnostics).toEqual([]);
    expect(records.map((r) => r.id)).toEqual(['2027']);
    expect(records[0]!.workdays).toEqual(['2027-01-09']);
  });

  it('treats a KB without records/calendar as having no records', () => {
    expect(readCalendarRecords(path.join(fixtures, 'no-such-kb'))).toEqual({ records: [], diagnostics: [] });
  });

  it('locates an impossible date', () => {
    expect(lines('not-ok-kb-bad-date')).toEqual([
      'records/calendar/2027.yaml:7:9  Unexpected date `2027-02-30`: no such day, expected a real calendar date  calendar',
    ]);
  });

  it('locates a YAML syntax error', () => {
    const [first, ...rest] = lines('not-ok-kb-syntax');
    expect(first).toMatch(/^records\/calendar\/2027\.yaml:\d+:\d+  Unexpected YAML syntax: /);
    expect(first!.split('\n')).toHaveLength(1);
    expect(rest.every((l) => l.startsWith('records/calendar/2027.yaml:'))).toBe(true);
  });

  it('locates an unknown key and the missing one it was meant to be', () => {
    expect(lines('not-ok-kb-unknown-key')).toEqual([
      'records/calendar/2027.yaml:5:1  Unexpected unknown property `workday`, expected one of `id`, `year`, `source`, `holidays`, `workdays`  calendar',
      'records/calendar/2027.yaml:1:1  Missing required property `workdays`  calendar',
    ]);
  });

  it('reads unquoted dates as text (YAML 1.2) and rejects an id that is not the file name', () => {
    const text = 'id: "2026"\nyear: 2026\nsource: x\nholidays: [{ name: y, from: 2026-10-01, to: 2026-10-07 }]\nworkdays: [2026-10-10]\n';
    expect(parseCalendarRecord('records/calendar/2026.yaml', text).record?.workdays).toEqual(['2026-10-10']);
    const d = parseCalendarRecord('records/calendar/2025.yaml', text).diagnostics.map(formatDiagnostic);
    expect(d).toEqual(["records/calendar/2025.yaml:1:5  Unexpected id `2026` in 2025.yaml, expected the file's base name `2025`  calendar"]);
  });
});
