import { compileGoRegExp, type SafeRegExp } from '../secrets/go-regexp.js';

/**
 * Minimal glob → RegExp for allow-list paths (matched against the whole
 * KB-relative path): `**` any number of segments, `*` and `?` within a
 * segment, `{a,b}` alternatives, `[...]` character classes.
 */
export function globToRegExp(glob: string): SafeRegExp {
  let re = '';
  let braces = 0;
  for (let i = 0; i < glob.length; i++) {
    const c = glob[i]!;
    if (c === '*') {
      if (glob[i + 1] === '*') {
        const slashAfter = glob[i + 2] === '/';
        re += slashAfter ? '(?:.*/)?' : '.*';
        i += slashAfter ? 2 : 1;
      } else re += '[^/]*';
    } else if (c === '?') re += '[^/]';
    else if (c === '{') {
      braces++;
      re += '(?:';
    } else if (c === '}' && braces > 0) {
      braces--;
      re += ')';
    } else if (c === ',' && braces > 0) re += '|';
    else if (c === '[') {
      const close = glob.indexOf(']', i + 1);
      if (close === -1) re += '\\[';
      else {
        re += `[${glob.slice(i + 1, close).replace(/^!/, '^').replace(/\\/g, '\\\\')}]`;
        i = close;
      }
    } else re += c.replace(/[.+^$()|\\{}*?[\]]/g, '\\$&');
  }
  // The allow-list is a file: its patterns run on RE2 (linear time); a class RE2 refuses throws RegexRefused.
  return compileGoRegExp(`^${re}$`);
}
