/**
 * Where `secrets edit` puts the plaintext while the editor runs, and how it
 * is removed:
 *
 * - a private folder (0700, file 0600) on a tmpfs such as /dev/shm where
 *   there is one (RAM, never written to disk), else the system temp folder;
 * - named `opsbook-secrets-<uid>-<pid>-<random>`, so a later run can tell
 *   a folder left by a killed process (its pid no longer runs) from one in use;
 * - wiped synchronously (every regular file overwritten with zeros, then the
 *   folder deleted, links never followed), so a signal handler can do it.
 */
import { closeSync, fsyncSync, lstatSync, mkdtempSync, openSync, readdirSync, rmSync, statSync, accessSync, chmodSync, writeSync, constants } from 'node:fs';
import os from 'node:os';
import path from 'node:path';

const PREFIX = 'opsbook-secrets-';
const SHM = '/dev/shm';

function uid(): number {
  return typeof process.getuid === 'function' ? process.getuid() : -1;
}

function usableDir(dir: string): boolean {
  try {
    if (!statSync(dir).isDirectory()) return false;
    accessSync(dir, constants.W_OK | constants.X_OK);
    return true;
  } catch {
    return false;
  }
}

/** Folders a plaintext folder may be created in, tmpfs first (also where stale ones are looked for). */
export function plaintextBases(env: NodeJS.ProcessEnv = process.env): string[] {
  const tmp = env.TMPDIR || os.tmpdir();
  return [...new Set([SHM, tmp, os.tmpdir()])].filter(usableDir);
}

/** Creates the private folder for one edit; returns its path. */
export function makePlaintextDir(env: NodeJS.ProcessEnv = process.env): string {
  const base = plaintextBases(env)[0] ?? os.tmpdir();
  const dir = mkdtempSync(path.join(base, `${PREFIX}${uid()}-${process.pid}-`));
  chmodSync(dir, 0o700);
  return dir;
}

/** Overwrites every regular file below `dir` with zeros, then deletes the folder. Never throws. */
export function wipeDirSync(dir: string): void {
  const visit = (p: string): void => {
    let st;
    try {
      st = lstatSync(p);
    } catch {
      return;
    }
    if (st.isDirectory()) {
      let names: string[] = [];
      try {
        names = readdirSync(p);
      } catch {
        // unreadable: rmSync below still tries
      }
      for (const n of names) visit(path.join(p, n));
    } else if (st.isFile() && st.size > 0) {
      try {
        const fd = openSync(p, 'r+');
        try {
          const zeros = Buffer.alloc(Math.min(st.size, 1 << 20));
          for (let off = 0; off < st.size; off += zeros.length) writeSync(fd, zeros, 0, Math.min(zeros.length, st.size - off), off);
          fsyncSync(fd);
        } finally {
          closeSync(fd);
        }
      } catch {
        // cannot overwrite: still deleted below
      }
    }
  };
  visit(dir);
  try {
    rmSync(dir, { recursive: true, force: true });
  } catch {
    // nothing more we can do
  }
}

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/**
 * Removes this user's plaintext folders whose process no longer runs (left
 * by an edit killed with SIGKILL or a crash; folders of the old naming
 * without a pid count as stale). Returns the folders removed.
 */
export function removeStalePlaintextDirs(env: NodeJS.ProcessEnv = process.env): string[] {
  const removed: string[] = [];
  const me = uid();
  for (const base of plaintextBases(env)) {
    let names: string[];
    try {
      names = readdirSync(base);
    } catch {
      continue;
    }
    for (const name of names) {
      if (!name.startsWith(PREFIX)) continue;
      const dir = path.join(base, name);
      let st;
      try {
        st = lstatSync(dir);
      } catch {
        continue;
      }
      if (!st.isDirectory() || (me !== -1 && st.uid !== me)) continue;
      const m = /^opsbook-secrets-(\d+)-(\d+)-/.exec(name);
      if (m && (Number(m[1]) !== me || Number(m[2]) === process.pid || alive(Number(m[2])))) continue;
      wipeDirSync(dir);
      removed.push(dir);
    }
  }
  return removed;
}
