import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { jsonPieces, writeJsonAtomic } from './atomic-file.js';

const join = (v: unknown, wholeBelow?: number) => [...jsonPieces(v, '', 0, wholeBelow)].join('');

describe('jsonPieces', () => {
  it('is JSON.stringify(value, null, 2) for any JSON value', () => {
    fc.assert(fc.property(fc.jsonValue({ maxDepth: 6 }), (v) => join(v) === JSON.stringify(v, null, 2)), { numRuns: 500 });
  });

  it('is the same text whether containers are split into pieces or written whole', () => {
    // 0: every container split (the path large results take); 3: a mix of whole and split containers
    fc.assert(fc.property(fc.jsonValue({ maxDepth: 10 }), (v) => join(v, 0) === JSON.stringify(v, null, 2) && join(v, 3) === JSON.stringify(v, null, 2)), { numRuns: 500 });
  });

  it('splits a large result into many pieces and keeps a small one whole', () => {
    const big = { tickets: Array.from({ length: 5000 }, (_, i) => ({ id: `T-${i}`, minutes: i })) };
    expect([...jsonPieces(big)].length).toBeGreaterThan(5000);
    expect([...jsonPieces({ a: [1, 2, { b: 3 }] })]).toHaveLength(1);
  });

  it('is JSON.stringify for what JSON leaves out or converts (undefined, functions, toJSON, NaN)', () => {
    const when = new Date(Date.UTC(2026, 10, 30, 12));
    const v = {
      a: undefined, b: () => 1, c: [undefined, () => 2, NaN, when, { toJSON: () => undefined }],
      d: { e: { f: { g: [1, { h: undefined }] } }, none: undefined }, when, gone: { toJSON: () => undefined },
      empty: {}, list: [], text: '换行\n"引号"', nested: [[[[{ deep: [1, 2] }]]]],
    };
    expect(join(v)).toBe(JSON.stringify(v, null, 2));
    expect(join(v, 0)).toBe(JSON.stringify(v, null, 2));
    expect(join([])).toBe('[]');
    expect(join({ x: undefined })).toBe('{}');
  });
});

describe('writeJsonAtomic', () => {
  it('writes the pretty JSON and a final newline, leaving no temp file', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'opsbook-json-'));
    try {
      const value = { tickets: Array.from({ length: 30_000 }, (_, i) => ({ id: `T-${i}`, minutes: i / 7, note: '响应'.repeat(i % 5) })) };
      const file = path.join(dir, 'out', 'sla.json');
      await writeJsonAtomic(file, value);
      expect(fs.readFileSync(file, 'utf8')).toBe(`${JSON.stringify(value, null, 2)}\n`);
      expect(fs.readdirSync(path.dirname(file))).toEqual(['sla.json']);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});
