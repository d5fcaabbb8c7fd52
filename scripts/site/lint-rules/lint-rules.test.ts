import { lint } from 'markdownlint/promise';
import { describe, expect, it } from 'vitest';
import omSections from './om-manual-sections.mjs';
import cjkPunctuation from './cjk-punctuation.mjs';

async function run(text: string) {
  const res = await lint({ strings: { 'page.md': text }, config: { default: false, OPS001: true, OPS002: true }, customRules: [omSections, cjkPunctuation] });
  return (res['page.md'] ?? []).map((e) => `${e.lineNumber} ${e.ruleNames[0]} ${e.errorDetail ?? ''}`);
}

describe('OPS001 om-manual sections', () => {
  it('passes a manual with the four sections', async () => {
    expect(await run('---\ndoc_kind: om-manual\n---\n# 手册\n\n## 停机\n\n## 启动\n\n## 1. 备份 {#backup}\n\n## 恢复\n')).toEqual([]);
  });
  it('names each missing section and ignores headings inside code', async () => {
    const errs = await run('---\ndoc_kind: om-manual\n---\n# 手册\n\n## 停机\n\n```text\n## 启动\n```\n\n## 备份\n');
    expect(errs.map((e) => e.split(' ').slice(1, 2).join(' '))).toEqual(['OPS001', 'OPS001']);
    expect(errs.join('\n')).toContain('「启动」');
    expect(errs.join('\n')).toContain('「恢复」');
  });
  it('ignores pages that are not O&M manuals', async () => {
    expect(await run('# 常见问题\n')).toEqual([]);
  });
});

describe('OPS002 CJK punctuation', () => {
  it('flags a half-width comma between Chinese characters but not in code', async () => {
    const errs = await run('# 标题\n\n停止服务,然后备份。`a,b` 和 `停,止` 不算。English, fine.\n');
    expect(errs).toEqual(['3 OPS002 Half-width 「,」 between Chinese characters, expected 「，」']);
  });
  it('ignores fenced code', async () => {
    expect(await run('# 标题\n\n```sql\n-- 注释,说明\n```\n')).toEqual([]);
  });
});
