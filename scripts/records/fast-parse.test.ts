/**
 * The fast path may only say "here is the data" when the positional path
 * reads the same text as the same data without any problem. Property test
 * over YAML-like text built from the pieces where YAML readers differ
 * (scalar forms, quoting and escapes, flow collections, block scalars,
 * comments, indentation, line endings, indicators). FAST_PARSE_RUNS raises
 * the number of runs (e.g. 200000 before touching fast-parse.ts).
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { fastParse } from './fast-parse.js';
import { locate } from './locate.js';
import { parseYamlFile } from './parse-yaml-file.js';
import { locateMany, plainLocator } from './plain-locator.js';

const RUNS = Number(process.env.FAST_PARSE_RUNS ?? 3000);

const odd = fc.constantFrom(
  'x', 'abc def', '测试', '合成数据：原因说明。', 'a:b', 'a #b', 'a#b', 'it\'s', 'x y: z', '-', '- x', '--', '---', '...', 'a,b', 'a]', 'a}', '[', ']', '{', '}', '@x', '`x', '%x', '|', '>', '|-', '>+', '|2', '?', '? x', ':', ': x',
  '1', '-1', '+1', '01', '0o17', '0O17', '0x1F', '0X1f', '0b101', '1_000', '1.5', '.5', '5.', '1e3', '1E+3', '-1.5e-3', '1.0', '.inf', '-.Inf', '+.INF', '.nan', '.NaN', 'nan', 'inf', '1:30', '12:30:00',
  '~', 'null', 'Null', 'NULL', 'nULL', 'true', 'True', 'TRUE', 'tRUE', 'false', 'yes', 'no', 'on', 'off', 'y', 'n', '=', '<<',
  '2026-03-14', '2026-03-14T02:13:00+08:00', '2026-03-14 02:13:00', '2026-3-4', '0000-00-00', '20260314',
  '"x"', '"a\\tb"', '"\\0"', '"\\x41"', '"\\u00e9"', '"\\U0001F600"', '"\\N"', '"\\_"', '"\\e"', '"\\/"', '"\\q"', '"a\\\n  b"', '"a\n  b"', '"a\n\n  b"', '""', '"#"', '"\'"',
  "'x'", "'it''s'", "'a\n  b'", "''", "'\\n'",
  '[a, b]', '[a,b]', '[ ]', '[]', '[a, [b, c]]', '[a, "b"]', '[a, {b: c}]', '{a: 1}', '{a: 1, b: [2]}', '{}', '{a}', '{a: }', '[a: 1]', '[a,]', '[,a]', '[a', 'a]', '{a: 1', '[a, b] # c', '[a # c]', '[a, b]x',
  '&a x', '*a', '!x y', '!!str 1', '!!int 1', '!!float 1', '!!binary aGk=', '! x',
  'x\t', '\tx', 'x\ty', 'x \u2028 y', 'x\u0085y', 'x\ufeffy', '😀', 'e\u0301', '\u00a0x', 'x\u00a0',
);
const common = fc.constantFrom('x', 'abc def', '测试', '合成数据：原因说明。', 'P-eng-1', 'T-20260314-01', '1', '-1', '0x1F', '1.5', '1e3', '.inf', '~', 'null', 'true', 'false', 'yes', '2026-03-14', '2026-03-14T02:13:00+08:00', '"x"', '"a\\tb"', "'it''s'", '""', '[a, b]', '{a: 1}', 'a # c', 'x y z');
const scalars = fc.oneof({ weight: 4, arbitrary: common }, { weight: 1, arbitrary: odd });
const keys = fc.oneof({ weight: 5, arbitrary: fc.constantFrom('id', 'title', 'a', 'b', 'c', 'd', 'severity', 'engineers', 'reported_at', 'description', '测试', 'a b', '"q"', "'s'") }, { weight: 1, arbitrary: fc.constantFrom('"q"', "'s'", '1', '1.0', 'true', '~', 'null', '', 'a b', 'a:b', '-a', '? a', '[a]', '{a: b}', '测试', 'k'.repeat(1030), '<<', '&k a', '*k', '!t a', 'a\tb', '"a\\"b"', "'it''s'") });
const blockHeads = fc.constantFrom('|', '>', '|-', '>-', '|+', '>+', '|2', '|1-', '| # c', '|x');
const blockLines = fc.array(fc.constantFrom('text', ' more', '', '  deeper', 'x: y', '- z', '# not a comment', '"q"', '[a'), { minLength: 0, maxLength: 4 });

/** A YAML value with the style it is written in. */
type Node =
  | { t: 'scalar'; v: string }
  | { t: 'block'; head: string; lines: string[] }
  | { t: 'map'; entries: [string, Node][]; flow: boolean; multi: boolean }
  | { t: 'seq'; items: Node[]; flow: boolean; multi: boolean };

