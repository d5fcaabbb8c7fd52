// @ts-check
/**
 * markdownlint custom rule OPS001: a page with front matter `doc_kind: om-manual`
 * must have level-2+ headings for 停机, 启动, 备份 and 恢复 (contract 三、报告服务, clause HO-1).
 * Plain JS so markdownlint-cli2 loads it without a build step; the same rule in
 * TypeScript (for the compliance engine) is scripts/site/check-manuals.ts.
 */
const REQUIRED = ['停机', '启动', '备份', '恢复'];

/** @type {import('markdownlint').Rule} */
export default {
  names: ['OPS001', 'opsbook-om-manual-sections'],
  description: 'O&M manual must have 停机/启动/备份/恢复 sections',
  tags: ['opsbook', 'headings'],
  parser: 'none',
  function: (params, onError) => {
    const fm = params.frontMatterLines.join('\n');
    if (!/^doc_kind:\s*['"]?om-manual['"]?\s*$/m.test(fm)) return;
    const headings = [];
    let fence = null;
    params.lines.forEach((line, i) => {
      const f = /^\s*(```+|~~~+)/.exec(line);
      if (f) fence = fence ? (line.trim().startsWith(fence) ? null : fence) : f[1];
      else if (!fence && /^#{2,6}\s/.test(line)) headings.push(line.replace(/\{#[^}]*\}\s*$/, ''));
      void i;
    });
    for (const word of REQUIRED) {
      if (!headings.some((h) => h.includes(word))) {
        onError({ lineNumber: 1, detail: `Missing a section heading for 「${word}」 (合同要求标准操作维护手册含停机、启动、备份、恢复步骤)` });
      }
    }
  },
};
