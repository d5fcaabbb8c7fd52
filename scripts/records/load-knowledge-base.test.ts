import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { loadKnowledgeBase } from './load-knowledge-base.js';

const OK_KB = path.join(import.meta.dirname, 'fixtures', 'ok-kb');
const tmpRoots: string[] = [];

/** Copies the ok KB to a temp dir and writes extra files (relative to records/). */
function kbWith(files: Record<string, string | Buffer>): string {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'opsbook-kb-'));
  tmpRoots.push(root);
  fs.cpSync(OK_KB, root, { recursive: true });
  for (const [rel, content] of Object.entries(files)) {
    const p = path.join(root, 'records', rel);
    fs.mkdirSync(path.dirname(p), { recursive: true });
    fs.writeFileSync(p, content);
  }
  return root;
}
afterAll(() => tmpRoots.forEach((r) => fs.rmSync(r, { recursive: true, force: true })));

const T = 'tickets/2026/T-20260401-01.yaml';
const base = (extra: string) => `id: T-20260401-01\nsystem: aims\ntitle: 测试\nseverity: "C"\ncategory: consultation\nchannel: web\nreported_at: 2026-04-01T09:00:00+08:00\n${extra}`;

interface Case {
  name: string;
  files: Record<string, string | Buffer>;
  path: string;
  line: number;
  column: number;
  rule: string;
  message: RegExp;
  severity?: 'error' | 'warning';
}

