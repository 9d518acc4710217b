import { join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { Ledger } from '../../../src/core/ledger';
import type { PetitionCase } from '../../../src/core/petitions/model';
import { ledgerFactory } from '../../helpers/ledger';
import { unwrap } from '../../helpers/result';
import { useTempDir } from '../../helpers/temp';
import { WORKBOOKS } from '../../helpers/workbooks';

vi.mock('../../../src/core/storage/kdf', async () => (await import('../../helpers/fast-kdf')).memoisedKdf());

/** Petition tables in the shapes governments publish them (test/fixtures/workbooks/published). */
const published = (name: string) => ({ path: join(WORKBOOKS, 'published', name) });
const newLedger = ledgerFactory(useTempDir());
let ledger: Ledger;
afterEach(() => ledger?.close());

async function importTwice(name: string, options = {}) {
  ledger = await newLedger();
  const first = unwrap(await ledger.exchange.imports.importFile(published(name), { kind: 'petitions', ...options }, false));
  const second = unwrap(await ledger.exchange.imports.importFile(published(name), { kind: 'petitions', ...options }, false));
  return { first, second };
}

const cases = (): readonly PetitionCase[] => unwrap(ledger.petitions.list({ limit: 100 })).rows;
const caseOf = (receipt: string): PetitionCase => cases().find((c) => c.receiptNumber === receipt)!;

describe('petition tables as governments publish them', () => {
  it('一览表 with 是/否, accountability as sentences and several kinds in a cell', async () => {
    const { first, second } = await importTwice('yilanbiao-shifou.xlsx');
    expect(first.preview).toMatchObject({ kind: 'petitions', headerRows: [3], missingFields: [], words: [] });
    expect(first.result).toMatchObject({ created: 5, errors: 0, skipped: 1 });
    expect(second.result).toMatchObject({ created: 0, updated: 0, unchanged: 5 });
    expect(first.preview.keying).toEqual({ by: 'column', batchOf: { batch: 3, from: 'title' } });
    expect(cases().map((c) => [c.receiptNumber, c.batch])).toEqual([
      ['2145', 3],
      ['2146', 3],
      ['2147', 3],
      ['2148', 3],
      ['2149', 3],
    ]);
    expect(caseOf('2145')).toMatchObject({
      truth: 'true',
      pollutionKinds: ['air', 'noise'],
      accountability: '对1家企业立案处罚，罚款5万元',
      entitiesPenalized: 1,
      finesYuan: 50_000,
      personsHeldAccountable: 0,
      problem: '青禾县锦程建材厂粉尘污染严重，夜间生产噪声扰民',
    });
    expect(caseOf('2146')).toMatchObject({ truth: 'true', pollutionKinds: ['water', 'solid_waste'], personsHeldAccountable: 2, accountability: '约谈2人' });
    expect(caseOf('2147')).toMatchObject({ truth: 'false', pollutionKinds: ['air'], personsHeldAccountable: 0, accountability: '无' });
    expect(caseOf('2148')).toMatchObject({ truth: 'partly_true', pollutionKinds: ['air', 'noise'], accountability: '责令整改' });
    expect(caseOf('2149')).toMatchObject({ truth: null, personsDetained: 1, extraColumns: [{ header: '是否属实', text: '正在核查' }] });
    const flagged = first.preview.rows.find((r) => r.key === '2149')!;
    expect(flagged).toMatchObject({
      action: 'create',
      issues: [{ severity: 'warning', code: 'kept_as_text', field: 'truth', params: { cell: 'G8', value: '正在核查' } }],
    });
  });

  it('a two-level header: truth inside sentences, dates with stray spaces, the accountability group', async () => {
    const { first, second } = await importTwice('shuangceng-biaotou.xlsx');
    expect(first.preview).toMatchObject({ headerRows: [3, 4], missingFields: [], words: [] });
    expect(first.result).toMatchObject({ created: 4, errors: 0 });
    expect(second.preview.rows.filter((r) => r.action === 'update')).toEqual([]);
    expect(second.result).toMatchObject({ unchanged: 4 });
    expect(caseOf('D2022100901')).toMatchObject({
      truth: 'partly_true',
      handedOverOn: '2022-10-09',
      accountability: '约谈1人',
      personsHeldAccountable: 1,
      entitiesPenalized: 1,
      finesYuan: 35_000,
      problem: '南岭化工园区（西区）夜间偷排废气，气味刺鼻',
      handling: '责令整改；立案调查',
    });
    expect(caseOf('D2022100902')).toMatchObject({
      truth: 'mostly_true',
      handedOverOn: '2022-10-09',
      pollutionKinds: ['water', 'solid_waste'],
      problem: '石桥村垃圾堆放点渗滤液外溢',
    });
    expect(caseOf('D2022100903')).toMatchObject({ truth: 'false' });
    expect(caseOf('D2022100904')).toMatchObject({ truth: 'true', personsDetained: 2, accountability: '行政拘留2人', personsHeldAccountable: 0 });
  });

  it('no receipt numbers: section labels are not cases, the cases are keyed by batch and number', async () => {
    const { first, second } = await importTwice('fenlei-wubianhao.xlsx');
    expect(first.preview).toMatchObject({ missingFields: [], keying: { by: 'batch_and_ordinal', batch: 5, from: 'title' } });
    expect(first.preview.rows.filter((r) => r.action === 'skip').map((r) => [r.label, r.skipReason])).toEqual([
      ['来电', 'section'],
      ['来信', 'section'],
      ['网络举报', 'section'],
    ]);
    expect(first.result).toMatchObject({ created: 5, errors: 0 });
    expect(second.result).toMatchObject({ created: 0, unchanged: 5 });
    expect(cases().map((c) => [c.receiptNumber, c.batch])).toEqual([
      ['第5批-21', 5],
      ['第5批-22', 5],
      ['第5批-23', 5],
      ['第5批-24', 5],
      ['第5批-25', 5],
    ]);
    expect(caseOf('第5批-23')).toMatchObject({ truth: 'mostly_true', entitiesPenalized: 1, finesYuan: 8000 });
    expect(caseOf('第5批-24')).toMatchObject({ truth: 'true', pollutionKinds: ['air'] });
  });

  it('columns the ledger has no field for are kept with their headers, and named in the preview', async () => {
    const { first, second } = await importTwice('fujia-lie.xlsx');
    expect(first.preview.keptColumns).toEqual(['处理类别', '来源', '备注二']);
    expect(first.result).toMatchObject({ created: 3, errors: 0 });
    expect(second.result).toMatchObject({ unchanged: 3 });
    expect(caseOf('X2021-301')).toMatchObject({
      notes: '重复举报',
      extraColumns: [
        { header: '处理类别', text: '立行立改' },
        { header: '来源', text: '来电' },
        { header: '备注二', text: '已回访' },
      ],
    });
    expect(caseOf('X2021-302').extraColumns).toEqual([
      { header: '处理类别', text: '一般件' },
      { header: '来源', text: '网络' },
    ]);
  });

  it('numbers in Chinese numerals and with thousands separators, headers named otherwise, notes under the table', async () => {
    const { first, second } = await importTwice('zhongwen-shuzi.xlsx');
    expect(first.preview).toMatchObject({ missingFields: [], keptColumns: [], words: [], keying: { by: 'batch_and_ordinal', batch: 3, from: 'title' } });
    expect(first.preview.rows.filter((r) => r.action === 'skip').map((r) => r.skipReason)).toEqual(['blank', 'total', 'note']);
    expect(first.result).toMatchObject({ created: 4, errors: 0 });
    expect(second.result).toMatchObject({ created: 0, updated: 0, unchanged: 4 });
    expect(caseOf('第3批-1')).toMatchObject({ region: '松林县', pollutionKinds: ['air'], truth: 'true', completion: 'completed', personsHeldAccountable: 2 });
    expect(caseOf('第3批-1').investigation).toContain('未安装除尘设施');
    expect(caseOf('第3批-2')).toMatchObject({ truth: 'true', completion: 'stage_completed', entitiesPenalized: 3, finesYuan: 15_000 });
    expect(caseOf('第3批-3')).toMatchObject({ truth: 'false', completion: 'pending', finesYuan: 1200, accountability: '罚款1,200元' });
    expect(caseOf('第3批-4')).toMatchObject({
      truth: 'mostly_true',
      pollutionKinds: ['air', 'solid_waste'],
      personsHeldAccountable: 1,
      entitiesPenalized: 1,
      finesYuan: 30_000,
    });
  });

  it('one sheet per batch named in Chinese numerals: each sheet keys its cases by its own batch', async () => {
    ledger = await newLedger();
    const unchosen = unwrap(await ledger.exchange.imports.importFile(published('fenpi-gongzuobiao.xlsx'), { kind: 'petitions' }, true));
    expect(unchosen.preview).toMatchObject({ sheet: '第一批', otherSheets: ['第二批'] });
    const second = unwrap(await ledger.exchange.imports.importFile(published('fenpi-gongzuobiao.xlsx'), { kind: 'petitions', sheet: '第二批' }, false));
    expect(second.preview).toMatchObject({ sheet: '第二批', otherSheets: ['第一批'], keying: { by: 'batch_and_ordinal', batch: 2, from: 'sheet' } });
    expect(second.result).toMatchObject({ created: 3, errors: 0 });
    const first = unwrap(await ledger.exchange.imports.importFile(published('fenpi-gongzuobiao.xlsx'), { kind: 'petitions', sheet: '第一批' }, false));
    expect(first.result).toMatchObject({ created: 2, errors: 0 });
    expect(cases().map((c) => [c.receiptNumber, c.batch, c.completion])).toEqual([
      ['第1批-1', 1, 'completed'],
      ['第1批-2', 1, 'completed'],
      ['第2批-1', 2, 'stage_completed'],
      ['第2批-2', 2, 'pending'],
      ['第2批-3', 2, 'completed'],
    ]);
  });

  it('a cell merged down over several cases gives each of them its value', async () => {
    const { first, second } = await importTwice('hebing-xiangxia.xlsx');
    expect(first.result).toMatchObject({ created: 3, errors: 0 });
    expect(second.result).toMatchObject({ unchanged: 3 });
    expect(cases().map((c) => [c.receiptNumber, c.batch, c.region])).toEqual([
      ['Z701', 7, '平川县'],
      ['Z702', 7, '平川县'],
      ['Z703', 7, '河西区'],
    ]);
  });
});
