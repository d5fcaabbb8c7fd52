import { describe, expect, it } from 'vitest';
import { bytesToValue, formatGoFloat, goYamlTimestamp, resolvePlainScalar, valueToBytes } from './sops-value.js';

const bytesOf = (text: string) => {
  const v = resolvePlainScalar(text);
  return v === null ? null : `${v.type}:${valueToBytes(v).toString('utf8')}`;
};

describe('yaml.v3 typing of plain scalars (SOPS-FORMAT §8)', () => {
  it.each([
    ['hello', 'str:hello'],
    ['42', 'int:42'],
    ['-7', 'int:-7'],
    ['0755', 'int:493'],
    ['0x1F', 'int:31'],
    ['0o17', 'int:15'],
    ['0b101', 'int:5'],
    ['1_000', 'int:1000'],
    ['08', 'float:8'],
    ['2.0', 'float:2'],
    ['1.0e+21', 'float:1000000000000000000000'],
    ['1e3', 'float:1000'],
    ['3.14', 'float:3.14'],
    ['.5', 'float:0.5'],
    ['.inf', 'float:+Inf'],
    ['-.Inf', 'float:-Inf'],
    ['.nan', 'float:NaN'],
    ['true', 'bool:True'],
    ['FALSE', 'bool:False'],
    ['yes', 'str:yes'],
    ['off', 'str:off'],
    ['2024-01-02', 'time:2024-01-02T00:00:00Z'],
    ['2024-1-2', 'time:2024-01-02T00:00:00Z'],
    ['2026-03-14T02:13:00+08:00', 'time:2026-03-14T02:13:00+08:00'],
    ['2026-03-14T02:13:00.500+00:00', 'time:2026-03-14T02:13:00.5Z'],
    ['2026-03-14 02:13:00', 'time:2026-03-14T02:13:00Z'],
    ['2024-02-30', 'str:2024-02-30'],
    ['10.20.31.11', 'str:10.20.31.11'],
    ['+12', 'int:12'],
    ['9223372036854775807', 'int:9223372036854775807'],
    ['99999999999999999999999', 'float:100000000000000000000000'],
  ])('%s → %s', (text, expected) => {
    expect(bytesOf(text)).toBe(expected);
  });

  it('treats null spellings as null', () => {
    for (const t of ['', '~', 'null', 'Null', 'NULL']) expect(resolvePlainScalar(t)).toBeNull();
  });

  it('refuses integers that only fit uint64 (sops cannot walk them)', () => {
    expect(() => resolvePlainScalar('18446744073709551615')).toThrow(/int64/);
  });
});

describe('Go float formatting', () => {
  it.each([
    [2, '2'],
    [1234568000, '1234568000'],
    [25.4, '25.4'],
    [1e21, '1000000000000000000000'],
    [1.5e-7, '0.00000015'],
    [-0, '-0'],
    [0.1 + 0.2, '0.30000000000000004'],
  ])('%s → %s', (f, s) => expect(formatGoFloat(f)).toBe(s));
});

describe('type tags on decrypt', () => {
  it('converts back and re-serialises as sops does', () => {
    expect(valueToBytes(bytesToValue('bool', Buffer.from('true'))).toString()).toBe('True');
    expect(valueToBytes(bytesToValue('int', Buffer.from('-12'))).toString()).toBe('-12');
    expect(valueToBytes(bytesToValue('float', Buffer.from('2'))).toString()).toBe('2');
    expect(valueToBytes(bytesToValue('time', Buffer.from('2024-01-02T00:00:00Z'))).toString()).toBe('2024-01-02T00:00:00Z');
    expect(() => bytesToValue('int', Buffer.from('abc'))).toThrow();
    expect(() => bytesToValue('weird', Buffer.from('x'))).toThrow(/unknown value type/);
  });

  it('does not depend on the process time zone', () => {
    expect(goYamlTimestamp('2026-03-14T23:30:00-07:00')).toBe('2026-03-14T23:30:00-07:00');
  });
});
