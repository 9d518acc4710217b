import { afterEach, describe, expect, it, vi } from 'vitest';
import type { Ledger } from '../../../src/core/ledger';
import { petitionInput } from '../../../src/core/petitions/model';
import { addUnits } from '../../helpers/domain';
import { ledgerFactory } from '../../helpers/ledger';
import { unwrap } from '../../helpers/result';
import { useTempDir } from '../../helpers/temp';
import { workbookBytes } from '../../helpers/workbooks';

vi.mock('../../../src/core/storage/kdf', async () => (await import('../../helpers/fast-kdf')).memoisedKdf());

const newLedger = ledgerFactory(useTempDir());
let ledger: Ledger;
afterEach(() => ledger?.close());

/**
 * A petition workbook as offices send them: a merged group over the accountability counts, a unit
 * merged down two rows, blank lines, a unit the ledger lacks, a column the ledger has no field for, a case already in the ledger, a row
 * missing its problem and a receipt number given twice.
 */
const oddWorkbook = () =>
  workbookBytes((workbook) => {
    const sheet = workbook.addWorksheet('信访件');
    sheet.addRow(['2026年第一批信访件办理情况']);
    sheet.mergeCells('A1:J1');
    sheet.addRow(['受理编号', '反映问题', '被举报对象', '污染类型', '责任单位', '责任追究情况', null, '罚款（万元）', '办结情况', '督办人']);
    sheet.addRow([null, null, null, null, null, '问责人数', '立案处罚（家）', null, null]);
    for (const column of ['A', 'B', 'C', 'D', 'E', 'H', 'I', 'J']) sheet.mergeCells(`${column}2:${column}3`);
    sheet.mergeCells('F2:G2');
    sheet.addRow(['X1 001', '夜间施工噪声扰民', '某建筑公司', '噪声', '甲市人民政府', 2, 1, 0.35, '已办结', '张三']);
    sheet.addRow(['X1002', '河道倾倒垃圾', '', '水、固废', null, null, null, null, '未办结']);
    sheet.mergeCells('E4:E5');
    sheet.addRow([]);
    sheet.addRow(['X1003', '企业偷排废气', '某化工厂', '大气', '丙县人民政府', 0, 2, 12, '阶段性办结']);
    sheet.addRow(['X1004', null, '某养殖场', '水', '甲市人民政府', null, null, null, '未办结']);
    sheet.addRow(['X1003', '重复的编号', '', '其他', '甲市人民政府', null, null, null, '未办结']);
    sheet.addRow(['X0900', '已有案件的新进展', '', '土壤', '甲市人民政府', 1, null, null, '已办结']);
    sheet.addRow([]);
  });

const rowsOf = (sql: string) => ledger.context.db.all<Record<string, unknown>>(sql);

describe('what an import writes', () => {
  it('writes the cases and the audit entries that creating and updating them one by one would', async () => {
    ledger = await newLedger({ clock: () => new Date('2026-03-02T09:30:00+08:00') });
    const units = addUnits(ledger, ['甲市人民政府']);
    unwrap(
      ledger.petitions.create({ receiptNumber: 'X0900', problem: '已有案件', pollutionKinds: ['soil'], unitId: units['甲市人民政府']!, completion: 'pending' }),
    );
    const preview = unwrap(
      await ledger.exchange.imports.preview({ fileName: '信访件.xlsx', bytes: new Uint8Array(await oddWorkbook()) }, { createUnits: true }),
    );
    expect(preview.counts).toMatchObject({ create: 3, update: 1, error: 2, skip: 1 });
    unwrap(ledger.exchange.imports.apply(preview.importId));
    expect(rowsOf('SELECT * FROM petition_cases ORDER BY id')).toMatchSnapshot('cases');
    expect(rowsOf('SELECT * FROM units ORDER BY id')).toMatchSnapshot('units');
    expect(rowsOf('SELECT id, at, actor, action, entity, entity_id, before, after FROM audit_log ORDER BY id')).toMatchSnapshot('audit');
    expect(unwrap(ledger.audit.verify()).entries).toBe(rowsOf('SELECT id FROM audit_log').length);
  });

  it('applies planned cases without validating them again or reading them back', async () => {
    ledger = await newLedger();
    addUnits(ledger, ['甲市人民政府']);
    const preview = unwrap(
      await ledger.exchange.imports.preview({ fileName: '信访件.xlsx', bytes: new Uint8Array(await oddWorkbook()) }, { createUnits: true }),
    );
    const validated = vi.spyOn(petitionInput, 'safeParse');
    const read = vi.spyOn(ledger.context.db, 'all');
    unwrap(ledger.exchange.imports.apply(preview.importId));
    expect(preview.counts.create).toBe(4);
    expect(validated).not.toHaveBeenCalled();
    expect(read.mock.calls.filter(([sql]) => sql.startsWith('SELECT * FROM petition_cases'))).toEqual([]);
    // Not even as the insert's answer: the audit's "after" is the values written, the id alone read back.
    expect(read.mock.calls.filter(([sql]) => sql.startsWith('INSERT INTO petition_cases')).map(([sql]) => sql.replace(/.* RETURNING /, ''))).toEqual([
      'id',
      'id',
      'id',
      'id',
    ]);
  });
});

describe('the round a petition workbook comes from', () => {
  it('is given to the cases it creates and updates, and kept when a later import names none', async () => {
    ledger = await newLedger();
    const units = addUnits(ledger, ['甲市人民政府']);
    const round = unwrap(ledger.inspections.create({ name: '第一轮督察' }));
    unwrap(
      ledger.petitions.create({ receiptNumber: 'X0900', problem: '已有案件', pollutionKinds: ['soil'], unitId: units['甲市人民政府']!, completion: 'pending' }),
    );
    const importOnce = async (inspectionId: number | null) => {
      const preview = unwrap(
        await ledger.exchange.imports.preview({ fileName: '信访件.xlsx', bytes: new Uint8Array(await oddWorkbook()) }, { createUnits: true, inspectionId }),
      );
      unwrap(ledger.exchange.imports.apply(preview.importId));
    };
    await importOnce(round.id);
    const rounds = () => rowsOf('SELECT receipt_number, inspection_id FROM petition_cases ORDER BY receipt_number');
    expect(rounds()).toEqual(['X0900', 'X1002', 'X1003', 'X1001'].sort().map((receipt) => ({ receipt_number: receipt, inspection_id: round.id })));
    await importOnce(null);
    expect(rounds().every((row) => row.inspection_id === round.id)).toBe(true);
  });
});
