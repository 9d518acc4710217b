import type { IsoDate } from '../../../shared/dates';

/**
 * A cell as the importer sees it: text, a number, a date, or nothing (read/workbook.ts makes them:
 * rich text joined, a formula by its cached result, an error value as nothing). Text is trimmed and
 * its spaces evened out: workbooks carry non-breaking and full-width spaces.
 */
export type CellValue =
  | { readonly kind: 'empty' }
  | { readonly kind: 'text'; readonly text: string }
  | { readonly kind: 'number'; readonly value: number }
  | { readonly kind: 'date'; readonly date: IsoDate };

export function cleanText(text: string): string {
  return text
    .replace(/[\u00a0\u3000\t\r]+/g, ' ')
    .replace(/ *\n */g, '\n')
    .trim();
}

/** The cell as one line of text, whatever it holds (for headers and names). */
export function cellText(value: CellValue): string {
  switch (value.kind) {
    case 'empty':
      return '';
    case 'text':
      return value.text;
    case 'number':
      return String(value.value);
    case 'date':
      return value.date;
  }
}
