/**
 * Calendar records through the shared record loader: the schema owns the
 * shape (located `schema` / YAML diagnostics), the `calendar-consistency`
 * rule owns the semantics (located by line and column).
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { loadKnowledgeBase } from '../records/index.js';
import { formatDiagnostic } from '../shared/errors.js';

const here = path.dirname(fileURLToPath(import.meta.url));
const OK_KB = path.join(here, '../records/fixtures/ok-kb');
const tmpRoots: string[] = [];
afterAll(() => tmpRoots.forEach((r) => fs.rmSync(r, { recursive: true, force: true })));

/** A copy of the records' ok KB with one calendar file. */
function kbWithCalendar(text: string, name = '2027.yaml'): string {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'opsbook-cal-'));
  tmpRoots.push(root);
  fs.cpSync(OK_KB, root, { recursive: true });
  fs.mkdirSync(path.join(root, 'records/calendar'), { recursive: true });
  fs.writeFileSync(path.join(root, 'records/calendar', name), text);
  return root;
}

/** A consistent, fictional record; each line is addressed by the cases below. */
const OK = [
  'id: "2027"', //                         1
  'year: 2027', //                         2
  'source: 测试用虚构安排（非官方）', //    3
  'holidays:', //                          4
  '  - name: 测试假期', //                 5
  '    from: "2027-01-01"', //             6
  '    to: "2027-01-03"', //               7
  'workdays:', //                          8
  '  - "2027-01-09"', //                   9
  '',
].join('\n');

const edit = (...pairs: [string, string][]) => pairs.reduce((t, [a, b]) => {
  if (!t.includes(a)) throw new Error(`fixture text lacks ${a}`);
  return t.replace(a, b);
}, OK);

/** Calendar diagnostics of a KB, formatted (the rest of the KB is ok). */
async function calendarLines(root: string, only: ReadonlySet<string> | undefined = new Set()): Promise<string[]> {
  const kb = await loadKnowledgeBase(root, only ? { only } : {});
  return kb.diagnostics.filter((d) => d.path.startsWith('records/calendar/')).map(formatDiagnostic);
}

const F = 'records/calendar/2027.yaml';

