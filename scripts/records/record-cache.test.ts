import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { loadKnowledgeBase } from './load-knowledge-base.js';
import { recordCachePath } from './record-cache.js';

const OK_KB = path.join(import.meta.dirname, 'fixtures', 'ok-kb');
const roots: string[] = [];
function copy(): string {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'opsbook-cache-'));
  roots.push(root);
  fs.cpSync(OK_KB, root, { recursive: true });
  return root;
}
afterAll(() => roots.forEach((r) => fs.rmSync(r, { recursive: true, force: true })));
const view = (kb: Awaited<ReturnType<typeof loadKnowledgeBase>>) => ({ records: kb.records.map((r) => [r.path, r.data]), diagnostics: kb.diagnostics });

describe('record cache', () => {
  it('gives the same knowledge base as reading every file, and is used on the next load', async () => {
    const root = copy();
    const plain = view(await loadKnowledgeBase(root));
    const first = view(await loadKnowledgeBase(root, { cache: true }));
    const file = recordCachePath(root);
    const cached = JSON.parse(fs.readFileSync(file, 'utf8')) as { format: string; entries: Record<string, Record<string, unknown>> };
    // every record but the contract is cached
    expect(Object.keys(cached.entries)).toHaveLength(6);
    const second = view(await loadKnowledgeBase(root, { cache: true }));
    expect(first).toEqual(plain);
    expect(second).toEqual(plain);
    // the entries are what the loader returns: an edited entry shows, so the cache was read
    const key = Object.keys(cached.entries).find((k) => k.startsWith('person:'))!;
    cached.entries[key] = { ...cached.entries[key], name: '缓存中的名字' };
    fs.writeFileSync(file, JSON.stringify(cached));
    expect((await loadKnowledgeBase(root, { cache: true })).people[0]?.name).toBe('缓存中的名字');
    // a cache made by another tool version or other schemas is ignored
    fs.writeFileSync(file, JSON.stringify({ ...cached, format: 'opsbook 0.0.0 parser 0 schemas x' }));
    expect(view(await loadKnowledgeBase(root, { cache: true }))).toEqual(plain);
  });

  it('checks a changed file again (content, not names or times, is the key)', async () => {
    const root = copy();
    await loadKnowledgeBase(root, { cache: true });
    const rel = 'records/tickets/2026/T-20260320-01.yaml';
    fs.appendFileSync(path.join(root, rel), 'engineerz: []\n');
    const kb = await loadKnowledgeBase(root, { cache: true });
    expect(kb.diagnostics.map((d) => `${d.path}:${d.rule}`)).toEqual([`${rel}:schema`]);
  });

  it('is best effort: an unreadable or unwritable cache is no cache', async () => {
    const root = copy();
    fs.mkdirSync(path.dirname(recordCachePath(root)), { recursive: true });
    fs.writeFileSync(recordCachePath(root), '{not json');
    expect(view(await loadKnowledgeBase(root, { cache: true }))).toEqual(view(await loadKnowledgeBase(root)));
    fs.rmSync(path.join(root, 'build'), { recursive: true });
    fs.writeFileSync(path.join(root, 'build'), 'a file where the folder would go');
    expect(view(await loadKnowledgeBase(root, { cache: true }))).toEqual(view(await loadKnowledgeBase(root)));
  });
});