const { node } = fc.letrec<{ node: Node }>((tie) => ({
  node: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    { weight: 5, arbitrary: scalars.map((v): Node => ({ t: 'scalar', v })) },
    { weight: 1, arbitrary: fc.record({ head: blockHeads, lines: blockLines }).map((b): Node => ({ t: 'block', ...b })) },
    { weight: 2, arbitrary: fc.record({ entries: fc.array(fc.tuple(keys, tie('node')), { minLength: 1, maxLength: 4 }), flow: fc.constantFrom(false, false, true), multi: fc.boolean() }).map((m): Node => ({ t: 'map', ...m })) },
    { weight: 2, arbitrary: fc.record({ items: fc.array(tie('node'), { minLength: 1, maxLength: 4 }), flow: fc.boolean(), multi: fc.boolean() }).map((q): Node => ({ t: 'seq', ...q })) },
  ),
}));

const style = fc.record({ step: fc.constantFrom(1, 2, 2, 2, 4), seqStep: fc.constantFrom(0, 2, 2), flowIndent: fc.constantFrom(0, 1, 2, 4), comments: fc.boolean(), blank: fc.boolean() });

/** Renders a node at `indent` (block context) the way people write records, in a chosen style. */
function render(n: Node, indent: number, s: { step: number; seqStep: number; flowIndent: number; comments: boolean; blank: boolean }): string[] {
  const pad = ' '.repeat(indent);
  const flow = (x: Node): string => x.t === 'scalar' ? x.v : x.t === 'block' ? x.head : x.t === 'map' ? `{${x.entries.map(([k, v]) => `${k}: ${flow(v)}`).join(', ')}}` : `[${x.items.map(flow).join(', ')}]`;
  const inline = (x: Node): string[] | undefined => {
    if (x.t === 'scalar') return [x.v];
    if ((x.t === 'map' || x.t === 'seq') && x.flow) {
      if (!x.multi) return [flow(x)];
      const [open, close, parts] = x.t === 'map' ? ['{', '}', x.entries.map(([k, v]) => `${k}: ${flow(v)}`)] : ['[', ']', x.items.map(flow)];
      return [`${open}${parts[0] ?? ''},`, ...parts.slice(1).map((p) => `${' '.repeat(indent + s.flowIndent)}${p},`), `${' '.repeat(indent + s.flowIndent)}${close}`];
    }
    return undefined;
  };
  const child = (x: Node, head: string, seq: boolean): string[] => {
    const one = inline(x);
    if (one) return [`${head} ${one[0]}${s.comments ? ' # c' : ''}`, ...one.slice(1)];
    if (x.t === 'block') return [`${head} ${x.head}`, ...x.lines.map((l) => (l === '' ? '' : ' '.repeat(indent + s.step) + l))];
    const deeper = x.t === 'seq' && !seq ? indent + s.seqStep : indent + s.step;
    return [head, ...render(x, deeper, s)];
  };
  if (n.t === 'map') return n.entries.flatMap(([k, v], i) => [...(s.blank && i ? [''] : []), ...child(v, `${pad}${k}:`, false)]);
  if (n.t === 'seq') return n.items.flatMap((v) => child(v, `${pad}-`, true));
  return inline(n)?.map((l, i) => (i ? l : pad + l)) ?? [];
}

const mutation = fc.oneof(
  fc.constant((lines: string[]) => lines),
  fc.tuple(fc.nat(), fc.constantFrom(-2, -1, 1, 2)).map(([at, d]) => (lines: string[]) => lines.map((l, i) => (i === at % lines.length ? (d > 0 ? ' '.repeat(d) + l : l.slice(-d)) : l))),
  fc.tuple(fc.nat(), scalars).map(([at, piece]) => (lines: string[]) => lines.map((l, i) => (i === at % lines.length ? l + piece : l))),
  fc.tuple(fc.nat(), fc.nat()).map(([at, c]) => (lines: string[]) => lines.map((l, i) => (i === at % lines.length && l.length ? l.slice(0, c % l.length) + l.slice((c % l.length) + 1) : l))),
  fc.nat().map((at) => (lines: string[]) => [...lines.slice(0, (at % lines.length) + 1), ...lines.slice(at % lines.length)]),
  fc.tuple(fc.nat(), fc.constantFrom('---', '...', '# c', '', '  - x', 'x', '  x', '%YAML 1.2', '\t')).map(([at, l]) => (lines: string[]) => [...lines.slice(0, at % (lines.length + 1)), l, ...lines.slice(at % (lines.length + 1))]),
);

export const __text = fc.tuple(fc.array(fc.tuple(keys, node), { minLength: 1, maxLength: 6 }), style, fc.array(mutation, { maxLength: 2 }), fc.constantFrom('\n', '\n', '\n', '\n', '\n', '\r\n', '\r\n', '\r', 'mixed'), fc.boolean(), fc.boolean())
  .map(([entries, s, mutations, eol, bom, finalEol]) => {
    let lines = render({ t: 'map', entries, flow: false, multi: false }, 0, s);
    for (const m of mutations) lines = m(lines);
    const joined = eol === 'mixed' ? lines.map((l, i) => l + (i % 2 ? '\r\n' : '\n')).join('') : lines.join(eol) + (finalEol ? eol : '');
    return (bom ? '\ufeff' : '') + joined;
  });

