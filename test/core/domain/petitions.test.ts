import { afterEach, describe, expect, it, vi } from 'vitest';
import type { Ledger } from '../../../src/core/ledger';
import type { PetitionInput } from '../../../src/core/petitions/model';
import { addUnits } from '../../helpers/domain';
import { ledgerFactory } from '../../helpers/ledger';
import { failure, unwrap } from '../../helpers/result';
import { useTempDir } from '../../helpers/temp';

vi.mock('../../../src/core/storage/kdf', async () => (await import('../../helpers/fast-kdf')).memoisedKdf());

const newLedger = ledgerFactory(useTempDir());
let ledger: Ledger;
afterEach(() => ledger?.close());

const petition = (receiptNumber: string, extra: Partial<PetitionInput> = {}): PetitionInput => ({
  receiptNumber,
  batch: 1,
  handedOverOn: '2023-06-06',
  subject: '西岭市红柳县瑞丰混凝土搅拌站',
  problem: '夜间违规生产，粉尘污染周边村庄',
  region: '西岭市',
  pollutionKind: 'air',
  ...extra,
});

describe('petition cases', () => {
  it('are unique by receipt number, spaces ignored, and found by it', async () => {
    ledger = await newLedger();
    const created = unwrap(ledger.petitions.create(petition('D1500002023 0606 0001')));
    expect(created).toMatchObject({ receiptNumber: 'D150000202306060001', completion: 'pending', truth: null, personsHeldAccountable: 0 });
    expect(ledger.petitions.findByReceipt(' D150000202306060001 ')?.id).toBe(created.id);
    expect(failure(ledger.petitions.create(petition('D150000202306060001'))).fields).toEqual([{ field: 'receiptNumber', code: 'duplicate' }]);
  });

  it('say what is wrong: a completion before the hand-over, negative counts, an unknown kind or unit', async () => {
    ledger = await newLedger();
    const error = failure(
      ledger.petitions.create(
        petition('D1', { completedOn: '2023-06-01', completion: 'completed', personsHeldAccountable: -1, pollutionKind: 'smell' as never }),
      ),
    );
    expect(error.fields).toEqual(
      expect.arrayContaining([
        { field: 'personsHeldAccountable', code: 'out_of_range', params: { min: 0 } },
        { field: 'pollutionKind', code: 'invalid_choice' },
      ]),
    );
    expect(failure(ledger.petitions.create(petition('D1', { completedOn: '2023-06-01', completion: 'completed' }))).fields).toEqual([
      { field: 'completedOn', code: 'date_order', params: { date: '2023-06-01', other: '2023-06-06' } },
    ]);
    expect(failure(ledger.petitions.create(petition('D1', { unitId: 42 }))).fields).toEqual([{ field: 'unitId', code: 'unknown_reference' }]);
  });

  it('list one page at a time, filtered by unit, completion, batch and words, with the unit named', async () => {
    ledger = await newLedger();
    const u = addUnits(ledger, ['西岭市人民政府', '北原市人民政府'], 'city');
    for (let i = 1; i <= 12; i++) {
      unwrap(
        ledger.petitions.create(
          petition(`D${String(i).padStart(3, '0')}`, {
            batch: (i % 3) + 1,
            unitId: i % 2 ? u['西岭市人民政府']! : u['北原市人民政府']!,
            completion: i % 4 === 0 ? 'completed' : 'pending',
            problem: i === 7 ? '养殖粪污直排农田' : '粉尘污染',
          }),
        ),
      );
    }
    const page = unwrap(ledger.petitions.list({ limit: 5, offset: 5 }));
    expect(page.total).toBe(12);
    expect(page.rows.map((r) => r.receiptNumber)).toEqual(['D006', 'D007', 'D008', 'D009', 'D010']);
    expect(page.rows[0]!.unitName).toBe('北原市人民政府');
    expect(unwrap(ledger.petitions.list({ unitId: u['西岭市人民政府']!, completions: ['pending'] })).total).toBe(6);
    expect(unwrap(ledger.petitions.list({ completions: ['completed'] })).rows.map((r) => r.receiptNumber)).toEqual(['D004', 'D008', 'D012']);
    expect(unwrap(ledger.petitions.list({ batch: 2 })).total).toBe(4);
    expect(unwrap(ledger.petitions.list({ search: '粪污' })).rows.map((r) => r.receiptNumber)).toEqual(['D007']);
    expect(unwrap(ledger.petitions.list({ sort: 'receiptNumber', descending: true, limit: 1 })).rows[0]!.receiptNumber).toBe('D012');
  });
});
