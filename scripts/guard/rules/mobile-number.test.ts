import { describe, expect, it } from 'vitest';
import { scanText } from '../scan-text.js';

const scan = (text: string) => scanText('records/x.yaml', text, { secretlint: false });
// Synthetic numbers assembled at run time (13800000000-style test range).
const mobile = ['139', '0000', '1234'].join('');

describe('mobile-number', () => {
  it('finds a plain mobile number with position and mask', async () => {
    const f = await scan(`title: 回访\ncontact: ${mobile}\n`);
    expect(f).toEqual([
      expect.objectContaining({ rule: 'mobile-number', line: 2, column: 10, excerpt: '139****1234' }),
    ]);
  });

  it.each([
    [`+86 139 0000 1234`, 1],
    [`+86-13900001234`, 1],
    [`8613900001234`, 1],
    [`139-0000-1234`, 1],
    [`电话：139 0000 1234。`, 4],
    [`（${mobile}）`, 2],
  ])('finds %s at column %i', async (text, column) => {
    const f = await scan(text);
    expect(f).toHaveLength(1);
    expect(f[0]).toMatchObject({ rule: 'mobile-number', line: 1, column, excerpt: '139****1234' });
  });

  it.each([
    ['landline 010-12345678', '座机：010-12345678'],
    ['provincial landline', '0571-88001234'],
    ['longer digit run', `订单 ${mobile}5`],
    ['digits before', `9${mobile}`],
    ['inside hex', `commit a${mobile}f`],
    ['decimal', `3.${mobile}`],
    ['not a mobile prefix', '12900001234'],
    ['service number', '400-800-1234'],
  ])('ignores %s', async (_name, text) => {
    expect(await scan(text)).toEqual([]);
  });
});
