import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { checkManuals, normalizeHeading } from './check-manuals.js';

const dirs: string[] = [];
function kb(files: Record<string, string>): string {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'opsbook-manuals-'));
  dirs.push(root);
  for (const [rel, text] of Object.entries(files)) {
    fs.mkdirSync(path.dirname(path.join(root, rel)), { recursive: true });
    fs.writeFileSync(path.join(root, rel), text);
  }
  return root;
}
afterEach(() => {
  for (const d of dirs.splice(0)) fs.rmSync(d, { recursive: true, force: true });
});
const noRecords = { releases: [], dataDictionaries: [], systems: [] };

describe('checkManuals', () => {
  it('returns no results for a KB without docs/', async () => {
    expect(await checkManuals(kb({ 'records/.keep': '' }), noRecords)).toEqual([]);
  });

  it('finds the four HO-1 sections by heading, with numbering and ids stripped', async () => {
    const root = kb({
      'docs/aims/om-manual.md': '---\ntitle: 手册\n---\n\n# 手册\n\n## 1. 停机 {#shutdown}\n\n步骤。\n\n## 二、启动步骤\n\n步骤。\n\n### 备份与恢复\n\n步骤。\n',
      'docs/aims/faq.md': '# 常见问题\n',
      'docs/aims/features/5.10.0.md': '# x\n',
      'docs/aims/features/5.9.0.md': '---\nversion: 5.9.0\n---\n# x\n',
    });
    const [aims] = await checkManuals(root, { ...noRecords, dataDictionaries: [{ system: 'aims', path: 'records/data-dictionary/DD-aims.yaml' }] });
    expect(aims?.omManual?.sections).toMatchObject({ shutdown: true, startup: true, backup: true, restore: true, logs: false });
    expect(aims?.omManual?.headings.shutdown).toEqual({ text: '1. 停机', line: 7 });
    expect(aims?.faq).toBe('docs/aims/faq.md');
    expect(aims?.featureGuides.map((g) => g.version)).toEqual(['5.9.0', '5.10.0']);
    expect(aims?.missing).toEqual(['用户手册']);
  });

  it('reports a missing restore section and a contract system without docs', async () => {
    const root = kb({
      'docs/aims/ops.md': '---\ndoc_kind: om-manual\n---\n# 手册\n\n## 停机\n\n## 启动\n\n## 备份\n',
      'docs/aims/user-manual/index.md': '# 用户手册\n',
      'docs/aims/user-manual/nurse.md': '# 护士\n',
    });
    const res = await checkManuals(root, { ...noRecords, systems: ['aims', 'icis'] });
    const aims = res.find((r) => r.system === 'aims');
    expect(aims?.omManual?.path).toBe('docs/aims/ops.md');
    expect(aims?.omManual?.sections.restore).toBe(false);
    expect(aims?.userManualPages).toEqual(['docs/aims/user-manual/nurse.md']);
    expect(aims?.missing).toEqual(['标准操作维护手册·恢复', '数据字典']);
    const icis = res.find((r) => r.system === 'icis');
    expect(icis?.docsDir).toBeNull();
    expect(icis?.missing).toContain('标准操作维护手册');
  });

  it('does not take a section word in body text (only headings count)', async () => {
    const root = kb({ 'docs/icis/om-manual.md': '# 手册\n\n停机、启动、备份、恢复见下文。\n' });
    const [icis] = await checkManuals(root, noRecords);
    expect(Object.values(icis?.omManual?.sections ?? {}).some(Boolean)).toBe(false);
  });

  it('passes the repository manuals', async () => {
    const root = path.resolve(import.meta.dirname, '..', '..');
    const res = await checkManuals(root, { ...noRecords, systems: ['aims', 'icis'] });
    for (const r of res) {
      expect(r.omManual?.sections).toMatchObject({ shutdown: true, startup: true, backup: true, restore: true });
      expect(r.userManual).not.toBeNull();
      expect(r.faq).not.toBeNull();
      expect(r.featureGuides.length).toBeGreaterThan(0);
    }
  });
});

describe('normalizeHeading', () => {
  it.each([
    ['3.2 备份 {#backup}', '备份'],
    ['一、停机', '停机'],
    ['第二章 启动', '启动'],
  ])('%s → %s', (input, out) => expect(normalizeHeading(input)).toBe(out));
});
