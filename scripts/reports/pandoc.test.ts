import { describe, expect, it } from 'vitest';
import { pandocInstanceInfo, runPandoc } from './pandoc.js';

describe('pandoc-wasm instance', () => {
  it('starts GHC without the package\'s 64 MB allocation area and still converts', async () => {
    const res = await runPandoc({ from: 'markdown', to: 'docx', 'output-file': 'out.docx' }, '# 年度运维总结报告\n\n正文 *强调*，表格：\n\n| 项目 | 数量 |\n|---|---:|\n| 工单 | 12 |\n');
    expect(res.output?.subarray(0, 2).toString()).toBe('PK');
    const info = await pandocInstanceInfo();
    // 'package' would mean pandoc-wasm changed its layout (src/core.js): its own entry keeps +RTS -H64m
    expect(info.madeBy).toBe('rts-default');
    // with -H64m the instance holds over 100 MB after its first conversion
    expect(info.memoryBytes).toBeLessThan(64 * 1024 * 1024);
  }, 60_000);
});
