import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadKnowledgeBase } from '../records/index.js';
import { countStates, deliveryStatus, lazyProvenance } from '../delivery/index.js';
import { parseInstant } from '../shared/time.js';
import { generateSynthKb, writeSynthKb } from './generate-kb.js';
import { SYNTH_SUSPECT } from './synth-deliveries.js';

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
    // the delivery register: past reports handed over (digests as the reports print them), a few edited since
    const status = await deliveryStatus({ kb, asOf: parseInstant('2026-11-26T12:00:00+08:00'), provenance: lazyProvenance(kb) });
    const counts = countStates(status);
    expect(counts.delivered).toBeGreaterThan(status.length * 0.95);
    expect(status.filter((r) => r.state === 'suspect').map((r) => [r.kind, r.reason])).toEqual(Array(SYNTH_SUSPECT).fill(['maintenance', 'inputs-changed']));
    expect(status.filter((r) => r.state === 'due').map((r) => r.kind)).toContain('annual');
    fs.rmSync(dir, { recursive: true, force: true });
  }, 120_000);

  it('refuses a non-empty output directory', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'opsbook-synth-'));
    fs.writeFileSync(path.join(dir, 'x'), '');
    try {
      await expect(writeSynthKb(dir, { tickets: 1, seed: 1 })).rejects.toThrow(/not empty/);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});
