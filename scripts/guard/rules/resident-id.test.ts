import { describe, expect, it } from 'vitest';
import { scanText } from '../scan-text.js';
import { makeResidentId, withWrongCheck } from '../test-support.js';
import { isResidentId } from './resident-id.js';

const scan = (text: string) => scanText('docs/x.md', text, { secretlint: false });

describe('resident-id', () => {
  const id = makeResidentId('110101', '19900307', '123');
  const idX = (() => {
    // find a sequence whose check character is X
    for (let s = 0; s < 1000; s++) {
      const v = makeResidentId('330106', '19850214', String(s).padStart(3, '0'));
      if (v.endsWith('X')) return v;
    }
    throw new Error('no X');
  })();

  it('finds a checksum-valid ID with line, column and a masked excerpt', async () => {
    const f = await scan(`# 工单\n\n身份证号：${id}，已核实\n`);
    expect(f).toHaveLength(1);
    expect(f[0]).toMatchObject({ rule: 'resident-id', line: 3, column: 6, excerpt: `${id.slice(0, 4)}**********${id.slice(-4)}` });
    expect(JSON.stringify(f)).not.toContain(id);
  });

  it('finds IDs ending in X (either case)', async () => {
    expect(isResidentId(idX)).toBe(true);
    expect(await scan(`id: ${idX.toLowerCase()}`)).toHaveLength(1);
  });

  it('ignores an 18-digit serial with a wrong checksum', async () => {
    expect(await scan(`serial: ${withWrongCheck(id)}`)).toEqual([]);
  });

  it('ignores impossible birth dates and unknown province codes even with a valid check digit', async () => {
    expect(await scan(`a: ${makeResidentId('110101', '19900230', '123')}`)).toEqual([]);
    expect(await scan(`a: ${makeResidentId('990101', '19900307', '123')}`)).toEqual([]);
    expect(await scan(`a: ${makeResidentId('110101', '18500307', '123')}`)).toEqual([]);
  });

  it('ignores a valid ID inside a longer run of digits or letters', async () => {
    expect(await scan(`n: 9${id}`)).toEqual([]);
    expect(await scan(`n: ${id}7`)).toEqual([]);
    expect(await scan(`sha: ab${id}cd`)).toEqual([]);
  });

  it('accepts leap days only in leap years', () => {
    expect(isResidentId(makeResidentId('110101', '20000229', '001'))).toBe(true);
    expect(isResidentId(makeResidentId('110101', '19000229', '001'))).toBe(false);
  });
});
