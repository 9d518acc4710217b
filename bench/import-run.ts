/**
 * The import the bench measures, in the worker thread bench/import-child.ts starts: opens the ledger,
 * says so and waits to be told to go on, previews and applies the workbook, and answers with the time
 * (wall and processor), the cases created and the heap ceiling it ran under.
 */
import { parentPort, resourceLimits, workerData } from 'node:worker_threads';
import { Ledger } from '../src/core/ledger';

export interface Imported {
  readonly ms: number;
  readonly cpuMs: number;
  readonly created: number;
  readonly maxOldGenerationSizeMb: number | undefined;
}

const { ledgerPath, password, workbook } = workerData as { ledgerPath: string; password: string; workbook: string };

const opened = await Ledger.open(ledgerPath, { password });
if (!opened.ok) throw new Error(`cannot open the ledger: ${opened.error.code}`);
const ledger = opened.value;
// The import's memory is measured from here: the child starts sampling, then says go.
await new Promise((go) => {
  parentPort!.once('message', go);
  parentPort!.postMessage('opened');
});
const started = performance.now();
const cpu = process.cpuUsage();
const preview = await ledger.exchange.imports.preview({ path: workbook });
if (!preview.ok) throw new Error(`preview failed: ${preview.error.code}`);
const applied = ledger.exchange.imports.apply(preview.value.importId);
if (!applied.ok) throw new Error(`apply failed: ${applied.error.code}`);
const ms = performance.now() - started;
const used = process.cpuUsage(cpu);
ledger.close();
parentPort!.postMessage({
  ms,
  cpuMs: (used.user + used.system) / 1000,
  created: applied.value.created,
  maxOldGenerationSizeMb: resourceLimits.maxOldGenerationSizeMb,
} satisfies Imported);
