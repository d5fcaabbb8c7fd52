/**
 * Progress for long work, shown on a terminal only (stderr), so that
 * --json output and CI logs stay clean. Used by commands, never by domains.
 */
export interface Progress {
  update(done: number, total: number, label?: string): void;
  done(message?: string): void;
}

/** A progress line on stderr when it is a TTY; silent otherwise. */
export function createProgress(title: string, enabled = !!process.stderr.isTTY): Progress {
  let last = 0;
  return {
    update(done, total, label) {
      if (!enabled) return;
      const now = Date.now();
      if (now - last < 80 && done < total) return;
      last = now;
      const pct = total > 0 ? Math.floor((done / total) * 100) : 100;
      process.stderr.write(`\r\x1b[2K${title} ${done}/${total} (${pct}%)${label ? ` ${label}` : ''}`);
    },
    done(message) {
      if (enabled) process.stderr.write('\r\x1b[2K');
      if (message && enabled) process.stderr.write(`${message}\n`);
    },
  };
}
