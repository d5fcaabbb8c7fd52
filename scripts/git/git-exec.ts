/**
 * Thin access to the `git` binary: simple-git for ordinary commands (it
 * handles spawning, errors and option safety), and `readBlobs` for reading
 * many blobs through ONE `git cat-file --batch` process.
 */
import { spawn } from 'node:child_process';
import { simpleGit, type SimpleGit } from 'simple-git';
import { UserError } from '../shared/errors.js';

/**
 * A simple-git instance rooted at `cwd`. It inherits the environment as is:
 * simple-git's environment guard rejects overrides of editor/pager/prompt
 * variables, and every command used here is local and non-interactive.
 */
export function gitAt(cwd: string): SimpleGit {
  return simpleGit({ baseDir: cwd, maxConcurrentProcesses: 2, trimmed: false });
}

/** Runs `git <args>` in `cwd` and returns stdout; git failures become UserError (exit 2). */
export async function git(cwd: string, args: string[]): Promise<string> {
  try {
    return await gitAt(cwd).raw(args);
  } catch (err) {
    const first = String((err as Error).message ?? err).trim().split('\n')[0] ?? '';
    throw new UserError(`git ${args[0] ?? ''}: ${first}`, { cause: err });
  }
}

/** Like `git` but resolves to null instead of throwing (for probes such as rev-parse --verify). */
export async function gitOrNull(cwd: string, args: string[]): Promise<string | null> {
  try {
    return await gitAt(cwd).raw(args);
  } catch {
    return null;
  }
}

/**
 * Reads blobs by object id with a single `git cat-file --batch` process.
 * @param cwd any directory inside the repository
 * @param ids blob ids (duplicates are read once)
 * @returns id → content; a missing object is absent from the map
 */
export async function readBlobs(cwd: string, ids: Iterable<string>): Promise<Map<string, Buffer>> {
  const out = new Map<string, Buffer>();
  await forEachBlob(cwd, ids, (id, bytes) => {
    if (bytes) out.set(id, bytes);
  });
  return out;
}

/**
 * Streams blobs through a single `git cat-file --batch` process: `onBlob` is
 * called for each object as its bytes arrive, in the order of `ids`
 * (duplicates once), so a caller that keeps only what it derives from the
 * bytes never holds them all (git keeps writing while the caller works).
 * @param cwd any directory inside the repository
 * @param ids object names (blob ids, or `<commit>:<path>`)
 * @param onBlob called with the bytes (a view valid during the call unless copied; here a fresh Buffer
 *   per blob), or `undefined` for a missing object
 */
export function forEachBlob(cwd: string, ids: Iterable<string>, onBlob: (id: string, bytes: Buffer | undefined) => void): Promise<void> {
  const unique = [...new Set(ids)];
  if (unique.length === 0) return Promise.resolve();
  return new Promise((resolve, reject) => {
    const child = spawn('git', ['cat-file', '--batch'], { cwd, stdio: ['pipe', 'pipe', 'pipe'], env: process.env });
    let stderr = '';
    let next = 0; // index in `unique` of the object being read
    let pending: Buffer[] = []; // bytes received and not consumed yet
    let pendingLength = 0;
    let want = -1; // content + LF still expected for the current object, -1 while reading a header
    let failed: Error | undefined;
    const take = (n: number): Buffer => {
      const all = pending.length === 1 ? pending[0]! : Buffer.concat(pending, pendingLength);
      const head = all.subarray(0, n);
      const rest = all.subarray(n);
      pending = rest.length ? [rest] : [];
      pendingLength = rest.length;
      return head;
    };
    const drain = (): void => {
      while (next < unique.length) {
        if (want < 0) {
          // a header line: `<oid> blob <size>` or `<name> missing`
          let nl = -1;
          let seen = 0;
          for (const c of pending) {
            const i = c.indexOf(0x0a);
            if (i >= 0) {
              nl = seen + i;
              break;
            }
            seen += c.length;
          }
          if (nl < 0) return;
          const header = take(nl + 1).toString('latin1', 0, nl);
          if (header.endsWith(' missing') || header.endsWith(' ambiguous')) {
            onBlob(unique[next++]!, undefined);
            continue;
          }
          want = Number(header.split(' ')[2]) + 1;
          if (!Number.isFinite(want)) throw new Error(`unexpected cat-file header \`${header}\``);
        }
        if (pendingLength < want) return;
        const body = take(want);
        want = -1;
        // a copy: the caller may keep it, and the chunk it came from is released
        onBlob(unique[next++]!, Buffer.from(body.subarray(0, body.length - 1)));
      }
    };
    child.stdout.on('data', (c: Buffer) => {
      if (failed) return;
      pending.push(c);
      pendingLength += c.length;
      try {
        drain();
      } catch (e) {
        failed = e as Error;
        child.kill();
      }
    });
    child.stderr.on('data', (c: Buffer) => (stderr += c.toString()));
    child.on('error', (e) => reject(new UserError(`git cat-file: ${e.message}`, { cause: e })));
    child.on('close', (code) => {
      if (failed) return reject(failed);
      if (code !== 0) return reject(new UserError(`git cat-file --batch exited with ${code}: ${stderr.trim().split('\n')[0] ?? ''}`));
      resolve();
    });
    child.stdin.on('error', () => {}); // reported via close
    child.stdin.end(`${unique.join('\n')}\n`);
  });
}

/**
 * Runs `git <args>` with `input` on stdin (e.g. `log --stdin` for many
 * revisions, beyond what a command line holds); returns stdout.
 * @throws UserError when git exits non-zero
 */
export function gitWithInput(cwd: string, args: string[], input: string): Promise<string> {
  return new Promise((resolve, reject) => {
    const child = spawn('git', args, { cwd, stdio: ['pipe', 'pipe', 'pipe'], env: process.env });
    const out: Buffer[] = [];
    let stderr = '';
    child.stdout.on('data', (c: Buffer) => out.push(c));
    child.stderr.on('data', (c: Buffer) => (stderr += c.toString()));
    child.on('error', (e) => reject(new UserError(`git ${args[0] ?? ''}: ${e.message}`, { cause: e })));
    child.on('close', (code) => {
      if (code !== 0) return reject(new UserError(`git ${args.find((a) => !a.startsWith('-') && !a.includes('=')) ?? ''}: ${stderr.trim().split('\n')[0] ?? `exit ${code}`}`));
      resolve(Buffer.concat(out).toString('utf8'));
    });
    child.stdin.on('error', () => {}); // reported via close
    child.stdin.end(input);
  });
}