describe('calendar records through loadKnowledgeBase', () => {
  it('loads a consistent record without diagnostics, also with `only` empty', async () => {
    const root = kbWithCalendar(OK);
    for (const only of [new Set<string>(), undefined]) {
      const kb = await loadKnowledgeBase(root, only ? { only } : {});
      expect(kb.diagnostics.map(formatDiagnostic)).toEqual([]);
      expect(kb.calendars).toEqual([{ id: '2027', year: 2027, source: '测试用虚构安排（非官方）', holidays: [{ name: '测试假期', from: '2027-01-01', to: '2027-01-03' }], workdays: ['2027-01-09'] }]);
    }
  });

  it('reads unquoted dates as text (YAML 1.2)', async () => {
    const kb = await loadKnowledgeBase(kbWithCalendar(OK.replace(/"(2027-\d\d-\d\d)"/g, '$1')), { only: new Set() });
    expect(kb.diagnostics).toEqual([]);
    expect(kb.calendars[0]?.workdays).toEqual(['2027-01-09']);
  });

  it('loads the 2027 fixture KB of the calendar tests cleanly', async () => {
    const kb = await loadKnowledgeBase(path.join(here, 'fixtures/ok-kb-2027'), { only: new Set() });
    expect(kb.diagnostics).toEqual([]);
    expect(kb.calendars.map((c) => c.id)).toEqual(['2027']);
  });

  describe('shape: the schema and the YAML reader', () => {
    it.each<[string, string, string[]]>([
      ['unknown key', edit(['workdays:', 'workday:']), [
        `${F}:1:1  Unexpected missing property \`workdays\` (调休上班日), expected it to be present  schema`,
        `${F}:8:1  Unexpected unknown property \`workday\`; did you mean \`workdays\`?  schema`,
      ]],
      ['impossible date', edit(['to: "2027-01-03"', 'to: "2027-02-30"']), [
        `${F}:7:9  Unexpected impossible date or time \`2027-02-30\`, expected a real calendar date and time for \`holidays[0].to\` (结束日期)  schema`,
      ]],
      ['missing source', edit(['source: 测试用虚构安排（非官方）\n', '']), [
        `${F}:1:1  Unexpected missing property \`source\` (依据), expected it to be present  schema`,
      ]],
    ])('%s', async (_label, text, want) => {
      expect(await calendarLines(kbWithCalendar(text))).toEqual(want);
    });

    it.each<[string, string, number, number, RegExp]>([
      ['year out of range', edit(['id: "2027"', 'id: "1999"'], ['year: 2027', 'year: 1999']), 2, 7, /1999/],
      ['empty source', edit(['source: 测试用虚构安排（非官方）', 'source: ""']), 3, 9, /source/],
      ['holiday without name', edit(['  - name: 测试假期\n    from', '  - from']), 5, 5, /missing property `holidays\[0\]\.name` \(节日\)/],
      ['unknown holiday key', edit(['    to: "2027-01-03"', '    to: "2027-01-03"\n    until: "2027-01-04"']), 8, 5, /unknown property `until`/],
      ['a workday that is a number', edit(['  - "2027-01-09"', '  - 20270109']), 9, 5, /20270109/],
      ['duplicate workday', edit(['  - "2027-01-09"', '  - "2027-01-09"\n  - "2027-01-09"']), 10, 5, /Unexpected duplicate `2027-01-09`/],
      ['id as a number', edit(['id: "2027"', 'id: 2027x']), 1, 5, /2027x/],
    ])('%s → a located schema error', async (_label, text, line, column, message) => {
      const lines = await calendarLines(kbWithCalendar(text));
      expect(lines, lines.join('\n')).toHaveLength(1);
      expect(lines[0]).toMatch(new RegExp(`^${F}:${line}:${column}  .*  schema$`));
      expect(lines[0]).toMatch(message);
    });

    it('an unquoted id is read as text with a warning', async () => {
      const kb = await loadKnowledgeBase(kbWithCalendar(edit(['id: "2027"', 'id: 2027'])), { only: new Set() });
      expect(kb.diagnostics.map(formatDiagnostic)).toEqual([`${F}:1:5  warning  Unexpected unquoted id \`2027\` (a YAML number), read as text; quote it: \`id: "2027"\`  quote-value`]);
      expect(kb.calendars.map((c) => c.id)).toEqual(['2027']);
    });

    it('YAML syntax errors and a list document are located', async () => {
      const [first] = await calendarLines(kbWithCalendar(edit(['  - name: 测试假期', '  - { name: 测试假期'])));
      expect(first).toMatch(new RegExp(`^${F}:\\d+:\\d+  Unexpected YAML syntax: .*  yaml-syntax$`));
      expect(await calendarLines(kbWithCalendar('- 2027\n'))).toEqual([`${F}:1:1  Unexpected list, expected a mapping of fields (key: value)  yaml-not-mapping`]);
    });

    it('an id that is not the file name is reported by id-matches-filename', async () => {
      expect(await calendarLines(kbWithCalendar(OK, '2028.yaml'))).toEqual([
        "records/calendar/2028.yaml:1:5  Unexpected id `2027` in file `2028.yaml`, expected the id to equal the file name (rename the file to `2027.yaml` or fix the id)  id-matches-filename",
      ]);
    });
  });

  describe('semantics: calendar-consistency', () => {
    it.each<[string, string, string[]]>([
      ['date outside the year', edit(['from: "2027-01-01"', 'from: "2026-11-30"']), [`${F}:6:11  Unexpected date \`2026-11-30\`, expected a date in 2027 (or December 2026)`]],
      ['workday outside the year', edit(['  - "2027-01-09"', '  - "2028-01-08"']), [`${F}:9:5  Unexpected date \`2028-01-08\`, expected a date in 2027 (or December 2026)`]],
      ['to before from', edit(['from: "2027-01-01"', 'from: "2027-01-05"']), [`${F}:7:9  Unexpected \`to\` \`2027-01-03\` before \`from\` \`2027-01-05\`, expected the last day off`]],
      ['too long a break', edit(['to: "2027-01-03"', 'to: "2027-01-20"'], ['  - "2027-01-09"', '  - "2027-01-23"']), [`${F}:7:9  Unexpected break longer than 15 days (\`2027-01-01\` to \`2027-01-20\`), expected the last day off`]],
      ['overlapping breaks', edit(['    to: "2027-01-03"', '    to: "2027-01-03"\n  - { name: 又一假期, from: "2027-01-03", to: "2027-01-04" }']), [`${F}:8:5  Unexpected overlap with holidays[0] on 2027-01-03, expected separate breaks`]],
      ['workday on a weekday', edit(['  - "2027-01-09"', '  - "2027-01-06"']), [`${F}:9:5  Unexpected workday \`2027-01-06\` on a weekday, expected a Saturday or Sunday made a working day (调休上班)`]],
      ['workday inside a break', edit(['to: "2027-01-03"', 'to: "2027-01-10"']), [`${F}:9:5  Unexpected workday \`2027-01-09\` inside holidays[0], expected a day outside the breaks`]],
    ])('%s → located at the offending value', async (_label, text, want) => {
      expect(await calendarLines(kbWithCalendar(text))).toEqual(want.map((l) => `${l}  calendar-consistency`));
    });

    it('id ≠ year → located at the id', async () => {
      expect(await calendarLines(kbWithCalendar(edit(['id: "2027"', 'id: "2026"']), '2026.yaml'))).toEqual([
        'records/calendar/2026.yaml:1:5  Unexpected id `2026` for year 2027, expected `2027`  calendar-consistency',
      ]);
    });

    it('runs when the whole KB is loaded too, and keeps the record (not a schema error)', async () => {
      const root = kbWithCalendar(edit(['  - "2027-01-09"', '  - "2027-01-06"']));
      expect(await calendarLines(root, undefined)).toHaveLength(1);
      const kb = await loadKnowledgeBase(root);
      expect(kb.calendars.map((c) => c.id)).toEqual(['2027']);
    });
  });
});
