import { setTimeout as sleep } from 'node:timers/promises';
import { setFlagsFromString } from 'node:v8';
import { Worker } from 'node:worker_threads';
import type { MethodName } from '../contract/methods';
import { type DubanError, dubanError } from '../shared/errors';
import { err, type Result } from '../shared/result';
import type { WorkerData, WorkerReply, WorkerRequest } from './worker';

export interface CoreClient {
  /** Answered by the worker, or at once with an error when it has died (`core.restarted`, `core.crashed`) or was shut down (`core.stopped`). */
  call(method: MethodName, args: readonly unknown[]): Promise<Result<unknown>>;
  /** Closes the ledger (its last snapshot) and ends the worker, waiting no longer than the shutdown timeout. */
  shutdown(): Promise<void>;
}

export interface CoreWorkerLimits {
  /** How long shutting down waits for the ledger's last snapshot before ending the worker. */
  readonly shutdownTimeoutMs: number;
  /** How often a worker that died is started again within a minute; after that, calls are refused. */
  readonly restartsPerMinute: number;
}

/**
 * The last snapshot of a 50 MB ledger takes about half a second: ten seconds is a slow disk's
 * worth, after which quitting must not wait on a worker that hangs. Three restarts a minute carry a
 * user past a bad workbook or two; a worker dying more often than that dies of something a restart
 * does not cure.
 */
export const CORE_WORKER_LIMITS: CoreWorkerLimits = { shutdownTimeoutMs: 10_000, restartsPerMinute: 3 };

/**
 * The worker's heap ceiling, so that running out of memory ends the worker (which is restarted),
 * not the main process and the window with it. The largest legitimate import, 50,000 petition rows
 * (`npm run bench`: 370–380 MB resident at its peak), completes with 176 MB of old generation and at
 * full speed from 256 MB; the rest of its memory is sql.js's WebAssembly memory and buffers, which
 * this ceiling does not count. 512 MB is twice what that import needs at full speed, and stops a
 * hostile workbook's cells well before they take an office workstation's memory.
 */
const MAX_OLD_GENERATION_MB = 512;
const MINUTE_MS = 60_000;

/**
 * The core's worker may ask V8 for a full collection (core/storage/memory.ts): after a 50,000-row
 * import, one before the snapshot is sealed takes 15 ms, leaves the worker 90 MB smaller and takes
 * the sealing's 30 MB off the import's peak.
 * A worker reads V8's flags when it starts, and refuses this one among its own options; the flag
 * makes `gc` a global of the contexts made after it — the worker's, not this thread's.
 */
function exposeGarbageCollection(): void {
  setFlagsFromString('--expose-gc');
}

/** One worker thread and the calls sent to it. When it dies, those calls are answered at once, as are the calls sent after. */
class CoreThread {
  private readonly worker: Worker;
  private readonly pending = new Map<number, (result: unknown) => void>();
  private nextId = 1;
  /** Why calls are refused: set when the thread dies (an error, or an exit). */
  private refusal: DubanError | null = null;
  /** The ledger the worker's session was on at its last answer. */
  ledger: string | null;
  readonly exited: Promise<void>;

  constructor(
    workerFile: string,
    data: WorkerData,
    private readonly onDeath: () => DubanError,
  ) {
    this.ledger = data.lockedOn;
    exposeGarbageCollection();
    this.worker = new Worker(workerFile, { workerData: data, resourceLimits: { maxOldGenerationSizeMb: MAX_OLD_GENERATION_MB } });
    this.worker.on('message', (reply: WorkerReply) => this.answer(reply));
    this.worker.on('error', (error) => {
      console.error('duban: the core worker failed:', error);
      this.die();
    });
    this.exited = new Promise((resolve) => this.worker.once('exit', () => resolve()));
    void this.exited.then(() => this.die());
  }

  get dead(): boolean {
    return this.refusal !== null;
  }

  send(request: Omit<WorkerRequest, 'id'>): Promise<unknown> {
    if (this.refusal) return Promise.resolve(err(this.refusal));
    return new Promise((resolve) => {
      const id = this.nextId++;
      this.pending.set(id, resolve);
      this.worker.postMessage({ ...request, id });
    });
  }

  /** Ends the worker, whatever it is doing; an ended one at once. */
  async terminate(): Promise<void> {
    await this.worker.terminate();
    await this.exited;
  }

  private answer(reply: WorkerReply): void {
    this.ledger = reply.ledger;
    this.pending.get(reply.id)?.(reply.result);
    this.pending.delete(reply.id);
  }

  private die(): void {
    if (this.refusal) return;
    this.refusal = this.onDeath();
    for (const resolve of this.pending.values()) resolve(err(this.refusal));
    this.pending.clear();
  }
}

/**
 * Starts the core worker (`workerFile` is the built worker.ts) and talks to it by message. A worker
 * that dies is started again, its session locked on the ledger it was on; the window hears of it
 * once, from the answer `core.restarted` (to the calls it was waiting on or, if none, to its next).
 */
export function startCoreWorker(workerFile: string, configDir: string, limits: CoreWorkerLimits = CORE_WORKER_LIMITS): CoreClient {
  const restarts: number[] = [];
  let stopping: Promise<void> | null = null;
  let untold = false;
  let thread = startThread(null);

  function startThread(lockedOn: string | null): CoreThread {
    const started: CoreThread = new CoreThread(workerFile, { configDir, lockedOn }, () => diagnose(started));
    return started;
  }

  /** What the calls of a thread that died are answered; a thread that died unasked is replaced, within the limit. */
  function diagnose(dead: CoreThread): DubanError {
    if (stopping) return dubanError('core.stopped');
    if (!mayRestart()) {
      console.error('duban: the core worker stopped again; it is not restarted until the program is');
      return dubanError('core.crashed');
    }
    console.error('duban: the core worker stopped unexpectedly; restarting it with the ledger locked');
    untold = true;
    // Replaced once it has exited, so that the dead one can no longer write what the new one opens.
    void dead.exited.then(() => {
      if (!stopping) thread = startThread(dead.ledger);
    });
    return dubanError('core.restarted');
  }

  /** Counts a restart if fewer than the limit happened within the last minute. */
  function mayRestart(): boolean {
    const now = Date.now();
    while (restarts.length > 0 && restarts[0]! <= now - MINUTE_MS) restarts.shift();
    if (restarts.length >= limits.restartsPerMinute) return false;
    restarts.push(now);
    return true;
  }

  async function call(method: MethodName, args: readonly unknown[]): Promise<Result<unknown>> {
    if (untold) {
      untold = false;
      return err(dubanError('core.restarted'));
    }
    const result = (await thread.send({ method, args })) as Result<unknown>;
    if (!result.ok && result.error.code === 'core.restarted') untold = false;
    return result;
  }

  async function stop(): Promise<void> {
    if (thread.dead) return; // nothing left to close, and nothing that could still write
    await Promise.race([thread.send({ shutdown: true }), sleep(limits.shutdownTimeoutMs, undefined, { ref: false })]);
    await thread.terminate();
  }

  return {
    call,
    shutdown: () => {
      stopping ??= stop();
      return stopping;
    },
  };
}
