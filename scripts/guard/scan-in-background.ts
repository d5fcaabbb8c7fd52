/**
 * The guard beside other work: `startKnowledgeBaseScan` starts
 * scanKnowledgeBaseDetailed on a worker thread and returns at once, so that a
 * caller can load the records on its own thread meanwhile (`opsbook
 * validate`, the pipeline): the wall time is then about the longer of the two,
 * not their sum. The thread reads the files itself; with `feedRecords` it
 * also hands the bytes of every record file it reads (`records/**.yaml`) to
 * the caller's thread, in batches of one transferred buffer, so that the
 * loader takes them (`feed.take(rel)`) instead of reading each file again.
 * The feed never makes the caller wait: a file the thread has not reached
 * yet is read by the caller as before (at the start, while the thread loads
 * the guard's modules, that is every file).
 *
 * When the thread is not wanted (one core, OPSBOOK_GUARD_THREAD=0) or cannot
 * run (it did not start, crashed, could not load the guard), the scan runs on
 * the caller's thread when the caller asks for the result, with the bytes the
 * caller read if it kept them: the same result, as today's sequential path.
 */
import os from 'node:os';
import { MessageChannel, receiveMessageOnPort, type MessagePort } from 'node:worker_threads';
import { runInWorker, WorkerUnavailable, type WorkerCall } from '../shared/run-in-worker.js';
import type { ScanOptions, ScanResult } from './scan-knowledge-base.js';

// the guard's modules (secretlint among them) load on this thread only when it scans here
const scanHere = async (root: string, opts: ScanOptions) => (await import('./scan-knowledge-base.js')).scanKnowledgeBaseDetailed(root, opts);

/** Options of startKnowledgeBaseScan: those of scanKnowledgeBase that can cross to a thread, plus the choice of thread. */
export type BackgroundScanOptions = Omit<ScanOptions, 'contents' | 'releaseContents' | 'onRead'> & {
  /** Force (true) or forbid (false) the worker thread; default: guardThreadWanted(). */
  thread?: boolean;
  /** Hand the record files the thread reads to this thread (`BackgroundScan.feed`). */
  feedRecords?: boolean;
  /** The module the thread loads (default: this one); tests point it at one that cannot load, to see the fallback. */
  threadModule?: URL;
};

/** Record files read by the guard thread, for the loader on the caller's thread. */
export interface RecordFeed {
  /**
   * The bytes of record file `rel` (KB-relative) if the thread has read it
   * already, else undefined (then read it yourself). Never waits. Each file
   * is handed over once.
   */
  take(rel: string): Buffer | undefined;
  /** Files taken so far. */
  readonly taken: number;
  /** Stops receiving (drops what was not taken); call when the loader is done. */
  close(): void;
}

/** A scan started by startKnowledgeBaseScan. */
export interface BackgroundScan {
  /** Whether a worker thread is scanning now (the caller then need not keep the bytes it reads for the guard). */
  readonly threaded: boolean;
  /** With `feedRecords` and a thread: the record files the thread has read. */
  readonly feed?: RecordFeed;
  /**
   * The scan's result. Without a thread (or when the thread failed) the scan
   * runs now on this thread, reading from `contents` the files the caller
   * already read (as scanKnowledgeBase's `contents`/`releaseContents`).
   */
  result(contents?: Pick<ScanOptions, 'contents' | 'releaseContents'>): Promise<ScanResult>;
  /** How the result was obtained: 'thread', 'fallback' (the thread failed, scanned here), 'here' (no thread). */
  readonly how: 'thread' | 'fallback' | 'here' | 'pending';
  /**
   * What the record loader needs to know of this scan (LoadOptions): keep the bytes it reads for the guard
   * unless the thread scans, count the thread's core as taken, and take the files the thread has read.
   */
  loadOptions(): { keepBytes: boolean; reserveCores: number; feed?: RecordFeed };
  /** Stops the thread and the feed when the result will not be asked for (e.g. the load failed), so the process can exit. */
  cancel(): Promise<void>;
}

/**
 * Whether the guard should run on its own thread: `OPSBOOK_GUARD_THREAD=1|0`
 * forces it; otherwise when this process may use at least two cores
 * (os.availableParallelism(), which follows CPU affinity such as `taskset`)
 * and the machine is not oversubscribed: a 1-minute load average below the
 * cores + 1.
 *
 * Why so loose (the loader's own workers want two idle cores): the guard
 * thread copies little (it reads the files, hands the record files on in
 * batches and returns a few findings), and the scheduler shares time per
 * thread, so beside other work it still overlaps the loader. Measured on 2
 * cores (scripts/bench/RESULTS.md, "guard beside the loader"): it shortened
 * validate at load averages up to ~3.5 and was a wash or worse above 4; on
 * one core (`taskset -c 0`) it is pure overhead, +0.8 s at 20k tickets.
 */
