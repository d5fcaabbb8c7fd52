import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { loadKbConfig } from './kb-config.js';

const made: string[] = [];
afterAll(() => {
  for (const d of made) fs.rmSync(d, { recursive: true, force: true });
});

function kb(text?: string): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'opsbook-config-'));
  made.push(dir);
  if (text !== undefined) fs.writeFileSync(path.join(dir, 'opsbook.yaml'), text);
  return dir;
}

describe('loadKbConfig', () => {
  it('gives empty settings when the KB has no opsbook.yaml', () => {
    expect(loadKbConfig(kb())).toEqual({ config: {}, present: false, diagnostics: [] });
  });

  it('reads valid settings', () => {
    const r = loadKbConfig(kb('site:\n  base_url: /opsbook/\naudit:\n  baseline: 3f47582\n'));
    expect(r.diagnostics).toEqual([]);
    expect(r.config.site?.base_url).toBe('/opsbook/');
    expect(r.config.audit?.baseline).toBe('3f47582');
  });

  it('locates an unknown key and a malformed value at their lines', () => {
    const r = loadKbConfig(kb('site:\n  base_url: opsbook\n  colour: red\n'));
    expect(r.config).toEqual({});
    const at = r.diagnostics.map((d) => `${d.path}:${d.line}`).sort();
    expect(at).toEqual(['opsbook.yaml:2', 'opsbook.yaml:3']);
  });

  it('reports broken YAML as a diagnostic, not a crash', () => {
    const r = loadKbConfig(kb('site: [\n'));
    expect(r.diagnostics.length).toBeGreaterThan(0);
    expect(r.diagnostics[0]!.path).toBe('opsbook.yaml');
  });

  it('accepts the repository’s own opsbook.yaml', () => {
    expect(loadKbConfig(path.resolve(import.meta.dirname, '..', '..')).diagnostics).toEqual([]);
  });
});
