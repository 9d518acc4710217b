import { documentFigures } from './documents';
import { excelFigures } from './excel';
import { printFigure } from './figures';
import { storageFigures } from './storage';

/**
 * `npm run bench [-- --json] [storage|documents|excel …]`: the speed and memory figures the issues set
 * targets for; every suite, or those named.
 */
const SUITES = { storage: storageFigures, documents: documentFigures, excel: excelFigures };
const json = process.argv.includes('--json');
const named = process.argv.slice(2).filter((arg): arg is keyof typeof SUITES => arg in SUITES);
for (const name of named.length ? named : (Object.keys(SUITES) as (keyof typeof SUITES)[])) {
  for (const figure of await SUITES[name]()) printFigure(figure, json);
}
