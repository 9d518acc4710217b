import { documentFigures } from './documents';
import { printFigure } from './figures';
import { excelFigures } from './excel';
import { storageFigures } from './storage';

/** `npm run bench [-- --json]`: the speed and memory figures the issues set targets for. */
const json = process.argv.includes('--json');
const suites = [storageFigures, documentFigures, excelFigures];
for (const suite of suites) for (const figure of await suite()) printFigure(figure, json);
