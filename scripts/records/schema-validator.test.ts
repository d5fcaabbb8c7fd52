import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import { listRecordFiles, kindOfRecordPath } from './index.js';
import { KINDS } from './registry.js';
import { getAjv, loadPrecompiled, PRECOMPILED_FILE, writePrecompiled } from './schema-validator.js';

const ROOT = path.resolve(import.meta.dirname, '..', '..');

describe('precompiled validators (ajv standalone code)', () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'opsbook-validators-'));
  writePrecompiled(dir);
  const pre = loadPrecompiled(dir)!;

  it('give the same verdict and errors as ajv compiling the schemas, on valid and broken records', () => {
    expect(pre).toBeDefined();
    const files = listRecordFiles(ROOT).filter((f) => f.endsWith('.yaml') && !f.includes('/handover/')).slice(0, 60);
    expect(files.length).toBeGreaterThan(20);
    let broken = 0;
    for (const f of files) {
      const kind = kindOfRecordPath(f.slice('records/'.length));
      if (!kind) continue;
      const schema = KINDS[kind].schema;
      const data = parse(fs.readFileSync(path.join(ROOT, f), 'utf8')) as Record<string, unknown>;
      // each record as it is, and with a wrong type, an unknown key and a required key removed
      const first = Object.keys(data)[0]!;
      const mutated = { ...data, [first]: [1, 2], zzz_unknown: true };
      for (const d of [data, mutated]) {
        const a = getAjv().getSchema(schema)!;
        const b = pre[schema]!;
        const okA = a(d);
        const okB = b(d);
        expect(okB, f).toBe(okA);
        expect(structuredClone(b.errors ?? []), f).toEqual(structuredClone(a.errors ?? []));
        if (!okA) broken++;
      }
    }
    expect(broken).toBeGreaterThanOrEqual(files.length);
  });

  it('a file made from other schemas (another key) is not loaded', () => {
    expect(loadPrecompiled(dir, 'another key')).toBeUndefined();
    expect(loadPrecompiled(path.join(dir, 'missing'))).toBeUndefined();
    expect(fs.readFileSync(path.join(dir, PRECOMPILED_FILE), 'utf8').slice(0, 512)).toMatch(/exports\.KEY = "[0-9a-f]{64}";/);
  });
});
