import { parentPort } from 'node:worker_threads';
import { register } from 'tsx/esm/api';

/**
 * The core's worker, from the source (through tsx, so that no stale build is tested), and ways for it
 * to fail that a test asks for with a word among a call's arguments: `test:crash` throws out of the
 * worker, `test:crash-later` lets the core answer and then throws, `test:exhaust` fills the heap up to
 * its ceiling, `test:hang` never answers again; `test:gc` answers whether the worker may ask V8 for a
 * full collection. The core's listener is wrapped in the check.
 */
const FAILURES = {
  'test:crash': () => {
    throw new Error('a failure the test asked for');
  },
  'test:crash-later': (request, core) => {
    core(request);
    setTimeout(FAILURES['test:crash'], 100);
  },
  'test:exhaust': () => {
    const hoard = [];
    for (;;) hoard.push(new Array(100_000).fill(hoard.length));
  },
  'test:hang': () => {
    for (;;);
  },
  'test:gc': (request) => parentPort.postMessage({ id: request.id, result: { ok: true, value: typeof globalThis.gc }, ledger: null }),
};

const failureAskedBy = (request) => FAILURES[/"(test:[\w-]+)"/.exec(JSON.stringify(request.args ?? []))?.[1]];

const listen = parentPort.on.bind(parentPort);
parentPort.on = (event, listener) => listen(event, event === 'message' ? (request) => (failureAskedBy(request) ?? listener)(request, listener) : listener);
register();
await import('../../src/host/worker.ts');
