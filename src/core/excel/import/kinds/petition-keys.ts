import { cellText } from '../../read/cells';
import { NUMBER, numberOf } from '../../values/numerals';
import type { SheetData } from '../../read/workbook';
import type { Header } from '../header';
import type { Issue, Keying } from '../model';
import type { ParsedRow } from '../rows';

/**
 * Older petition tables have no receipt numbers: their rows are numbered (序号 21, 22 …) within a
 * batch the title or the sheet names (第5批, 第三批). Such cases are keyed 第5批-21, so that importing the
 * same table again finds them.
 */
const BATCH = new RegExp(`第\\s*(${NUMBER})\\s*批`);

const batchIn = (texts: readonly string[]): number | null => {
  for (const text of texts) {
    const match = BATCH.exec(text);
    if (match) return numberOf(match[1]!);
  }
  return null;
};

/** The texts above the header: the title, a subtitle, a note. */
const titleTexts = (sheet: SheetData, header: Header): string[] =>
  sheet.rows.filter((row) => row.number < header.rows[0]!).flatMap((row) => row.cells.map(cellText));

/** The batch the user gave, else the one the title or the sheet's name states. */
function batchOfTable(sheet: SheetData, header: Header, batch: number | undefined): { batch: number; from: 'option' | 'title' | 'sheet' } | null {
  if (batch !== undefined) return { batch, from: 'option' };
  const titled = batchIn(titleTexts(sheet, header));
  if (titled !== null) return { batch: titled, from: 'title' };
  const named = batchIn([sheet.name]);
  return named !== null ? { batch: named, from: 'sheet' } : null;
}

export function petitionKeying(sheet: SheetData, header: Header, fields: ReadonlySet<string>, batch: number | undefined): Keying {
  const table = fields.has('batch') ? null : batchOfTable(sheet, header, batch);
  if (fields.has('receiptNumber') || !fields.has('ordinal')) return table ? { by: 'column', batchOf: table } : { by: 'column' };
  const keyed = (value: number | null, from: Extract<Keying, { by: 'batch_and_ordinal' }>['from']): Keying => ({
    by: 'batch_and_ordinal',
    instead: 'receiptNumber',
    batch: value,
    from,
  });
  if (batch !== undefined) return keyed(batch, 'option');
  if (fields.has('batch')) return keyed(null, 'column');
  return table ? keyed(table.batch, table.from) : keyed(null, null);
}

/** A row's receipt number (or 第N批-M) and batch, or why it has none. */
export interface RowKey {
  readonly key: string;
  readonly batch?: number;
  readonly issue?: Issue;
}

/** A row's key and batch as the keying says, or the issue that leaves it without one. */
export function rowKey(parsed: ParsedRow, keying: Keying): RowKey {
  const receipt = parsed.values.get('receiptNumber') as string | undefined;
  if (keying.by === 'column') return { key: (receipt ?? '').replace(/\s+/g, ''), ...(keying.batchOf ? { batch: keying.batchOf.batch } : {}) };
  const ordinal = parsed.values.get('ordinal') as number | undefined;
  const batch = keying.batch ?? (parsed.values.get('batch') as number | undefined);
  if (batch === undefined) return { key: '', issue: { severity: 'error', code: 'batch_needed', field: 'batch' } };
  if (ordinal === undefined) return { key: '', issue: { severity: 'error', code: 'required', field: 'ordinal' } };
  return { key: `第${batch}批-${ordinal}`, batch };
}