const cases: Case[] = [
  { name: 'not-ok-unknown-property', files: { [T]: base('engineerz: []\n') }, path: T, line: 8, column: 1, rule: 'schema', message: /Unexpected unknown property `engineerz`; did you mean `engineers`\?/ },
  { name: 'not-ok-missing-required', files: { [T]: 'id: T-20260401-01\nsystem: aims\ntitle: 测试\nseverity: "C"\ncategory: consultation\nchannel: web\n' }, path: T, line: 1, column: 1, rule: 'schema', message: /Unexpected missing property `reported_at` \(报告时间\)/ },
  { name: 'not-ok-bad-enum', files: { [T]: base('outcome: fixed\nresolved_at: 2026-04-01T10:00:00+08:00\n') }, path: T, line: 8, column: 10, rule: 'schema', message: /Unexpected value `fixed` for `outcome` \(处理结果\), expected one of `resolved`, `workaround`, `unresolvable`, `duplicate`/ },
  { name: 'not-ok-severity-enum', files: { [T]: base('').replace('severity: "C"', 'severity: D') }, path: T, line: 4, column: 11, rule: 'schema', message: /expected one of `1`, `A`, `B`, `C`/ },
  { name: 'ok-severity-unquoted-warning', files: { [T]: base('').replace('severity: "C"', 'severity: 1') }, path: T, line: 4, column: 11, rule: 'quote-value', severity: 'warning', message: /quote it: `severity: "1"`/ },
  { name: 'not-ok-time-without-offset', files: { [T]: base('responded_at: 2026-04-01T09:03:00\n') }, path: T, line: 8, column: 15, rule: 'schema', message: /without a UTC offset, expected an explicit offset such as `2026-04-01T09:03:00\+08:00`/ },
  { name: 'not-ok-impossible-date', files: { [T]: base('responded_at: 2026-02-30T09:03:00+08:00\n') }, path: T, line: 8, column: 15, rule: 'schema', message: /Unexpected impossible date/ },
  { name: 'not-ok-impossible-hour', files: { [T]: base('responded_at: 2026-04-01T25:03:00+08:00\n') }, path: T, line: 8, column: 15, rule: 'schema', message: /Unexpected impossible date or time/ },
  { name: 'not-ok-bad-date', files: { 'inspections/2026/INS-X.yaml': 'id: INS-X\ntype: onsite\nsystems: [aims]\nstarted_at: 2026-13-01\nfinished_at: 2026-04-01\n' }, path: 'records/inspections/2026/INS-X.yaml', line: 4, column: 13, rule: 'schema', message: /Unexpected impossible date/ },
  { name: 'not-ok-responded-before-reported', files: { [T]: base('responded_at: 2026-04-01T08:59:00+08:00\n') }, path: T, line: 8, column: 15, rule: 'time-order', message: /before reported_at/ },
  { name: 'not-ok-responded-before-reported-other-offset', files: { [T]: base('responded_at: 2026-04-01T00:59:00Z\n') }, path: T, line: 8, column: 15, rule: 'time-order', message: /responded_at `2026-04-01T00:59:00Z` before reported_at/ },
  { name: 'not-ok-resolved-before-responded', files: { [T]: base('responded_at: 2026-04-01T09:10:00+08:00\nresolved_at: 2026-04-01T09:05:00+08:00\noutcome: resolved\n') }, path: T, line: 9, column: 14, rule: 'time-order', message: /resolved_at .* before responded_at/ },
  { name: 'not-ok-arrived-before-requested', files: { [T]: base('onsite:\n  requested_at: 2026-04-01T12:00:00+08:00\n  arrived_at: 2026-04-01T11:00:00+08:00\n') }, path: T, line: 10, column: 15, rule: 'time-order', message: /arrived_at .* before onsite.requested_at/ },
  { name: 'not-ok-finished-before-started', files: { 'inspections/2026/INS-Y.yaml': 'id: INS-Y\ntype: database\nsystems: [aims]\nstarted_at: 2026-04-02\nfinished_at: 2026-04-01\n' }, path: 'records/inspections/2026/INS-Y.yaml', line: 5, column: 14, rule: 'time-order', message: /finished_at .* before started_at/ },
  { name: 'not-ok-id-filename', files: { [T]: base('').replace('id: T-20260401-01', 'id: T-20260401-02') }, path: T, line: 1, column: 5, rule: 'id-matches-filename', message: /expected the id to equal the file name/ },
  { name: 'not-ok-duplicate-id', files: { 'tickets/2025/T-20260314-01.yaml': fs.readFileSync(path.join(OK_KB, 'records/tickets/2026/T-20260314-01.yaml'), 'utf8') }, path: 'records/tickets/2026/T-20260314-01.yaml', line: 2, column: 5, rule: 'unique-ids', message: /Unexpected duplicate id `T-20260314-01`/ },
  { name: 'not-ok-unknown-interface', files: { [T]: base('').replace('category: consultation', 'category: interface') + 'interface: IF-nope\n' }, path: T, line: 8, column: 12, rule: 'references-resolve', message: /Unexpected reference `IF-nope` \(not found\), expected the id of a interface record \(known: `IF-aims-his-adt`\)/ },
  { name: 'not-ok-interface-missing', files: { [T]: base('').replace('category: consultation', 'category: interface') }, path: T, line: 1, column: 1, rule: 'schema', message: /missing property `interface` .* when `category: interface`/ },
  { name: 'not-ok-unknown-release', files: { [T]: base('fixed_in: REL-aims-9.9\n') }, path: T, line: 8, column: 11, rule: 'references-resolve', message: /`REL-aims-9.9` \(not found\)/ },
  { name: 'not-ok-unknown-person', files: { [T]: base('engineers: [P-eng-a, P-ghost]\n') }, path: T, line: 8, column: 22, rule: 'references-resolve', message: /`P-ghost`/ },
  { name: 'not-ok-wrong-kind-reference', files: { [T]: base('fixed_in: P-eng-a\n') }, path: T, line: 8, column: 11, rule: 'references-resolve', message: /a person, not a release/ },
  { name: 'not-ok-system-not-in-contract', files: { 'interfaces/IF-x.yaml': 'id: IF-x\nsystem: emr\npeer: his\nprotocol: HL7\ndirection: inbound\nstatus: active\n' }, path: 'records/interfaces/IF-x.yaml', line: 2, column: 9, rule: 'schema', message: /expected one of `aims`, `icis`/ },
  { name: 'not-ok-duplicate-key', files: { [T]: base('title: 又一个\n') }, path: T, line: 8, column: 1, rule: 'yaml-syntax', message: /Unexpected duplicate key `title`/ },
  { name: 'not-ok-tab-indent', files: { [T]: base('engineers:\n\t- P-eng-a\n') }, path: T, line: 9, column: 1, rule: 'yaml-syntax', message: /tab/ },
  { name: 'not-ok-alias-bomb', files: { [T]: base('tags: &a [x, x, x, x, x, x, x, x, x, x]\ndescription: &b [*a, *a, *a, *a, *a, *a, *a, *a, *a, *a]\nmodule: [*b, *b, *b, *b, *b, *b, *b, *b, *b, *b]\n') }, path: T, line: 9, column: 18, rule: 'yaml-alias-limit', message: /alias expansion beyond/ },
  { name: 'not-ok-invalid-utf8', files: { [T]: Buffer.concat([Buffer.from(base('description: ')), Buffer.from([0xc3, 0x28]), Buffer.from('\n')]) }, path: T, line: 8, column: 14, rule: 'yaml-encoding', message: /invalid UTF-8/ },
  { name: 'not-ok-empty-file', files: { [T]: '' }, path: T, line: 1, column: 1, rule: 'yaml-empty', message: /Unexpected empty file/ },
  { name: 'not-ok-comments-only', files: { [T]: '# nothing here\n' }, path: T, line: 1, column: 1, rule: 'yaml-empty', message: /Unexpected empty file/ },
  { name: 'not-ok-list-document', files: { [T]: '- id: T-20260401-01\n' }, path: T, line: 1, column: 1, rule: 'yaml-not-mapping', message: /Unexpected list, expected a mapping/ },
  { name: 'not-ok-scalar-document', files: { [T]: 'just text\n' }, path: T, line: 1, column: 1, rule: 'yaml-not-mapping', message: /Unexpected scalar/ },
  { name: 'not-ok-two-documents', files: { [T]: `${base('')}---\nid: x\n` }, path: T, line: 8, column: 1, rule: 'yaml-multi-document', message: /second YAML document/ },
  { name: 'not-ok-syntax', files: { [T]: base('tags: [a, b\n') }, path: T, line: 9, column: 1, rule: 'yaml-syntax', message: /Unexpected YAML syntax/ },
  { name: 'not-ok-wrong-type', files: { [T]: base('engineers: P-eng-a\n') }, path: T, line: 8, column: 12, rule: 'schema', message: /Unexpected string `P-eng-a` for `engineers` \(处理工程师\), expected a list/ },
  { name: 'not-ok-unknown-short-key', files: { [T]: base('k0: v\n') }, path: T, line: 8, column: 1, rule: 'schema', message: /Unexpected unknown property `k0`, expected one of `id`/ },
  { name: 'not-ok-nested-unknown', files: { [T]: base('onsite:\n  requested_at: 2026-04-01T12:00:00+08:00\n  arrivd_at: 2026-04-01T13:00:00+08:00\n') }, path: T, line: 10, column: 3, rule: 'schema', message: /Unexpected unknown property `arrivd_at` in `onsite` \(现场服务\); did you mean `arrived_at`/ },
  { name: 'not-ok-yml-extension', files: { 'tickets/2026/T-20260401-01.yml': base('') }, path: 'records/tickets/2026/T-20260401-01.yml', line: 1, column: 1, rule: 'record-file-name', message: /rename it to `.yaml`/ },
  { name: 'not-ok-unknown-folder', files: { 'incidents/I-1.yaml': 'id: I-1\n' }, path: 'records/incidents/I-1.yaml', line: 1, column: 1, rule: 'record-folder', message: /Unexpected record location `incidents\/I-1.yaml`/ },
  { name: 'not-ok-plain-handover', files: { 'handover/aims.yaml': 'system: aims\n' }, path: 'records/handover/aims.yaml', line: 1, column: 1, rule: 'handover-encrypted', message: /expected an encrypted/ },
  { name: 'not-ok-outcome-without-resolved', files: { [T]: base('outcome: resolved\n') }, path: T, line: 8, column: 1, rule: 'time-order', message: /Unexpected outcome on a ticket without resolved_at/ },
  { name: 'not-ok-policy-change-without-regulation', files: { 'changes/CHG-1.yaml': 'id: CHG-1\nsystem: aims\ntitle: 表单\nkind: form\nsource: policy\nrequested_at: 2026-01-05\nstatus: agreed\n' }, path: 'records/changes/CHG-1.yaml', line: 1, column: 1, rule: 'schema', message: /missing property `regulation` .* when `source: policy`/ },
  // malformed values, refused at their line (issue #13)
  { name: 'not-ok-nul-in-text', files: { [T]: base('description: a\u0000b\n') }, path: T, line: 8, column: 15, rule: 'yaml-control-char', message: /Unexpected control character U\+0000 \(NUL\)/ },
  { name: 'not-ok-bell-in-comment', files: { [T]: `# a\u0007\n${base('')}` }, path: T, line: 1, column: 4, rule: 'yaml-control-char', message: /U\+0007 \(BEL\)/ },
  { name: 'not-ok-escaped-control-char', files: { [T]: base('description: "a\\u001bb"\n') }, path: T, line: 8, column: 14, rule: 'yaml-control-char', message: /U\+001B \(ESC\) in a value \(written as an escape\)/ },
  { name: 'not-ok-lone-carriage-return', files: { [T]: base('description: a\rtitle: b\n') }, path: T, line: 8, column: 15, rule: 'yaml-control-char', message: /carriage return without a line feed/ },
  { name: 'ok-crlf-line-endings', files: { [T]: base('description: x\n').replace(/\n/g, '\r\n'), 'tickets/2026/T-20260401-02.yaml': base('description: y\n').replace('T-20260401-01', 'T-20260401-02').replace('title: 测试\n', 'title: 测试\r\n') }, path: T, line: 0, column: 0, rule: 'none', message: /none/ },
  { name: 'not-ok-custom-tag', files: { [T]: base('description: !custom x\n') }, path: T, line: 8, column: 14, rule: 'yaml-tag', message: /Unexpected YAML tag `!custom`/ },
  { name: 'not-ok-float-tag-on-text', files: { [T]: base('').replace('title: 测试', 'title: !!float abc') }, path: T, line: 3, column: 8, rule: 'yaml-tag', message: /Unexpected YAML tag `!!float` on a value it does not fit/ },
  { name: 'not-ok-float-tag-on-a-text-field', files: { [T]: base('').replace('title: 测试', 'title: !!float 3.5') }, path: T, line: 3, column: 16, rule: 'schema', message: /Unexpected number `3.5` for `title` \(标题\), expected a string/ },
  { name: 'not-ok-binary-tag', files: { [T]: base('description: !!binary aGk=\n') }, path: T, line: 8, column: 14, rule: 'yaml-tag', message: /Unexpected YAML tag `!!binary`/ },
  { name: 'not-ok-undefined-alias', files: { [T]: base('description: *nope\n') }, path: T, line: 8, column: 14, rule: 'yaml-alias', message: /Unexpected undefined alias `\*nope`, expected an anchor `&nope` defined before it/ },
  { name: 'not-ok-alias-inside-its-anchor', files: { [T]: base('tags: &a [x, *a]\n') }, path: T, line: 8, column: 14, rule: 'yaml-alias', message: /alias `\*a` inside its own anchor/ },
  { name: 'not-ok-year-0000', files: { [T]: base('').replace('reported_at: 2026', 'reported_at: 0000') }, path: T, line: 7, column: 14, rule: 'schema', message: /Unexpected year `0000` in `0000-04-01T09:00:00\+08:00`, expected a year from 1970 to 2999 for `reported_at`/ },
  { name: 'not-ok-year-0000-date', files: { 'inspections/2026/INS-Z.yaml': 'id: INS-Z\ntype: onsite\nsystems: [aims]\nstarted_at: 2026-04-01\nfinished_at: 0000-04-02\n' }, path: 'records/inspections/2026/INS-Z.yaml', line: 5, column: 14, rule: 'schema', message: /Unexpected year `0000`/ },
  { name: 'not-ok-february-30-date', files: { 'inspections/2026/INS-Z.yaml': 'id: INS-Z\ntype: onsite\nsystems: [aims]\nstarted_at: 2026-02-30\nfinished_at: 2026-03-02\n' }, path: 'records/inspections/2026/INS-Z.yaml', line: 4, column: 13, rule: 'schema', message: /Unexpected impossible date/ },
  { name: 'not-ok-notified-before-reported', files: { [T]: base('notified:\n  - to: product_team\n    at: 2026-04-01T08:00:00+08:00\n') }, path: T, line: 10, column: 9, rule: 'time-order', message: /notified.0.at `2026-04-01T08:00:00\+08:00` before reported_at/ },
  { name: 'not-ok-arrived-before-reported', files: { [T]: base('onsite:\n  requested_at: 2026-04-01T08:00:00+08:00\n  arrived_at: 2026-04-01T08:30:00+08:00\n') }, path: T, line: 9, column: 17, rule: 'time-order', message: /requested_at .* before reported_at/ },
  { name: 'not-ok-missing-nested-at-parent', files: { [T]: base('onsite:\n  arrived_at: 2026-04-01T10:00:00+08:00\n') }, path: T, line: 8, column: 1, rule: 'schema', message: /missing property `onsite.requested_at`/ },
  { name: 'not-ok-missing-in-list-item-at-item', files: { [T]: base('notified:\n  - to: product_team\n') }, path: T, line: 9, column: 5, rule: 'schema', message: /missing property `notified\[0\].at`/ },
  { name: 'not-ok-missing-after-header-comments', files: { [T]: `# 工单\n# 备注\n${base('').replace(/reported_at.*\n/, '')}` }, path: T, line: 3, column: 1, rule: 'schema', message: /missing property `reported_at`/ },
  { name: 'not-ok-complex-key', files: { [T]: base('? [a]\n: b\n') }, path: T, line: 8, column: 3, rule: 'yaml-syntax', message: /Unexpected list or mapping as a key/ },
  { name: 'not-ok-yaml-1.1', files: { [T]: `%YAML 1.1\n---\n${base('')}` }, path: T, line: 1, column: 1, rule: 'yaml-syntax', message: /`%YAML 1.1` directive, expected YAML 1.2/ },
  { name: 'not-ok-deep-nesting', files: { [T]: base(`tags: ${'['.repeat(5000)}${']'.repeat(5000)}\n`) }, path: T, line: 8, column: 135, rule: 'yaml-depth', message: /Unexpected nesting deeper than 128 levels/ },
  { name: 'not-ok-deep-nesting-within-bound', files: { [T]: base(`tags: ${'['.repeat(60)}${']'.repeat(60)}\n`) }, path: T, line: 8, column: 39, rule: 'yaml-depth', message: /Unexpected nesting deeper than 32 levels/ },
  { name: 'not-ok-huge-file', files: { [T]: base(`description: ${'x'.repeat(1_100_000)}\n`) }, path: T, line: 1, column: 1, rule: 'yaml-size', message: /Unexpected file of 1.0 MiB, expected a record of at most 1 MiB/ },
  { name: 'not-ok-many-unknown-keys-capped', files: { [T]: base(Array.from({ length: 5000 }, (_, i) => `k${i}: v\n`).join('')) }, path: T, line: 28, column: 1, rule: 'more-problems', message: /Unexpected 4980 more problem\(s\) in this file \(4980 error\(s\)\), not shown/ },
];

