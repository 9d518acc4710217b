import { afterEach, describe, expect, it, vi } from 'vitest';
import type { Ledger } from '../../../src/core/ledger';
import type { PetitionInput } from '../../../src/core/petitions/model';
import type { IsoDate } from '../../../src/shared/dates';
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
  pollutionKinds: ['air'],
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
        petition('D1', { completedOn: '2023-06-01', completion: 'completed', personsHeldAccountable: -1, pollutionKinds: ['smell' as never] }),
      ),
    );
    expect(error.fields).toEqual(
      expect.arrayContaining([
        { field: 'personsHeldAccountable', code: 'out_of_range', params: { min: 0 } },
        { field: 'pollutionKinds.0', code: 'invalid_choice' },
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

  it('have several kinds of pollution, listed under each, and keep their accountability text and extra columns', async () => {
    ledger = await newLedger();
    const both = unwrap(ledger.petitions.create(petition('D1', { pollutionKinds: ['noise', 'air', 'noise'], accountability: '约谈2人' })));
    expect(both).toMatchObject({ pollutionKinds: ['air', 'noise'], accountability: '约谈2人', extraColumns: [] });
    unwrap(ledger.petitions.create(petition('D2', { pollutionKinds: ['water'], extraColumns: [{ header: '来源', text: '来电' }] })));
    expect(unwrap(ledger.petitions.list({ pollutionKind: 'air' })).rows.map((r) => r.receiptNumber)).toEqual(['D1']);
    expect(unwrap(ledger.petitions.list({ pollutionKind: 'noise' })).rows.map((r) => r.receiptNumber)).toEqual(['D1']);
    expect(unwrap(ledger.petitions.list({ pollutionKind: 'water' })).rows.map((r) => r.receiptNumber)).toEqual(['D2']);
    // A form that does not send the extra columns leaves them as they are.
    const updated = unwrap(ledger.petitions.update(ledger.petitions.findByReceipt('D2')!.id, petition('D2', { pollutionKinds: ['water', 'soil'] })));
    expect(updated).toMatchObject({ pollutionKinds: ['water', 'soil'], extraColumns: [{ header: '来源', text: '来电' }] });
    expect(failure(ledger.petitions.create(petition('D3', { pollutionKinds: [] }))).fields).toEqual([{ field: 'pollutionKinds', code: 'required' }]);
    const stats = ledger.stats({ asOf: '2024-06-30' as IsoDate }).petitions;
    expect(stats.byKind).toMatchObject({ air: 1, noise: 1, water: 1, soil: 1, other: 0 });
    expect(stats.total).toBe(2);
  });
});
