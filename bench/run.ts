import { ceilingFigures } from './ceiling';
import { documentFigures } from './documents';
import { excelFigures } from './excel';
import { printFigure } from './figures';
import { largeFigures } from './large';
import { storageFigures } from './storage';

/**
 * `npm run bench [-- --json] [storage|documents|excel|large|ceiling …]`: the speed and memory figures
 * the issues set targets for; every suite but `ceiling` (minutes of ever larger ledgers), or those named.
 */
const SUITES = { storage: storageFigures, documents: documentFigures, excel: excelFigures };
const BEYOND_A_DAY = { large: largeFigures, ceiling: ceilingFigures };
const ALL = { ...SUITES, ...BEYOND_A_DAY };
const DEFAULT: (keyof typeof ALL)[] = [...(Object.keys(SUITES) as (keyof typeof SUITES)[]), 'large'];
const json = process.argv.includes('--json');
const named = process.argv.slice(2).filter((arg): arg is keyof typeof ALL => arg in ALL);
for (const name of named.length ? named : DEFAULT) {
  for (const figure of await ALL[name]()) printFigure(figure, json);
}
