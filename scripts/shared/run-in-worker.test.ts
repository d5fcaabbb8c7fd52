import { describe, expect, it } from 'vitest';
import { UserError } from './errors.js';
import { runInWorker } from './run-in-worker.js';

describe('runInWorker', () => {
  it('gives back a UserError subclass thrown in the thread as a UserError with its message and exit code', async () => {
    const call = runInWorker(new URL('./fixtures/throws-named-user-error.mjs', import.meta.url), 'fail', []);
    const err = await call.result.catch((e: unknown) => e);
    expect(err).toBeInstanceOf(UserError);
    expect((err as UserError).message).toContain('MAC mismatch');
    expect((err as UserError).exitCode).toBe(1);
  });
});
