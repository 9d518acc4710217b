import { describe, expect, it } from 'vitest';
import type { CellValue } from '../../../src/core/excel/read/cells';
import type { CellRange, SheetData } from '../../../src/core/excel/read/workbook';
import { findHeader } from '../../../src/core/excel/import/header';
import { normalizeLabel } from '../../../src/core/excel/import/labels';

const KNOWN = ['序号', '受理编号', '反映问题', '责任追究情况', '问责人数', '立案处罚（家）', '责任单位', '督察反馈问题', '整改时限'].map(normalizeLabel);
const score = (texts: readonly string[]) => texts.filter((t) => KNOWN.includes(normalizeLabel(t))).length;

const cell = (value: string | number | null): CellValue =>
  value === null || value === '' ? { kind: 'empty' } : typeof value === 'number' ? { kind: 'number', value } : { kind: 'text', text: value };

function sheet(rows: (string | number | null)[][], merges: CellRange[] = []): SheetData {
  return {
    name: '表',
    state: 'visible',
    rows: rows.map((cells, i) => ({ number: i + 1, cells: cells.map(cell) })).filter((r) => r.cells.some((c) => c.kind !== 'empty')),
    merges,
    headerFooter: '',
  };
}

describe('finding the header', () => {
  it('passes over a merged title and a subtitle to the row naming the columns', () => {
    const header = findHeader(
      sheet([
        ['第二轮第六批中央生态环境保护督察反馈问题整改任务清单'],
        ['填报单位（盖章）：领导小组办公室', null, null, '填报日期：2023年6月'],
        ['序号', '督察反馈问题', '责任单位', '整改时限'],
        [1, '排污口整治滞后', '自治区生态环境厅', '2024年6月底前'],
      ]),
      score,
    );
    expect(header).toMatchObject({ rows: [3], dataStart: 3 });
    expect(header!.columns.map((c) => c.label)).toEqual(['序号', '督察反馈问题', '责任单位', '整改时限']);
  });

  it('joins a two-level header: a merged group over its sub-columns, single columns merged down', () => {
    const rows = [
      ['序号', '受理编号', '反映问题', '责任追究情况', null, '责任单位'],
      [null, null, null, '问责人数', '立案处罚（家）', null],
      [1, 'D1', '噪声扰民', 2, 0, '西岭市人民政府'],
    ];
    const merged = findHeader(
      sheet(rows, [
        { top: 1, left: 4, bottom: 1, right: 5 },
        { top: 1, left: 1, bottom: 2, right: 1 },
      ]),
      score,
    );
    expect(merged).toMatchObject({ rows: [1, 2], dataStart: 2 });
    expect(merged!.columns.map((c) => c.label)).toEqual(['序号', '受理编号', '反映问题', '责任追究情况/问责人数', '责任追究情况/立案处罚（家）', '责任单位']);
    // The same header written without merge records: the empty upper cell continues the group on its left.
    expect(findHeader(sheet(rows), score)!.columns.map((c) => c.label)).toEqual(merged!.columns.map((c) => c.label));
  });

  it('does not take the first data row for a second header level', () => {
    const header = findHeader(
      sheet([
        ['序号', '受理编号', '反映问题'],
        [1, 'D1', '噪声扰民'],
      ]),
      score,
    );
    expect(header).toMatchObject({ rows: [1], dataStart: 1 });
  });

  it('finds nothing where no row names two known columns', () => {
    expect(findHeader(sheet([['说明'], ['本表由各单位填写']]), score)).toBeNull();
  });
});
