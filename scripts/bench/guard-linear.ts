/**
 * Guard benchmark: is the scan linear in the text? For each adversarial
 * generator (dense phone numbers on one line, labels, long letter runs,
 * grouped digits, tables, comments, command lines…) the same scan runs on
 * n and 2n characters in this process; a ratio near 2 is linear, 4 would be
 * quadratic. Also prints MB/s. Usage: `npx tsx scripts/bench/guard-linear.ts [MB]`.
 * Never asserted in a test (timings depend on the machine's load).
 */
import { scanText } from '../guard/scan-text.js';

const mob = (i: number) => `1${3 + (i % 7)}${i % 10}0000${String(i).padStart(4, '0').slice(-4)}`;
const GENERATORS: Record<string, (n: number) => string> = {
  'phones on one line': (n) => Array.from({ length: Math.floor(n / 12) }, (_, i) => mob(i)).join(' '),
  'patient labels': (n) => '患者：王某某，'.repeat(Math.floor(n / 7)),
  'glued names + beds': (n) => '患者王建国于3床 李某某'.repeat(Math.floor(n / 12)),
  'password=…;server=': (n) => 'password=Abc12345;server=x;'.repeat(Math.floor(n / 27)),
  'one letter run': (n) => `password ${'a'.repeat(n)}`,
  'spaced digits': (n) => '1 '.repeat(Math.floor(n / 2)),
  'password table': (n) => `| 密码 |\n|---|\n${'| x1Abcdef |\n'.repeat(Math.floor(n / 12))}`,
  'comment slashes': (n) => `# ${'a/'.repeat(Math.floor(n / 2))}`,
  'option run': (n) => `sqlcmd ${'-x '.repeat(Math.floor(n / 3))}`,
  'plain Chinese prose': (n) => '运维手册患者安全第一'.repeat(Math.floor(n / 10)),
  'mixed dense': (n) => '患者：王某某，住院号 20260012，电话 13800001234，password=Abc12345;server=x; sqlcmd -U sa -P Sa2026x | 3床 王建国 '.repeat(Math.floor(n / 90)),
};

const mb = Number(process.argv[2] ?? 1);
const n = Math.round(mb * 1_000_000);
console.log(`guard scan, n = ${mb} MB vs 2n (own rules, no secretlint)`);
for (const [name, gen] of Object.entries(GENERATORS)) {
  const a = gen(n);
  const b = gen(2 * n);
  let t = performance.now();
  await scanText('docs/bench.md', a, { secretlint: false });
  const ta = performance.now() - t;
  t = performance.now();
  await scanText('docs/bench.md', b, { secretlint: false });
  const tb = performance.now() - t;
  console.log(`${name.padEnd(22)} ${ta.toFixed(0).padStart(6)} ms  ${tb.toFixed(0).padStart(6)} ms  ratio ${(tb / ta).toFixed(2)}  ${((b.length / 1e6) / (tb / 1000)).toFixed(1)} MB/s`);
}
