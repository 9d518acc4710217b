import { Worker } from 'node:worker_threads';
import type { MethodName } from '../../shared/contract/methods';
import { dubanError } from '../../shared/errors';
import { err, type Result } from '../../shared/result';
import type { WorkerReply, WorkerRequest } from './worker';

export interface CoreClient {
  call(method: MethodName, args: readonly unknown[]): Promise<Result<unknown>>;
  /** Closes the ledger (its last snapshot) and ends the worker. */
  shutdown(): Promise<void>;
}

/** Starts the core worker (`workerFile` is the built worker.ts) and talks to it by message. */
export function startCoreWorker(workerFile: string, configDir: string): CoreClient {
  const worker = new Worker(workerFile, { workerData: { configDir } });
  const pending = new Map<number, (result: unknown) => void>();
  let nextId = 1;
  worker.on('message', (reply: WorkerReply) => {
    pending.get(reply.id)?.(reply.result);
    pending.delete(reply.id);
  });
  worker.on('error', (error) => {
    console.error('duban: the core worker failed:', error);
    for (const resolve of pending.values()) resolve(err(dubanError('internal')));
    pending.clear();
  });
  const send = (request: Omit<WorkerRequest, 'id'>): Promise<unknown> =>
    new Promise((resolve) => {
      const id = nextId++;
      pending.set(id, resolve);
      worker.postMessage({ ...request, id });
    });
  return {
    call: (method, args) => send({ method, args }) as Promise<Result<unknown>>,
    shutdown: async () => {
      await send({ shutdown: true });
      await worker.terminate();
    },
  };
}
