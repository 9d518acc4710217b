import type { CallsOf, HandlersOf } from './define';
import type { Contract, Namespace } from './methods';

/**
 * The typed contract as the screens call it: every method with the input types of its argument
 * schema, answering a Result. Derived from CONTRACT, never written by hand.
 */
export type DubanApi = { [N in Namespace]: CallsOf<Contract[N]> };

/** The core's side of the contract: every method but the platform's, receiving its checked arguments. */
export type CoreHandlers = { [N in Exclude<Namespace, 'platform'>]: HandlersOf<Contract[N]> };

/** What a shell (Electron's main process, the browser bridge) answers itself. */
export type PlatformHandlers = HandlersOf<Contract['platform']>;

export interface LedgerLocation {
  readonly path: string;
}

export interface SavedFile {
  readonly fileName: string;
  readonly bytes: Uint8Array;
}
