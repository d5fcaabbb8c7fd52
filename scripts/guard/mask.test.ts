import { describe, expect, it } from 'vitest';
import { clip, maskMiddle, maskName, maskSecret } from './mask.js';

describe('masking', () => {
  it('keeps the ends of ID and phone numbers', () => {
    expect(maskMiddle('110101199003071234', 4, 4)).toBe('1101**********1234');
    expect(maskMiddle('13900001234', 3, 4)).toBe('139****1234');
  });
  it('never shows a short value whole', () => {
    expect(maskMiddle('1234', 2, 2)).toBe('1***');
    expect(maskSecret('abc')).toBe('******');
  });
  it('hides the length of secrets', () => {
    expect(maskSecret('password123')).toBe('pa******');
    expect(maskSecret('pa')).toBe('******');
  });
  it('keeps only the surname', () => {
    expect(maskName('王某某')).toBe('王**');
    expect(maskName('欧阳某某', 2)).toBe('欧阳**');
  });
  it('clips long excerpts', () => {
    expect(clip('a'.repeat(100), 10)).toBe(`${'a'.repeat(9)}…`);
  });
});

describe('positions', () => {
  it('counts lines and columns the same with CRLF line endings and a BOM', async () => {
    const { scanText } = await import('./scan-text.js');
    const text = '\ufeff# 标题\r\n\r\n密码：Abc12345\r\n';
    const f = await scanText('docs/a.md', text, { secretlint: false });
    expect(f.map((x) => [x.line, x.column, x.excerpt])).toEqual([[3, 4, 'Ab******']]);
  });
});
