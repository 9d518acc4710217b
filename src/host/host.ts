import { dubanError } from '../shared/errors';
import { err, type Result } from '../shared/result';
import type { MethodName } from '../contract/methods';
import type { Ledger } from '../core/ledger';
import type { CoreHandlers } from '../contract/api';
import { coreHandlers } from './handlers';
import { Session, type SessionOptions } from './session';

export interface CoreHost {
  /** Answers one call of the contract (already checked by the caller: see contract/check). */
  handle(method: MethodName, args: readonly unknown[]): Promise<Result<unknown>>;
  lockIfIdle(): boolean;
  shutdown(): void;
}

export interface HostOptions extends SessionOptions {
  readonly seedDemo?: (ledger: Ledger) => Result<unknown>;
}

/** Calls that are not the user at work: polling the status must not postpone the idle lock. */
const PASSIVE: readonly MethodName[] = ['session.status'];

export function createCoreHost(options: HostOptions): CoreHost {
  const session = new Session(options);
  const handlers = coreHandlers(session, options.seedDemo ?? (() => err(dubanError('bad_request', { detail: 'demo' }))));
  return {
    async handle(method, args) {
      const [ns, name] = method.split('.') as [keyof CoreHandlers, string];
      const handler = (handlers[ns] as Record<string, ((...a: unknown[]) => unknown) | undefined> | undefined)?.[name];
      if (!handler) return err(dubanError('bad_request', { detail: method }));
      if (!PASSIVE.includes(method)) session.touch();
      try {
        return (await handler(...args)) as Result<unknown>;
      } catch (error) {
        // A fault of the program: said to the user calmly, logged for the administrator (never ledger content).
        console.error(`duban: ${method} failed:`, (error as Error).stack ?? error);
        return err(dubanError('internal'));
      }
    },
    lockIfIdle: () => session.lockIfIdle(),
    shutdown: () => void session.close(),
  };
}
