import { ceilingFigures } from './ceiling';
import { documentFigures } from './documents';
import { excelFigures } from './excel';
import type { Figure } from './figures';
import { largeFigures } from './large';
import { Bench } from './parts';
import { storageFigures } from './storage';

type Suite = (bench: Bench) => Promise<void>;
/** A suite that gives its figures at its end: printed then. */
const whole =
  (figures: () => Figure[] | Promise<Figure[]>): Suite =>
  async (bench) =>
    (await figures()).forEach(bench.report);

/**
 * `npm run bench [-- --json] [storage|documents|excel|large|ceiling …]`: the speed and memory figures
 * the issues set targets for; every suite but `ceiling` (minutes of ever larger ledgers), or those named.
 */
const SUITES = { storage: whole(storageFigures), documents: whole(documentFigures), excel: whole(excelFigures) };
const BEYOND_A_DAY = { large: largeFigures, ceiling: whole(ceilingFigures) };
const ALL = { ...SUITES, ...BEYOND_A_DAY };
const DEFAULT: (keyof typeof ALL)[] = [...(Object.keys(SUITES) as (keyof typeof SUITES)[]), 'large'];
const json = process.argv.includes('--json');
const named = process.argv.slice(2).filter((arg): arg is keyof typeof ALL => arg in ALL);
const bench = new Bench(json);
for (const name of named.length ? named : DEFAULT) await bench.part(name, () => ALL[name](bench));
if (bench.failed.length) {
  process.stderr.write(`bench: failed — ${bench.failed.join(', ')}\n`);
  process.exitCode = 1;
}
