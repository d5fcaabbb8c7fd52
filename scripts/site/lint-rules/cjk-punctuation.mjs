// @ts-check
/**
 * markdownlint custom rule OPS002: no half-width comma, semicolon, colon, `!` or `?`
 * between two CJK characters (use ，；：！？). Code spans and fenced code are ignored.
 * Fixable: markdownlint-cli2 --fix replaces the character with its full-width form.
 */
const FULL = { ',': '，', ';': '；', ':': '：', '!': '！', '?': '？' };
const CJK = '[\\u3400-\\u9fff\\uf900-\\ufaff\\u3000-\\u303f\\uff00-\\uffef]';
const RE = new RegExp(`(?<=${CJK})\\s?([,;:!?])\\s?(?=${CJK})`, 'g');

/** @type {import('markdownlint').Rule} */
export default {
  names: ['OPS002', 'opsbook-cjk-punctuation'],
  description: 'Use full-width punctuation between Chinese characters',
  tags: ['opsbook', 'punctuation'],
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
      // blank out inline code so its content is never judged
      const text = line.replace(/`[^`]*`/g, (m) => ' '.repeat(m.length));
      for (const m of text.matchAll(RE)) {
        const ch = m[1];
        const col = (m.index ?? 0) + 1;
        onError({
          lineNumber: i + 1,
          detail: `Half-width 「${ch}」 between Chinese characters, expected 「${FULL[ch]}」`,
          range: [col, m[0].length],
          fixInfo: { editColumn: col, deleteCount: m[0].length, insertText: FULL[ch] },
        });
      }
    });
  },
};
