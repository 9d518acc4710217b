import { afterEach, describe, expect, it, vi } from 'vitest';
import type { Ledger } from '../../../src/core/ledger';
import type { ImportOptions } from '../../../src/core/excel/import/model';
import { addUnits } from '../../helpers/domain';
import { ledgerFactory } from '../../helpers/ledger';
import { failure, unwrap } from '../../helpers/result';
import { useTempDir } from '../../helpers/temp';
import { sheetBytes } from '../../helpers/workbooks';

vi.mock('../../../src/core/storage/kdf', async () => (await import('../../helpers/fast-kdf')).memoisedKdf());

const newLedger = ledgerFactory(useTempDir());
let ledger: Ledger;
afterEach(() => ledger?.close());

const file = (bytes: Buffer) => ({ fileName: '单位.xlsx', bytes: new Uint8Array(bytes) });
const importUnits = async (rows: Parameters<typeof sheetBytes>[0], options: ImportOptions = { kind: 'units' }) => {
  const planned = unwrap(await ledger.exchange.imports.preview(file(await sheetBytes(rows)), options));
  unwrap(ledger.exchange.imports.apply(planned.importId));
  return planned;
};
const unitNames = () => ledger.units.list().map((u) => u.name);

describe('unit lists under the headers governments publish', () => {
  it.each(['县市(州直部门)', '行政区域', '责任单位', '单位', '部门', '单位名称'])('reads the units under %s, title and note rows above it', async (header) => {
    ledger = await newLedger();
    const planned = await importUnits([
      ['2022年度督察整改责任单位名单'],
      ['填报单位：某州督察整改办', null, '填报日期：2022年10月9日'],
      ['序号', header],
      [1, '东岭县'],
      [2, '州直部门（州生态环境局）'],
    ]);
    expect(planned.kind).toBe('units');
    expect(unitNames()).toEqual(['东岭县', '州直部门（州生态环境局）']);
  });

  it('reads a tally table whose first column is the unit, and takes no 合计 row for a unit', async () => {
    ledger = await newLedger();
    const planned = await importUnits([
      ['各县市交办件办理情况统计表'],
      ['县市', '交办件数', '办结数', '办结率'],
      ['东岭县', 12, 10, '83%'],
      ['西河市', 8, 8, '100%'],
      ['合计', 20, 18, '90%'],
    ]);
    expect(planned.rows.map((r) => [r.action, r.skipReason])).toEqual([
      ['create', undefined],
      ['create', undefined],
      ['skip', 'total'],
    ]);
    expect(unitNames()).toEqual(['东岭县', '西河市']);
  });

  it('finds the units of a tally table without being told its kind', async () => {
    ledger = await newLedger();
    const planned = await importUnits(
      [
        ['行政区域', '交办件数', '办结数'],
        ['东岭县', 3, 2],
        ['总计', 3, 2],
      ],
      {},
    );
    expect(planned.kind).toBe('units');
    expect(unitNames()).toEqual(['东岭县']);
  });

  it('writes names as one: spaces and line breaks out, brackets full-width, and a second spelling is the same unit', async () => {
    ledger = await newLedger();
    await importUnits([
      ['序号', '单位名称'],
      [1, '州直部门(州 水利局)'],
      [2, '东岭\n县'],
    ]);
    expect(unitNames()).toEqual(['东岭县', '州直部门（州水利局）']);
    const again = await importUnits([
      ['序号', '单位名称'],
      [1, '州直部门（州水利局）'],
      [2, ' 东岭县 '],
    ]);
    expect(again.counts).toMatchObject({ create: 0, unchanged: 2 });
  });

  it('with --kind units, a table without a unit column is refused naming the headers a unit list may have', async () => {
    ledger = await newLedger();
    addUnits(ledger, ['东岭县']);
    const bytes = await sheetBytes([
      ['受理编号', '反映问题', '污染类型'],
      ['D1', '噪声扰民', '噪声'],
    ]);
    const refused = failure(await ledger.exchange.imports.preview(file(bytes), { kind: 'units' }));
    expect(refused.code).toBe('excel.no_unit_table');
  });
});