describe('loadKnowledgeBase', () => {
  it('accepts the ok knowledge base without any diagnostic', async () => {
    const kb = await loadKnowledgeBase(OK_KB);
    expect(kb.diagnostics).toEqual([]);
    expect(kb.fileCount).toBe(7);
    expect(kb.tickets.map((t) => t.id)).toEqual(['T-20260314-01', 'T-20260320-01']);
    expect(kb.contract?.id).toBe('HT-TEST-1');
  });

  it.each(cases)('$name', async (c) => {
    const root = kbWith(c.files);
    const kb = await loadKnowledgeBase(root);
    if (c.rule === 'none') {
      expect(kb.diagnostics).toEqual([]);
      return;
    }
    const wantPath = c.path.startsWith('records/') ? c.path : `records/${c.path}`;
    const match = kb.diagnostics.find((d) => d.path === wantPath && c.message.test(d.message));
    expect(match, JSON.stringify(kb.diagnostics, null, 1)).toBeDefined();
    expect({ line: match!.line, column: match!.column, rule: match!.rule, severity: match!.severity }).toEqual({ line: c.line, column: c.column, rule: c.rule, severity: c.severity ?? 'error' });
    // no good file is reported
    const others = kb.diagnostics.filter((d) => d.severity === 'error' && d.path !== wantPath && !(c.name === 'not-ok-duplicate-id'));
    expect(others).toEqual([]);
  });

  it('orders times written with different offsets by their instant', async () => {
    const kb = await loadKnowledgeBase(kbWith({ [T]: base('responded_at: 2026-04-01T01:01:00Z\nresolved_at: 2026-04-01T11:30:00+10:00\noutcome: resolved\n') }));
    expect(kb.diagnostics).toEqual([]);
  });

  it('accepts a knowledge base laid out by another tool in the SPEC format (folder aliases, free ids, policy defaults)', async () => {
    const root = kbWith({
      'persons/zhang.wei.yaml': 'id: zhang.wei\nname: 示例工程师\nrole: 驻场工程师\n',
      'interface/his-adt.yaml': 'id: his-adt\nsystem: aims\npeer: his\nprotocol: HL7 v2.5\ndirection: inbound\nstatus: active\n',
      [T]: base('engineers: [zhang.wei]\n').replace('category: consultation', 'category: interface') + 'interface: his-adt\n',
    });
    fs.writeFileSync(path.join(root, 'records/contract.yaml'), fs.readFileSync(path.join(root, 'records/contract.yaml'), 'utf8').replace(/^  onsite_clock: .*\n/m, '').replace(/^  database_inspections_per_period: .*\n/m, ''));
    const kb = await loadKnowledgeBase(root);
    expect(kb.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
    expect(kb.diagnostics.filter((d) => d.rule === 'quote-value').map((d) => d.message)).toEqual([
      expect.stringMatching(/missing `sla.onsite_clock`, read as the contract's `onsite_requested`/),
      expect.stringMatching(/missing `sla.database_inspections_per_period`, read as the contract's `2`/),
    ]);
    expect(kb.contract?.sla.onsite_clock).toBe('onsite_requested');
    expect(kb.people.map((p) => p.id)).toContain('zhang.wei');
  });

  it('reports a missing records/ folder as a usage error', async () => {
    await expect(loadKnowledgeBase(os.tmpdir() + '/definitely-not-a-kb')).rejects.toThrow(/no records\/ folder here/);
  });
});

describe('a feed of record files read by another thread (the guard)', () => {
  const feedOf = (root: string) => {
    const taken: string[] = [];
    let closed = 0;
    return {
      taken, closed: () => closed,
      feed: { take: (rel: string) => { taken.push(rel); return fs.readFileSync(path.join(root, rel)); }, close: () => { closed++; } },
    };
  };

  it('takes each file from the feed instead of reading it, and closes the feed when done', async () => {
    const f = feedOf(OK_KB);
    const kb = await loadKnowledgeBase(OK_KB, { feed: f.feed });
    expect(f.taken.length).toBe(kb.fileCount);
    expect(f.closed()).toBeGreaterThanOrEqual(1);
    expect(kb.records.length).toBe((await loadKnowledgeBase(OK_KB)).records.length);
  });

  it('closes the feed at once when its own worker threads read the files (nothing left to pile up)', async () => {
    const old = process.env.OPSBOOK_WORKERS;
    process.env.OPSBOOK_WORKERS = '2';
    try {
      const f = feedOf(OK_KB);
      const kb = await loadKnowledgeBase(OK_KB, { feed: f.feed });
      expect(f.taken).toEqual([]);
      expect(f.closed()).toBeGreaterThanOrEqual(1);
      expect(kb.records.length).toBeGreaterThan(0);
    } finally {
      if (old === undefined) delete process.env.OPSBOOK_WORKERS;
      else process.env.OPSBOOK_WORKERS = old;
    }
  });
});
