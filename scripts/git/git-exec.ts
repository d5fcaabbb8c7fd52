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
export function readBlobs(cwd: string, ids: Iterable<string>): Promise<Map<string, Buffer>> {
  const unique = [...new Set(ids)];
  const out = new Map<string, Buffer>();
  if (unique.length === 0) return Promise.resolve(out);
  return new Promise((resolve, reject) => {
    const child = spawn('git', ['cat-file', '--batch'], { cwd, stdio: ['pipe', 'pipe', 'pipe'], env: process.env });
    const chunks: Buffer[] = [];
    let stderr = '';
    child.stdout.on('data', (c: Buffer) => chunks.push(c));
    child.stderr.on('data', (c: Buffer) => (stderr += c.toString()));
    child.on('error', (e) => reject(new UserError(`git cat-file: ${e.message}`, { cause: e })));
    child.on('close', (code) => {
      if (code !== 0) return reject(new UserError(`git cat-file --batch exited with ${code}: ${stderr.trim().split('\n')[0] ?? ''}`));
      const buf = Buffer.concat(chunks);
      let pos = 0;
      for (const id of unique) {
        const nl = buf.indexOf(0x0a, pos);
        if (nl < 0) break;
        const header = buf.toString('latin1', pos, nl);
        pos = nl + 1;
        if (header.endsWith(' missing')) continue;
        const size = Number(header.split(' ')[2]);
        out.set(id, buf.subarray(pos, pos + size));
        pos += size + 1; // content + LF
      }
      resolve(out);
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