export function guardThreadWanted(env: NodeJS.ProcessEnv = process.env, machine: { cores: number; load: number } = { cores: os.availableParallelism(), load: os.loadavg()[0] ?? 0 }): boolean {
  const forced = env.OPSBOOK_GUARD_THREAD;
  if (forced === '0' || forced === '1') return forced === '1';
  return machine.cores >= 2 && machine.load < machine.cores + 1;
}

/** This module, which the thread loads to run scanAndFeed (the .ts source under tsx, the compiled .js in dist/). */
const THIS_MODULE = new URL(import.meta.url);

/** One batch of record files, in one buffer: file i is bytes [ends[i-1], ends[i]). */
interface FeedBatch {
  rels: string[];
  ends: number[];
  buffer: ArrayBuffer;
}

/** Record files of `records/` the loader reads (hand-over files are the guard's alone). */
const FED = (rel: string) => rel.startsWith('records/') && rel.endsWith('.yaml') && !rel.startsWith('records/handover/');
const BATCH_FILES = 256;

/**
 * The thread's side (runs on the worker thread): scans like
 * scanKnowledgeBaseDetailed and, when `port` is given, posts the record files
 * it reads in batches.
 */
export async function scanAndFeed(root: string, opts: ScanOptions, port?: MessagePort): Promise<ScanResult> {
  if (!port) return scanHere(root, opts);
  let batch: { rel: string; bytes: Buffer }[] = [];
  let size = 0;
  const flush = () => {
    if (batch.length === 0) return;
    const all = new Uint8Array(size);
    const ends: number[] = [];
    let at = 0;
    for (const f of batch) {
      all.set(f.bytes, at);
      ends.push((at += f.bytes.length));
    }
    const msg: FeedBatch = { rels: batch.map((f) => f.rel), ends, buffer: all.buffer };
    port.postMessage(msg, [all.buffer]);
    batch = [];
    size = 0;
  };
  try {
    return await scanHere(root, {
      ...opts,
      onRead: (rel, bytes) => {
        if (!FED(rel)) return flush();
        batch.push({ rel, bytes });
        size += bytes.length;
        if (batch.length >= BATCH_FILES) flush();
      },
    });
  } finally {
    flush();
  }
}

function openFeed(port: MessagePort): RecordFeed {
  const pending = new Map<string, Buffer>();
  // files the caller read itself before the thread handed them over: dropped when they arrive
  const readElsewhere = new Set<string>();
  let taken = 0;
  let closed = false;
  const drain = () => {
    for (let m = receiveMessageOnPort(port); m; m = receiveMessageOnPort(port)) {
      const b = m.message as FeedBatch;
      let start = 0;
      b.rels.forEach((rel, i) => {
        const end = b.ends[i]!;
        if (readElsewhere.has(rel)) readElsewhere.delete(rel);
        else pending.set(rel, Buffer.from(b.buffer, start, end - start));
        start = end;
      });
    }
  };
  return {
    take(rel) {
      if (closed) return undefined;
      let bytes = pending.get(rel);
      if (bytes === undefined) {
        drain();
        bytes = pending.get(rel);
      }
      if (bytes === undefined) {
        if (FED(rel)) readElsewhere.add(rel);
        return undefined;
      }
      pending.delete(rel);
      taken++;
      return bytes;
    },
    get taken() {
      return taken;
    },
    close() {
      closed = true;
      pending.clear();
      readElsewhere.clear();
      port.close();
    },
  };
}

/** Starts scanning the KB at `root` (on a worker thread when wanted); see the module comment. */
export function startKnowledgeBaseScan(root: string, opts: BackgroundScanOptions = {}): BackgroundScan {
  const { thread, threadModule, feedRecords, ...scanOpts } = opts;
  const wanted = thread ?? guardThreadWanted();
  let call: WorkerCall<ScanResult> | undefined;
  let feed: RecordFeed | undefined;
  if (wanted) {
    if (feedRecords) {
      const { port1, port2 } = new MessageChannel();
      call = runInWorker<ScanResult>(threadModule ?? THIS_MODULE, 'scanAndFeed', [root, scanOpts, port2], [port2]);
      feed = openFeed(port1);
    } else {
      call = runInWorker<ScanResult>(threadModule ?? THIS_MODULE, 'scanAndFeed', [root, scanOpts]);
    }
    // a failure is handled when the result is asked for; never an unhandled rejection meanwhile
    call.result.catch(() => {});
  }
  let how: BackgroundScan['how'] = 'pending';
  return {
    threaded: !!call,
    ...(feed ? { feed } : {}),
    get how() {
      return how;
    },
    loadOptions() {
      return { keepBytes: !call, reserveCores: call ? 1 : 0, ...(feed ? { feed } : {}) };
    },
    async cancel() {
      feed?.close();
      await call?.terminate();
    },
    async result(contents = {}) {
      if (call) {
        try {
          const r = await call.result;
          how = 'thread';
          return r;
        } catch (err) {
          if (!(err instanceof WorkerUnavailable)) throw err;
          how = 'fallback';
          return scanHere(root, { ...scanOpts, ...contents });
        }
      }
      how = 'here';
      return scanHere(root, { ...scanOpts, ...contents });
    },
  };
}