/** Deep equality that tells -0 from 0 and accepts NaN = NaN, with own keys in any order. */
function same(a: unknown, b: unknown): boolean {
  if (Object.is(a, b)) return true;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false;
  if (Array.isArray(a) !== Array.isArray(b)) return false;
  const ka = Object.keys(a);
  const kb = Object.keys(b);
  if (ka.length !== kb.length) return false;
  return ka.every((k) => Object.hasOwn(b, k) && same((a as Record<string, unknown>)[k], (b as Record<string, unknown>)[k]));
}

/** Every path of a value (each key and item), plus a missing child of each collection. */
function paths(v: unknown, at: (string | number)[] = [], out: (string | number)[][] = []): (string | number)[][] {
  out.push(at);
  if (Array.isArray(v)) {
    v.forEach((x, i) => paths(x, [...at, i], out));
    out.push([...at, v.length]);
  } else if (v && typeof v === 'object') {
    for (const [k, x] of Object.entries(v)) paths(x, [...at, k], out);
    out.push([...at, 'no-such-key'], [...at, 'no-such-key', 'deeper']);
  } else out.push([...at, 'below-a-scalar']);
  return out;
}

describe('fastParse', () => {
  it('reads plain records like the positional parser', () => {
    const t = 'id: T-20260401-01\nseverity: "1"\nn: 1\nx: 0x1F\ny: .inf\nz: ~\nw:\nengineers: [P-a, P-b]\ndescription: |\n  line one\n  line two\n';
    expect(fastParse(t)).toEqual(parseYamlFile('x.yaml', Buffer.from(t)).data);
  });

  it.each([
    ['a tag', 'a: !custom x\n'], ['an alias', 'a: &x 1\nb: *x\n'], ['a tab', 'a:\tx\n'], ['a NUL', 'a: x\u0000\n'], ['a lone CR', 'a: x\rb: y\n'],
    ['a multi-line flow sequence', 'a: [x,\n  y]\n'], ['a comment glued to a quote', 'a: "x"#c\n'], ['a null key', '~: x\n'], ['a document marker', '---\na: 1\n'], ['an escaped control character', 'a: "x\\u0007"\n'],
  ])('leaves %s to the positional parser', (_, t) => {
    expect(fastParse(t)).toBeUndefined();
  });

  it('accepts only what the positional parser reads the same, without problems (property)', { timeout: 600_000 }, () => {
    let accepted = 0;
    fc.assert(fc.property(__text, (t) => {
      const fast = fastParse(t.charCodeAt(0) === 0xfeff ? t.slice(1) : t);
      if (fast === undefined) return true;
      accepted++;
      const slow = parseYamlFile('x.yaml', Buffer.from(t, 'utf8'));
      return slow.diagnostics.length === 0 && same(fast, slow.data);
    }), { numRuns: RUNS });
    // the property says something only if the fast path accepts a fair share of the texts
    expect(accepted).toBeGreaterThan(RUNS * 0.05);
  });

  it('locates every field of what it accepts where the positional parser does (property)', { timeout: 600_000 }, () => {
    let located = 0;
    let accepted = 0;
    fc.assert(fc.property(__text, (raw) => {
      const t = raw.charCodeAt(0) === 0xfeff ? raw.slice(1) : raw;
      const fast = fastParse(t);
      if (fast === undefined) return true;
      accepted++;
      const at = plainLocator(t);
      if (!at) return true;
      located++;
      const slow = parseYamlFile('x.yaml', Buffer.from(t, 'utf8'));
      const requests: { segments: (string | number)[]; key: boolean }[] = [];
      for (const p of paths(fast)) {
        for (const key of [false, true]) {
          const want = locate(slow.doc!, slow.lineCounter, p, { key });
          const got = at(p, { key });
          if (want.line !== got.line || want.column !== got.column) throw new Error(`${JSON.stringify(p)} key=${key}: ${JSON.stringify(got)} instead of ${JSON.stringify(want)}`);
          requests.push({ segments: p, key });
        }
      }
      // a few paths at a time (the tree keeps only their nodes, the scan ends after the last), strict and not: the same positions
      for (const [n, some] of [requests, requests.filter((_, i) => i % 3 === 1), requests.slice(0, 3), requests.slice(-2)].entries()) {
        for (const strict of [true, false]) {
          const got = locateMany(t, some, strict);
          if (!got) throw new Error(`locateMany (set ${n}, strict ${strict}) is unsure where plainLocator is not`);
          some.forEach((r, i) => {
            const want = at(r.segments, { key: r.key });
            if (want.line !== got[i]!.line || want.column !== got[i]!.column) throw new Error(`set ${n} strict ${strict} ${JSON.stringify(r)}: ${JSON.stringify(got[i])} instead of ${JSON.stringify(want)}`);
          });
        }
      }
      return true;
    }), { numRuns: RUNS });
    // most accepted texts get their positions without the yaml library
    expect(located).toBeGreaterThan(accepted * 0.5);
  });
});
