/**
 * The guard beside the loader: the threaded scan gives exactly the
 * sequential answer (in-process and through the real CLI, text and JSON,
 * exit codes), and falls back to this thread when the thread cannot run.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { REPO_ROOT, runCli } from '../testing/run-cli.js';
import { runInWorker, WorkerUnavailable } from '../shared/run-in-worker.js';
import { guardThreadWanted, startKnowledgeBaseScan } from './scan-in-background.js';
import { scanKnowledgeBaseDetailed } from './scan-knowledge-base.js';
import { makeResidentId } from './test-support.js';

const OK_KB = path.join(REPO_ROOT, 'scripts', 'records', 'fixtures', 'ok-kb');
const mobile = ['139', '0000', '2468'].join('');
let root: string;

beforeAll(() => {
  // the records fixture plus leaks in a record and a manual, and a schema problem beside them
  root = fs.mkdtempSync(path.join(os.tmpdir(), 'opsbook-guard-bg-'));
  fs.cpSync(OK_KB, root, { recursive: true });
  const tickets = path.join(root, 'records/tickets/2026');
  const ticket = fs.readdirSync(tickets).filter((n) => n.endsWith('.yaml')).sort()[0]!;
  fs.appendFileSync(path.join(tickets, ticket), `# 回访：患者：王某某 联系电话 ${mobile}\n`);
  fs.mkdirSync(path.join(root, 'docs/aims'), { recursive: true });
  fs.writeFileSync(path.join(root, 'docs/aims/ops.md'), `# 运维手册\n\n| 项目 | 值 |\n|---|---|\n| 身份证 | ${makeResidentId('320102', '19881111', '456')} |\n\nconn: Server=10.0.0.5;User Id=sa;Password=Sa#2026x;\n`);
  fs.writeFileSync(path.join(tickets, 'T-20260401-01.yaml'), 'id: T-20260401-01\nsystem: aims\ntitle: x\nseverity: "C"\ncategory: fault\nchannel: fax\nreported_at: 2026-04-01T09:00:00\n');
});
afterAll(() => fs.rmSync(root, { recursive: true, force: true }));

describe('guard beside the loader', () => {
  it('uses a thread only with two cores or more and a machine not oversubscribed, unless told', () => {
    expect(guardThreadWanted({}, { cores: 1, load: 0 })).toBe(false);
    expect(guardThreadWanted({}, { cores: 2, load: 0.2 })).toBe(true);
    expect(guardThreadWanted({}, { cores: 2, load: 2.5 })).toBe(true);
    expect(guardThreadWanted({}, { cores: 2, load: 3.2 })).toBe(false);
    expect(guardThreadWanted({ OPSBOOK_GUARD_THREAD: '0' }, { cores: 8, load: 0 })).toBe(false);
    expect(guardThreadWanted({ OPSBOOK_GUARD_THREAD: '1' }, { cores: 1, load: 9 })).toBe(true);
  });

  it('scans on this thread when no thread is wanted, from the bytes given', async () => {
    const want = await scanKnowledgeBaseDetailed(root);
    expect(want.findings.length).toBeGreaterThanOrEqual(4);
    const bg = startKnowledgeBaseScan(root, { thread: false });
    expect(bg.threaded).toBe(false);
    const rel = 'docs/aims/ops.md';
    const contents = new Map([[rel, fs.readFileSync(path.join(root, rel))]]);
    expect(await bg.result({ contents, releaseContents: true })).toEqual(want);
    expect(bg.how).toBe('here');
    expect(contents.size).toBe(0);
  });

  it('scans on a real thread with the same result, and hands the record files it read to this thread', { timeout: 60_000 }, async () => {
    const want = await scanKnowledgeBaseDetailed(root);
    const bg = startKnowledgeBaseScan(root, { thread: true, feedRecords: true });
    expect(bg.threaded).toBe(true);
    const got = await bg.result();
    expect(bg.how).toBe('thread');
    expect(got).toEqual(want);
    // the thread has finished: every record file is there, with the bytes on disk, once
    const feed = bg.feed!;
    const rels = fs.readdirSync(path.join(root, 'records/tickets/2026')).map((n) => `records/tickets/2026/${n}`);
    for (const rel of rels) expect(feed.take(rel)?.equals(fs.readFileSync(path.join(root, rel)))).toBe(true);
    expect(feed.take(rels[0]!)).toBeUndefined();
    expect(feed.take('docs/aims/ops.md')).toBeUndefined();
    expect(feed.taken).toBe(rels.length);
    feed.close();
    expect(feed.take('records/contract.yaml')).toBeUndefined();
  });

  it('falls back to this thread, with the same result, when the thread cannot load the guard', async () => {
    const want = await scanKnowledgeBaseDetailed(root, { paths: ['docs/aims/ops.md'] });
    const bg = startKnowledgeBaseScan(root, { thread: true, paths: ['docs/aims/ops.md'], threadModule: new URL('./no-such-module.js', import.meta.url) });
    expect(bg.threaded).toBe(true);
    expect(await bg.result()).toEqual(want);
    expect(bg.how).toBe('fallback');
  });

  it('stops the thread when the load fails (a missing knowledge base: exit 2, one line)', () => {
    const r = runCli(['validate', '--root', path.join(os.tmpdir(), 'no-such-kb-for-the-guard')], { env: { OPSBOOK_GUARD_THREAD: '1' } });
    expect(r.code).toBe(2);
    expect(r.stderr.trim().split('\n')).toHaveLength(1);
  });

  it('reports a thread that cannot run apart from the error of the call itself', async () => {
    await expect(runInWorker(new URL('./no-such-module.js', import.meta.url), 'f', []).result).rejects.toBeInstanceOf(WorkerUnavailable);
  });

  it('gives exactly the sequential diagnostics and exit codes through the CLI (real worker thread)', { timeout: 120_000 }, () => {
    for (const extra of [[], ['--json']]) {
      const seq = runCli(['validate', '--root', root, ...extra], { env: { OPSBOOK_GUARD_THREAD: '0', OPSBOOK_CACHE: '0' } });
      const par = runCli(['validate', '--root', root, ...extra], { env: { OPSBOOK_GUARD_THREAD: '1', OPSBOOK_CACHE: '0' } });
      expect(seq.code).toBe(1);
      expect(par.code).toBe(seq.code);
      expect(par.stdout).toBe(seq.stdout);
      expect(par.stderr).toBe(seq.stderr);
    }
    const out = runCli(['validate', '--root', root], { env: { OPSBOOK_GUARD_THREAD: '1', OPSBOOK_CACHE: '0' } }).stdout;
    // guard findings and schema problems, each at path:line:col
    expect(out).toMatch(/^docs\/aims\/ops\.md:5:\d+ {2}.*resident-id$/m);
    expect(out).toMatch(/^records\/tickets\/2026\/T-20260401-01\.yaml:\d+:\d+ {2}/m);
    expect(out).toMatch(/mobile-number$/m);
  });
});
