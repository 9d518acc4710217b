/**
 * One import measured in a process of its own, so that its peak memory is its own: opens the
 * ledger, previews and applies the workbook, and prints the time (wall and processor) and the peak
 * resident memory seen by a sampling thread meanwhile, as one JSON line.
 */
import { Worker } from 'node:worker_threads';
import { Ledger } from '../src/core/ledger';

const [ledgerPath, password, workbook] = process.argv.slice(2);

const SAMPLER = `
const { parentPort } = require('node:worker_threads');
let peak = 0;
const timer = setInterval(() => { peak = Math.max(peak, process.memoryUsage().rss); }, 10);
parentPort.on('message', () => { clearInterval(timer); parentPort.postMessage(Math.max(peak, process.memoryUsage().rss)); });
`;

const opened = await Ledger.open(ledgerPath!, { password: password! });
if (!opened.ok) throw new Error(`cannot open the ledger: ${opened.error.code}`);
const ledger = opened.value;
const sampler = new Worker(SAMPLER, { eval: true });
const started = performance.now();
const cpu = process.cpuUsage();
const preview = await ledger.exchange.imports.preview({ path: workbook! });
if (!preview.ok) throw new Error(`preview failed: ${preview.error.code}`);
const applied = ledger.exchange.imports.apply(preview.value.importId);
if (!applied.ok) throw new Error(`apply failed: ${applied.error.code}`);
const ms = performance.now() - started;
const used = process.cpuUsage(cpu);
const cpuMs = (used.user + used.system) / 1000;
const peak = await new Promise<number>((resolve) => {
  sampler.once('message', resolve);
  sampler.postMessage('stop');
});
await sampler.terminate();
process.stdout.write(`${JSON.stringify({ ms, cpuMs, peakMb: peak / 1024 / 1024, created: applied.value.created })}\n`);
ledger.close();
