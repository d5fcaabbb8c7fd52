import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadKnowledgeBase } from '../records/index.js';
import { generateSynthKb, writeSynthKb } from './generate-kb.js';

describe('synthetic knowledge bases', () => {
  it('are deterministic for a seed and differ between seeds', async () => {
    const a = await generateSynthKb({ tickets: 300, seed: 42 });
    const b = await generateSynthKb({ tickets: 300, seed: 42 });
    const c = await generateSynthKb({ tickets: 300, seed: 43 });
    expect(a).toEqual(b);
    expect(a).not.toEqual(c);
    expect(a.filter((f) => f.path.startsWith('records/tickets/'))).toHaveLength(300);
  });

  it('validate without a single error and carry every severity, category and channel', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'opsbook-synth-'));
    await writeSynthKb(dir, { tickets: 1500, seed: 'test' });
    const kb = await loadKnowledgeBase(dir);
    expect(kb.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
    expect(new Set(kb.tickets.map((t) => t.severity))).toEqual(new Set(['1', 'A', 'B', 'C']));
    expect(new Set(kb.tickets.map((t) => t.category)).size).toBe(7);
    expect(new Set(kb.tickets.map((t) => t.channel))).toEqual(new Set(['phone', 'web', 'email']));
    expect(kb.inspections.length).toBeGreaterThan(4);
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('refuses a non-empty output directory', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'opsbook-synth-'));
    fs.writeFileSync(path.join(dir, 'x'), '');
    await expect(writeSynthKb(dir, { tickets: 1, seed: 1 })).rejects.toThrow(/not empty/);
  });
});
