/**
 * A full garbage collection, asked for where the core knows one pays: the host starts the core's
 * worker with V8's `gc` exposed (host/client.ts). Where it is not (tests, the command line), nothing
 * happens and V8 collects when it sees fit.
 */
export function collectGarbage(): void {
  (globalThis as { gc?: () => void }).gc?.();
}
