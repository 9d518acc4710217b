import { parentPort, workerData } from 'node:worker_threads';
import type { MethodName } from '../../shared/contract/methods';
import { createCoreHost } from './host';
import { seedDemo } from '../demo/seed';

/**
 * The core in a worker thread: key derivation, snapshots and large imports run here, so the main
 * process (and the window it serves) never waits on them.
 */
export type WorkerRequest = { readonly id: number; readonly method: MethodName; readonly args: readonly unknown[] } | { readonly id: number; readonly shutdown: true };
export type WorkerReply = { readonly id: number; readonly result: unknown };

const port = parentPort!;
const host = createCoreHost({ configDir: (workerData as { configDir: string }).configDir, seedDemo });
const IDLE_CHECK_MS = 15_000;
setInterval(() => host.lockIfIdle(), IDLE_CHECK_MS).unref();

port.on('message', async (request: WorkerRequest) => {
  if ('shutdown' in request) {
    host.shutdown();
    port.postMessage({ id: request.id, result: null } satisfies WorkerReply);
    return;
  }
  const result = await host.handle(request.method, request.args);
  port.postMessage({ id: request.id, result } satisfies WorkerReply);
});
