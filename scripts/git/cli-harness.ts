/** Test helper: runs the real CLI (`tsx scripts/cli.ts …`) and returns exit code and output. */
import { execFile } from 'node:child_process';
import path from 'node:path';
import { promisify } from 'node:util';

const run = promisify(execFile);
const CLI = path.resolve(import.meta.dirname, '..', 'cli.ts');
const TSX = path.resolve(import.meta.dirname, '..', '..', 'node_modules', '.bin', 'tsx');

export interface CliResult {
  code: number;
  stdout: string;
  stderr: string;
}

/** Runs `opsbook <args>` in `cwd` (stdin not a TTY, so never interactive). */
export async function runCli(args: string[], cwd: string): Promise<CliResult> {
  try {
    const { stdout, stderr } = await run(TSX, [CLI, ...args], { cwd, env: { ...process.env, NO_COLOR: '1' }, maxBuffer: 64 * 1024 * 1024 });
    return { code: 0, stdout, stderr };
  } catch (e) {
    const err = e as { code: number; stdout: string; stderr: string };
    return { code: typeof err.code === 'number' ? err.code : 2, stdout: err.stdout ?? '', stderr: err.stderr ?? '' };
  }
}
