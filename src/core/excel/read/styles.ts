import type { Budget } from './limits';
import { parseXml } from './xml';
import type { ZipPackage } from './zip';

/**
 * Which cell styles show a number as a date: Excel keeps dates as serial day numbers, and only the
 * number format (xl/styles.xml) says a cell holds one.
 */
const BUILTIN_DATE_FORMATS = new Set([
  14, 15, 16, 17, 18, 19, 20, 21, 22, 27, 28, 29, 30, 31, 32, 33, 34, 35, 36, 45, 46, 47, 50, 51, 52, 53, 54, 55, 56, 57, 58,
]);

/** A format code is a date's when it has day, month or year letters outside quotes, escapes and [colours]. */
export function isDateFormat(code: string): boolean {
  const bare = code
    .replace(/"[^"]*"/g, '')
    .replace(/\\./g, '')
    .replace(/\[[^\]]*\]/g, '')
    .toLowerCase();
  return /[ymd]|年|月|日/.test(bare.replace(/general/g, ''));
}

/** For each style index (the `s` of a cell), whether it shows a date. */
export async function readDateStyles(pkg: ZipPackage, path: string | null, budget: Budget): Promise<boolean[]> {
  if (!path || !pkg.has(path)) return [];
  const customDate = new Map<number, boolean>();
  const styles: boolean[] = [];
  let inCellXfs = false;
  await parseXml(await pkg.stream(path), {
    open(name, attributes) {
      if (name === 'numFmt' || name === 'xf') budget.spend('maxStrings');
      if (name === 'numFmt') customDate.set(Number(attributes.get('numFmtId')), isDateFormat(attributes.get('formatCode') ?? ''));
      else if (name === 'cellXfs') inCellXfs = true;
      else if (name === 'xf' && inCellXfs) {
        const id = Number(attributes.get('numFmtId') ?? 0);
        styles.push(customDate.get(id) ?? BUILTIN_DATE_FORMATS.has(id));
      }
    },
    close(name) {
      if (name === 'cellXfs') inCellXfs = false;
    },
  });
  return styles;
}
