/**
 * The audit reads record versions from Git as a stream of blobs and parses
 * each with the loader's fast path (fallback: `yaml.parse`), keeping only the
 * audited fields. These tests check that the stream gives every object in
 * order (missing ones included, large ones across pipe chunks) and that the
 * values are exactly what `yaml.parse` gives for every audited key.
 */
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { parse as parseYaml } from 'yaml';
import { forEachBlob, readBlobs } from './git-exec.js';
import { AUDITED_KEYS, parseData } from './provenance.js';
import { createTestRepo, ticketYaml, type TestRepo } from './test-repo.js';

let repo: TestRepo | undefined;
afterEach(() => repo?.cleanup());

/** What the audit read before: yaml.parse, then the audited keys. */
function reference(text: string): Record<string, unknown> | undefined {
  let v: unknown;
  try {
    v = parseYaml(text, { maxAliasCount: 50, logLevel: 'error' });
  } catch {
    return undefined;
  }
  if (!v || typeof v !== 'object' || Array.isArray(v)) return undefined;
  return Object.fromEntries(Object.entries(v).filter(([k]) => AUDITED_KEYS.has(k)));
}

const TICKET = ticketYaml('T-20260314-01', '2026-03-14T10:13:00+08:00', 'responded_at: 2026-03-14T10:50:00+08:00\n');

describe('parseData: the audited fields of a record version, as yaml.parse reads them', () => {
  const cases: [string, string][] = [
    ['a plain ticket', TICKET],
    ['severity written as an integer', TICKET.replace(/severity: "?(\w)"?/, 'severity: 1')],
    ['severity changes and notifications (flow and block lists)', `${TICKET}severity_changes:\n  - { at: 2026-03-14T11:00:00+08:00, from: "2", to: 1, reason: 升级 }\nnotified: [{ at: 2026-03-14T10:20:00+08:00, to: P-chief, channel: phone }]\n`],
    ['nested times', `${TICKET}onsite:\n  requested_at: 2026-03-14T11:00:00+08:00\n  arrived_at: "2026-03-14T12:00:00+08:00"\nwritten_reply: { delivered_at: 2026-03-20 }\n`],
    ['a byte order mark', `\ufeff${TICKET}`],
    ['a comment header', `# 合成数据\n# second line\n\n${TICKET}`],
    ['anchors and aliases', `${TICKET}onsite: &o\n  requested_at: 2026-03-14T11:00:00+08:00\nwritten_reply: *o\n`],
    ['tags', `${TICKET}category: !!str 123\noutcome: !custom x\n`],
    ['numbers, nulls and booleans', `${TICKET}category: 0x1F\noutcome: ~\nwritten_reply: { delivered_at: true }\n`],
    ['a block scalar', `${TICKET}outcome: |\n  多行\n  结果\n`],
    ['duplicate keys', `${TICKET}responded_at: 2026-03-14T11:50:00+08:00\n`],
    ['two documents', `${TICKET}---\nid: x\n`],
    ['not a mapping', '- a\n- b\n'],
    ['empty', ''],
    ['broken YAML', 'id: [unclosed\nreported_at: 2026-03-14T10:13:00+08:00\n'],
    ['special numbers and a __proto__ key', `${TICKET}onsite: { __proto__: x, requested_at: .inf }\ncategory: .nan\noutcome: -0\n`],
    ['tabs and CRLF', `${TICKET.replace(/\n/g, '\r\n')}category:\t硬件\r\n`],
  ];
  for (const [name, text] of cases) {
    it(name, () => {
      expect(parseData(Buffer.from(text, 'utf8'))).toStrictEqual(reference(text));
    });
  }

  it('reads every record of the demo knowledge base as yaml.parse does (audited keys only)', () => {
    const root = path.resolve(import.meta.dirname, '..', '..', 'records');
    const files: string[] = [];
    const walk = (d: string): void => {
      for (const e of fs.readdirSync(d, { withFileTypes: true })) {
        const f = path.join(d, e.name);
        if (e.isDirectory()) walk(f);
        else if (f.endsWith('.yaml')) files.push(f);
      }
    };
    walk(root);
    expect(files.length).toBeGreaterThan(100);
    for (const f of files) {
      const text = fs.readFileSync(f, 'utf8');
      expect(parseData(Buffer.from(text, 'utf8')), f).toStrictEqual(reference(text));
    }
  });
});

describe('forEachBlob: one cat-file --batch, streamed', () => {
  it('gives each object once, in order, missing ones as undefined, large ones whole', async () => {
    repo = createTestRepo();
    const big = `${TICKET}description: |\n${'  合成的长描述文字，用来跨越管道的多个数据块。\n'.repeat(20_000)}`;
    const head = repo.commit({ 'a.yaml': TICKET, 'big.yaml': big, 'empty.yaml': '' }, { date: '2026-03-14T18:00:00+08:00' });
    const id = (p: string) => repo!.git(['rev-parse', `${head}:${p}`]).trim();
    const names = [id('a.yaml'), `${head}:big.yaml`, 'f'.repeat(40), id('empty.yaml'), id('a.yaml'), `${head}:nothing.yaml`];
    const seen: [string, string | undefined][] = [];
    await forEachBlob(repo.dir, names, (name, bytes) => seen.push([name, bytes?.toString('utf8')]));
    expect(seen).toEqual([
      [names[0], TICKET], [names[1], big], [names[2], undefined], [names[3], ''], [names[5], undefined],
    ]);
    const map = await readBlobs(repo.dir, names);
    expect([...map.keys()]).toEqual([names[0], names[1], names[3]]);
    expect(map.get(names[1]!)!.length).toBe(Buffer.byteLength(big));
  });
});
