import { existsSync, writeFileSync } from 'node:fs';
import { hostname } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { CORE_WORKER_LIMITS, type CoreClient, type CoreWorkerLimits, startCoreWorker } from '../../src/host/client';
import type { SessionStatus } from '../../src/contract/session-model';
import type { MethodName } from '../../src/contract/methods';
import type { Result } from '../../src/shared/result';
import { Ledger } from '../../src/core/ledger';
import { KDF_FLOOR } from '../../src/core/storage/kdf';
import { lockPathOf } from '../../src/core/storage/lock';
import { TEST_PASSWORD } from '../helpers/ledger';
import { unwrap } from '../helpers/result';
import { useTempDir } from '../helpers/temp';

/** The real core in a real worker thread, which fails when a call names a failure (see the worker file). */
const FAILING_WORKER = join(import.meta.dirname, '..', 'helpers', 'failing-core-worker.mjs');

const tempDir = useTempDir();
const started: CoreClient[] = [];
// The client reports each death for the administrator; here they are the point of the test.
beforeEach(() => void vi.spyOn(console, 'error').mockImplementation(() => {}));
afterEach(async () => {
  await Promise.all(started.splice(0).map((core) => core.shutdown()));
});

function startCore(limits: Partial<CoreWorkerLimits> = {}): CoreClient {
  const core = startCoreWorker(FAILING_WORKER, tempDir(), { ...CORE_WORKER_LIMITS, ...limits });
  started.push(core);
  return core;
}

const within = <T>(ms: number, work: Promise<T>): Promise<T | 'still waiting'> =>
  Promise.race([work, new Promise<'still waiting'>((resolve) => setTimeout(() => resolve('still waiting'), ms))]);

/** Asks the core to fail in the way named (a call the core never sees). */
const fail = (core: CoreClient, how: 'test:crash' | 'test:crash-later' | 'test:exhaust' | 'test:hang'): Promise<Result<unknown>> =>
  core.call('session.touch' satisfies MethodName, [how]);

const status = async (core: CoreClient): Promise<SessionStatus | string> => {
  const answer = (await core.call('session.status', [])) as Result<SessionStatus>;
  return answer.ok ? answer.value : answer.error.code;
};

/** Waits until the worker started in the dead one's place answers. */
const served = (core: CoreClient): Promise<void> => expect.poll(() => status(core), { timeout: 30_000 }).toMatchObject({ preferences: expect.anything() });

describe('the core worker, when it dies', () => {
  it('answers the call it was working on with core.restarted, and a new worker serves the calls after', async () => {
    const core = startCore();
    expect(await status(core)).toMatchObject({ state: 'none' });
    expect(await within(10_000, fail(core, 'test:crash'))).toEqual({ ok: false, error: { code: 'core.restarted' } });
    await served(core);
    expect(await status(core)).toMatchObject({ state: 'none' });
  });

  it('answers the first call after a restart the window was not waiting on with core.restarted, once', async () => {
    const core = startCore();
    expect(await fail(core, 'test:crash-later')).toEqual({ ok: true, value: undefined });
    // The worker dies after its answer: nobody was waiting, so the next call hears of it.
    await expect.poll(() => status(core), { timeout: 10_000 }).toBe('core.restarted');
    await served(core);
  });

  it('runs out of memory at its ceiling without taking the process with it, and is restarted', async () => {
    const core = startCore();
    expect(await within(30_000, fail(core, 'test:exhaust'))).toEqual({ ok: false, error: { code: 'core.restarted' } });
    await served(core);
  });

  it('is given up when it dies too often: calls and shutdown are answered at once', async () => {
    const core = startCore({ restartsPerMinute: 1 });
    expect(await fail(core, 'test:crash')).toEqual({ ok: false, error: { code: 'core.restarted' } });
    await served(core);
    expect(await within(10_000, fail(core, 'test:crash'))).toEqual({ ok: false, error: { code: 'core.crashed' } });
    expect(await within(100, status(core))).toBe('core.crashed');
    expect(await within(100, core.shutdown())).toBeUndefined();
  });
});

describe('the ledger a dead worker had open', () => {
  async function closedLedger(): Promise<string> {
    const path = join(tempDir(), 'ledger.duban');
    unwrap(await Ledger.create(path, { password: TEST_PASSWORD, kdf: KDF_FLOOR })).ledger.close();
    return path;
  }

  it('is offered locked by the new worker, its lock let go, and opens again', async () => {
    const path = await closedLedger();
    const core = startCore();
    expect(await core.call('session.open', [{ path, password: TEST_PASSWORD }])).toMatchObject({ ok: true, value: { state: 'open' } });
    expect(existsSync(lockPathOf(path))).toBe(true);

    expect(await fail(core, 'test:crash')).toEqual({ ok: false, error: { code: 'core.restarted' } });
    await served(core);
    expect(await status(core)).toMatchObject({ state: 'locked', path });
    // Nothing is left that would keep another program (the command line) out of the ledger.
    expect(existsSync(lockPathOf(path))).toBe(false);
    expect(await core.call('session.open', [{ path, password: TEST_PASSWORD }])).toMatchObject({ ok: true, value: { state: 'open' } });
  });

  it('is taken over when a dead worker of this process left its lock: a new worker never held it', async () => {
    const path = await closedLedger();
    writeFileSync(lockPathOf(path), JSON.stringify({ pid: process.pid, host: hostname(), since: new Date().toISOString(), token: 'left-by-a-dead-worker' }));
    const core = startCore();
    expect(await core.call('session.open', [{ path, password: TEST_PASSWORD }])).toMatchObject({ ok: true, value: { state: 'open' } });
  });
});

describe('shutting the core down', () => {
  it('ends a worker that hangs once the timeout is past, and answers the call it hung on', async () => {
    const core = startCore({ shutdownTimeoutMs: 500 });
    expect(await status(core)).toMatchObject({ state: 'none' });
    const hung = fail(core, 'test:hang');
    const startedAt = Date.now();
    expect(await within(5_000, core.shutdown())).toBeUndefined();
    expect(Date.now() - startedAt).toBeGreaterThanOrEqual(500);
    expect(await within(100, hung)).toEqual({ ok: false, error: { code: 'core.stopped' } });
    expect(await within(100, status(core))).toBe('core.stopped');
  });
});

describe('the core worker', () => {
  it('may ask V8 for a full collection, which this thread may not', async () => {
    const core = startCore();
    expect(await core.call('session.touch' satisfies MethodName, ['test:gc'])).toEqual({ ok: true, value: 'function' });
    expect(typeof (globalThis as { gc?: unknown }).gc).toBe('undefined');
  });
});
