import type { Writer } from './database';

/**
 * Work that ends every write transaction that wrote anything, before it is made durable: the
 * domain's search indexes settle their queues here. The domain registers it, so that storage
 * imports no domain module.
 */
const hooks = new Set<(writer: Writer) => void>();

export function onEachWrite(hook: (writer: Writer) => void): void {
  hooks.add(hook);
}

export function settleWrite(writer: Writer): void {
  for (const hook of hooks) hook(writer);
}
