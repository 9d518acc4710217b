/**
 * One import measured in a process of its own, so that its peak memory is its own: the import runs
 * as the desktop app runs it, in a worker thread under the core worker's limits (V8 sizes its heap's
 * growth by that ceiling), and this process prints its time (wall and processor) and the peak
 * resident memory seen by a sampling thread meanwhile, as one JSON line.
 */
import { Worker } from 'node:worker_threads';
import { CORE_RESOURCE_LIMITS } from '../src/host/client';
import type { Imported } from './import-run';

const [ledgerPath, password, workbook] = process.argv.slice(2);

const SAMPLER = `
const { parentPort } = require('node:worker_threads');
let peak = 0;
const timer = setInterval(() => { peak = Math.max(peak, process.memoryUsage().rss); }, 10);
parentPort.on('message', () => { clearInterval(timer); parentPort.postMessage(Math.max(peak, process.memoryUsage().rss)); });
`;

const core = new Worker(new URL('./import-worker.mjs', import.meta.url), {
  workerData: { ledgerPath, password, workbook },
  resourceLimits: CORE_RESOURCE_LIMITS,
});
const answer = <T>(): Promise<T> =>
  new Promise((resolve, reject) => {
    core.once('message', resolve);
    core.once('error', reject);
  });
// The ledger is opened (its key derived) before the sampling starts: the import's memory is measured, as before the worker.
await answer<'opened'>();
const sampler = new Worker(SAMPLER, { eval: true });
const answered = answer<Imported>();
core.postMessage('go');
const imported = await answered;
const peak = await new Promise<number>((resolve) => {
  sampler.once('message', resolve);
  sampler.postMessage('stop');
});
await Promise.all([sampler.terminate(), core.terminate()]);
process.stdout.write(`${JSON.stringify({ ...imported, peakMb: peak / 1024 / 1024 })}\n`);
