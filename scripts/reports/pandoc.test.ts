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

describe('pandoc pool size', () => {
  it('one worker per core, no more than the memory budget has room for beside what the process holds', async () => {
    const os = await import('node:os');
    const { pandocPoolSize, PANDOC_WORKER_MB } = await import('./pandoc-pool.js');
    const cores = Math.min(os.availableParallelism(), 4);
    expect(pandocPoolSize(10, 200, 1024)).toBe(Math.min(cores, Math.floor((1024 - 200) / PANDOC_WORKER_MB)));
    // a 100k-ticket knowledge base reaches its reports at ~520 MiB: room for one worker only
    expect(pandocPoolSize(23, 520, 1024)).toBe(1);
    // never fewer than one, never more than the jobs
    expect(pandocPoolSize(23, 2000, 1024)).toBe(1);
    expect(pandocPoolSize(1, 100, 8192)).toBe(1);
    expect(pandocPoolSize(10, 100, 8192)).toBe(cores);
  });

  it('reads the budget from OPSBOOK_MEMORY_MB', async () => {
    const { memoryBudgetMb } = await import('./pandoc-pool.js');
    const old = process.env.OPSBOOK_MEMORY_MB;
    try {
      process.env.OPSBOOK_MEMORY_MB = '4096';
      expect(memoryBudgetMb()).toBe(4096);
      process.env.OPSBOOK_MEMORY_MB = 'lots';
      expect(memoryBudgetMb()).toBe(1024);
    } finally {
      if (old === undefined) delete process.env.OPSBOOK_MEMORY_MB;
      else process.env.OPSBOOK_MEMORY_MB = old;
    }
  });
});
