import { parentPort, workerData } from 'node:worker_threads';
import type { MethodName } from '../contract/methods';
import type { SessionStatus } from '../contract/session-model';
import { acquireLock } from '../core/storage/lock';
import { createCoreHost } from './host';
import { seedDemo } from '../core/demo/seed';

/**
 * The core in a worker thread: key derivation, snapshots and large imports run here, so the main
 * process (and the window it serves) never waits on them.
 */
export type WorkerRequest =
  { readonly id: number; readonly method: MethodName; readonly args: readonly unknown[] } | { readonly id: number; readonly shutdown: true };
/** `ledger`: the ledger the session is on after the call, for a worker started in this one's place. */
export type WorkerReply = { readonly id: number; readonly result: unknown; readonly ledger: string | null };
/** `lockedOn`: the ledger a worker that died was on (this one starts locked on it), or null. */
export interface WorkerData {
  readonly configDir: string;
  readonly lockedOn: string | null;
}

/**
 * The lock a worker that died left on its ledger names this process, so another process would
 * take it as held. This thread never held it, so the lock judges it stale: take it over and let it go.
 */
function releaseLeftLock(ledgerPath: string): void {
  const lock = acquireLock(ledgerPath);
  if (lock.ok) lock.value.release();
}

const port = parentPort!;
const { configDir, lockedOn } = workerData as WorkerData;
if (lockedOn) releaseLeftLock(lockedOn);
const host = createCoreHost({ configDir, lockedOn, seedDemo });
const IDLE_CHECK_MS = 15_000;
setInterval(() => host.lockIfIdle(), IDLE_CHECK_MS).unref();

async function sessionLedger(): Promise<string | null> {
  const status = await host.handle('session.status', []);
  return status.ok ? (status.value as SessionStatus).path : null;
}

port.on('message', async (request: WorkerRequest) => {
  if ('shutdown' in request) {
    host.shutdown();
    port.postMessage({ id: request.id, result: null, ledger: null } satisfies WorkerReply);
    return;
  }
  const result = await host.handle(request.method, request.args);
  port.postMessage({ id: request.id, result, ledger: await sessionLedger() } satisfies WorkerReply);
});
