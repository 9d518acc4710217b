import type ExcelJS from 'exceljs';
import type { IsoDate } from '../../../shared/dates';
import { fromCellDate } from '../values/dates';

/**
 * A cell as the importer sees it: text, a number, a date, or nothing. Rich text is joined, a
 * formula gives its cached result, a hyperlink its text, an error value counts as nothing; text is
 * trimmed and its spaces evened out (workbooks carry non-breaking and full-width spaces).
 */
export type CellValue = { readonly kind: 'empty' } | { readonly kind: 'text'; readonly text: string } | { readonly kind: 'number'; readonly value: number } | { readonly kind: 'date'; readonly date: IsoDate };

const EMPTY: CellValue = { kind: 'empty' };

export function cleanText(text: string): string {
  return text.replace(/[\u00a0\u3000\t\r]+/g, ' ').replace(/ *\n */g, '\n').trim();
}

const textValue = (text: string): CellValue => {
  const cleaned = cleanText(text);
  return cleaned === '' ? EMPTY : { kind: 'text', text: cleaned };
};

export function readCell(raw: ExcelJS.CellValue): CellValue {
  if (raw === null || raw === undefined) return EMPTY;
  if (typeof raw === 'string') return textValue(raw);
  if (typeof raw === 'number') return Number.isFinite(raw) ? { kind: 'number', value: raw } : EMPTY;
  if (typeof raw === 'boolean') return textValue(raw ? 'TRUE' : 'FALSE');
  if (raw instanceof Date) {
    const date = fromCellDate(raw);
    return date ? { kind: 'date', date } : EMPTY;
  }
  if ('richText' in raw) return textValue(raw.richText.map((run) => run.text).join(''));
  if ('formula' in raw || 'sharedFormula' in raw) return readCell((raw as { result?: ExcelJS.CellValue }).result ?? null);
  if ('hyperlink' in raw) return readCell((raw as { text?: ExcelJS.CellValue }).text ?? null);
  if ('error' in raw) return EMPTY;
  return EMPTY;
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
