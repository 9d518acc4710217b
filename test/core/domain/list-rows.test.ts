import { afterEach, describe, expect, it, vi } from 'vitest';
import type { Ledger } from '../../../src/core/ledger';
import type { PetitionInput } from '../../../src/core/petitions/model';
import { listPetitionRows } from '../../../src/core/petitions/service';
import { addTask, addUnits } from '../../helpers/domain';
import { ledgerFactory } from '../../helpers/ledger';
import { recordedReads } from '../../helpers/plans';
import { unwrap } from '../../helpers/result';
import { useTempDir } from '../../helpers/temp';

vi.mock('../../../src/core/storage/kdf', async () => (await import('../../helpers/fast-kdf')).memoisedKdf());

const newLedger = ledgerFactory(useTempDir());
let ledger: Ledger;
afterEach(() => ledger?.close());

const keys = (value: object): string[] => Object.keys(value).sort();

/**
 * A page of a list crosses the contract each time a search fires: it carries what the list shows,
 * and the page of one task or case reads the rest when it is opened.
 */
describe('a page of a list', () => {
  it('of tasks carries each lead unit’s latest report as the row shows it: its state, month and words', async () => {
    ledger = await newLedger();
    const eco = addUnits(ledger, ['生态环境厅'])['生态环境厅']!;
    const task = addTask(ledger, '1', eco, { status: 'in_progress' });
    const report = { taskId: task.id, unitId: eco, period: '2024-06', state: 'behind', progress: '提标改造主体完工', problems: '资金缺口较大' } as const;
    unwrap(ledger.progress.submit({ ...report, nextSteps: '加快验收', reporter: '张三', reportedOn: '2024-07-05' }));

    const [row] = unwrap(ledger.tasks.list()).rows;
    expect(row!.latestReports).toEqual([{ id: expect.any(Number), unitName: '生态环境厅', period: '2024-06', state: 'behind', progress: '提标改造主体完工' }]);
    expect(unwrap(ledger.tasks.get(task.id)).latestReports).toMatchObject([{ ...report, nextSteps: '加快验收', reporter: '张三', reportedOn: '2024-07-05' }]);
  });

  it('of petition cases carries the columns the list shows, not the whole case', async () => {
    ledger = await newLedger();
    const unitId = addUnits(ledger, ['西岭市人民政府'], 'city')['西岭市人民政府']!;
    const values: PetitionInput = {
      receiptNumber: 'D150000202306060001',
      batch: 3,
      handedOverOn: '2023-06-06',
      subject: '瑞丰混凝土搅拌站',
      problem: '夜间违规生产，粉尘污染周边村庄',
      region: '西岭市',
      pollutionKinds: ['air', 'noise'],
      unitId,
      investigation: '经现场核查，反映问题基本属实',
      handling: '责令停产整改',
      truth: 'true',
    };
    const created = unwrap(ledger.petitions.create(values));

    const [row] = unwrap(ledger.petitions.rows()).rows;
    expect(keys(row!)).toEqual(['batch', 'completion', 'handedOverOn', 'id', 'pollutionKinds', 'problem', 'receiptNumber', 'subject', 'truth', 'unitName']);
    expect(row).toMatchObject({
      id: created.id,
      receiptNumber: values.receiptNumber,
      pollutionKinds: ['air', 'noise'],
      unitName: '西岭市人民政府',
      completion: 'pending',
    });
    expect(unwrap(ledger.petitions.get(created.id))).toMatchObject({ investigation: values.investigation, handling: values.handling, region: '西岭市' });
  });

  it('of petition cases reads only those columns of each case, not its long texts', async () => {
    ledger = await newLedger();
    unwrap(ledger.petitions.create({ receiptNumber: 'D150000202306060002', problem: '噪声扰民', investigation: '经核查属实' }));
    const reads = recordedReads(ledger.context.db, (reader) => unwrap(listPetitionRows(reader, { search: '噪声' })));
    const page = reads.find(([sql]) => sql.includes('LIMIT $limit'));
    expect(page?.[0]).toBeDefined();
    expect(page![0]).not.toMatch(/p\.\*|investigation|handling|extra_columns/);
  });
});
