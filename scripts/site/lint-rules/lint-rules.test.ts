import { lint } from 'markdownlint/promise';
import { describe, expect, it } from 'vitest';
import omSections from './om-manual-sections.mjs';
import cjkPunctuation from './cjk-punctuation.mjs';
import admonitionTitle from './admonition-title.mjs';

async function run(text: string) {
  const res = await lint({ strings: { 'page.md': text }, config: { default: false, OPS001: true, OPS002: true, OPS003: true }, customRules: [omSections, cjkPunctuation, admonitionTitle] });
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

describe('OPS003 admonition title syntax', () => {
  it('flags the Docusaurus 2 title after a space, with the fix', async () => {
    const errs = await run('# 手册\n\n:::warning 操作前必读\n\n停机前通知。\n\n:::\n');
    expect(errs).toEqual(['3 OPS003 Unexpected `:::warning 操作前必读`, expected `:::warning[操作前必读]` (Docusaurus 3 shows a title after a space as plain text)']);
  });
  it('accepts the Docusaurus 3 syntax, a plain opening, a closing marker and code', async () => {
    expect(await run('# 手册\n\n:::warning[操作前必读]\n\n文字\n\n:::\n\n:::tip\n\n文字\n\n:::\n\n:::note{title="x"}\n\n:::\n\n```md\n:::warning 旧写法\n```\n')).toEqual([]);
  });
  it('is fixed by markdownlint --fix', async () => {
    const { applyFixes } = await import('markdownlint');
    const text = '# 手册\n\n  :::danger 数据不可恢复\n\n文字\n\n  :::\n';
    const res = await lint({ strings: { 'page.md': text }, config: { default: false, OPS003: true }, customRules: [admonitionTitle] });
    expect(applyFixes(text, res['page.md'] ?? [])).toBe('# 手册\n\n  :::danger[数据不可恢复]\n\n文字\n\n  :::\n');
  });
});
