/**
 * Masking helpers: excerpts show enough to find the value, never the value.
 */

/** Keeps `head` leading and `tail` trailing characters, stars in between (at least 2 stars). */
export function maskMiddle(value: string, head: number, tail: number, stars?: number): string {
  const chars = Array.from(value);
  if (chars.length <= head + tail) {
    // Too short to show both ends: keep only the first character.
    return (chars[0] ?? '') + '*'.repeat(Math.max(2, chars.length - 1));
  }
  const n = stars ?? chars.length - head - tail;
  return chars.slice(0, head).join('') + '*'.repeat(Math.max(2, n)) + (tail > 0 ? chars.slice(-tail).join('') : '');
}

/** Masks a secret: first two characters and six stars, whatever its length (`pa******`). */
export function maskSecret(value: string): string {
  const chars = Array.from(value);
  if (chars.length <= 4) return '******';
  return chars.slice(0, 2).join('') + '******';
}

/** Masks a personal name: surname kept, the rest starred (`王**`). */
export function maskName(name: string, surnameLength = 1): string {
  const chars = Array.from(name);
  return chars.slice(0, surnameLength).join('') + '*'.repeat(Math.max(1, chars.length - surnameLength));
}

/** Shortens an excerpt to at most `max` characters (adds an ellipsis). */
export function clip(text: string, max = 60): string {
  const chars = Array.from(text.replace(/\s+/g, ' '));
  return chars.length <= max ? chars.join('') : `${chars.slice(0, max - 1).join('')}…`;
}
