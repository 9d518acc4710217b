import type { CellValue } from '../read/cells';
import type { SheetData, SheetRow } from '../read/workbook';

/**
 * Published tables merge a cell down over the records it belongs to (a county over its cases, a
 * batch over the whole table); the file keeps the value in the merge's first cell only. The rows
 * from row number `from` on are given that value in every row the merge covers, so that no record
 * loses it. Merges across one row only (a section label, a note) are left as they are.
 */
export function fillMergedDown(sheet: SheetData, from: number): readonly SheetRow[] {
  const downward = sheet.merges.filter((m) => m.bottom > m.top && m.top >= from);
  if (downward.length === 0) return sheet.rows;
  const byNumber = new Map(sheet.rows.map((row) => [row.number, row]));
  const filled = new Map<number, CellValue[]>();
  for (const merge of downward) {
    const value = byNumber.get(merge.top)?.cells[merge.left - 1];
    if (value === undefined || value.kind === 'empty') continue;
    for (let number = merge.top + 1; number <= merge.bottom; number++) {
      const cells = filled.get(number) ?? [...(byNumber.get(number)?.cells ?? [])];
      while (cells.length < merge.left) cells.push({ kind: 'empty' });
      cells[merge.left - 1] = value;
      filled.set(number, cells);
    }
  }
  return sheet.rows.map((row) => {
    const cells = filled.get(row.number);
    return cells ? { ...row, cells } : row;
  });
}
