/**
 * One import measured in a process of its own, so that its peak memory is its own, and measured as
 * the desktop app runs it: the app's built core worker (out/node/core-worker.js, `npm run build`)
 * under its own limits, asked through the contract as the window asks it — open the ledger, preview
 * the workbook, apply it. Prints the time (wall and processor) and the peak resident memory seen by a
 * sampling thread meanwhile, as one JSON line.
 */
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Worker } from 'node:worker_threads';
import type { MethodName } from '../src/contract/methods';
import type { ImportPreview, ImportResult } from '../src/core/excel/import/model';
import { startCoreWorker } from '../src/host/client';

export const CORE_WORKER = join(import.meta.dirname, '..', 'out', 'node', 'core-worker.js');

const [ledgerPath, password, workbook] = process.argv.slice(2);

const SAMPLER = `
const { parentPort } = require('node:worker_threads');
let peak = 0;
const timer = setInterval(() => { peak = Math.max(peak, process.memoryUsage().rss); }, 10);
parentPort.on('message', () => { clearInterval(timer); parentPort.postMessage(Math.max(peak, process.memoryUsage().rss)); });
`;

if (!existsSync(CORE_WORKER)) throw new Error(`the app's core worker is not built (${CORE_WORKER}): run npm run build first`);
const configDir = mkdtempSync(join(tmpdir(), 'duban-bench-import-'));
const core = startCoreWorker(CORE_WORKER, configDir);
async function ask<T>(method: MethodName, ...args: unknown[]): Promise<T> {
  const answered = await core.call(method, args);
  if (!answered.ok) throw new Error(`${method} failed: ${answered.error.code}`);
  return answered.value as T;
}

// The ledger is opened (its key derived) before the sampling starts: the import's memory is measured.
await ask('session.open', { path: ledgerPath, password });
const sampler = new Worker(SAMPLER, { eval: true });
const started = performance.now();
const cpu = process.cpuUsage();
const preview = await ask<ImportPreview>('exchange.preview', { path: workbook });
const applied = await ask<ImportResult>('exchange.apply', preview.importId);
const ms = performance.now() - started;
const used = process.cpuUsage(cpu);
const peak = await new Promise<number>((resolve) => {
  sampler.once('message', resolve);
  sampler.postMessage('stop');
});
await Promise.all([sampler.terminate(), core.shutdown()]);
rmSync(configDir, { recursive: true, force: true });
process.stdout.write(`${JSON.stringify({ ms, cpuMs: (used.user + used.system) / 1000, peakMb: peak / 1024 / 1024, created: applied.created })}\n`);
