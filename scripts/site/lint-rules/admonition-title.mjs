// @ts-check
/**
 * markdownlint custom rule OPS003: an admonition written with the Docusaurus 2
 * title syntax (`:::warning 操作前必读`). Docusaurus 3 no longer reads a title
 * after a space: the page shows the literal `:::warning 操作前必读 … :::` text
 * (and so do its search snippets). Write `:::warning[操作前必读]`. Fixable
 * (`markdownlint-cli2 --fix`). The built site is checked for any literal
 * marker that still gets through (src/plugins/site-checks.ts).
 */
const OPENING = /^(\s*)(:{3,})\s*([A-Za-z]+)[ \t]+(\S.*?)\s*$/;

/** @type {import('markdownlint').Rule} */
export default {
  names: ['OPS003', 'opsbook-admonition-title'],
  description: 'Admonition title in the Docusaurus 2 syntax (:::type title); Docusaurus 3 shows it as text',
  tags: ['opsbook', 'docusaurus'],
  parser: 'none',
  function: (params, onError) => {
    let fence = null;
    params.lines.forEach((line, i) => {
      const f = /^\s*(```+|~~~+)/.exec(line);
      if (f) {
        fence = fence ? (line.trim().startsWith(fence) ? null : fence) : f[1];
        return;
      }
      if (fence) return;
      const m = OPENING.exec(line);
      if (!m || m[4].startsWith('{') || m[4].startsWith('[')) return;
      const [, indent, colons, type, title] = m;
      const fixed = `${indent}${colons}${type}[${title}]`;
      onError({
        lineNumber: i + 1,
        detail: `Unexpected \`${line.trim()}\`, expected \`${fixed.trim()}\` (Docusaurus 3 shows a title after a space as plain text)`,
        context: line.trim(),
        fixInfo: { editColumn: 1, deleteCount: line.length, insertText: fixed },
      });
    });
  },
};
