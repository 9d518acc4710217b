import { afterEach, describe, expect, it, vi } from 'vitest';
import type { SubjectInput } from '../../../src/core/accountability/model';
import type { Ledger } from '../../../src/core/ledger';
import { ledgerFactory } from '../../helpers/ledger';
import { failure, unwrap } from '../../helpers/result';
import { useTempDir } from '../../helpers/temp';

vi.mock('../../../src/core/storage/kdf', async () => (await import('../../helpers/fast-kdf')).memoisedKdf());

const newLedger = ledgerFactory(useTempDir());
let ledger: Ledger;
afterEach(() => ledger?.close());

const caseWith = (subjects: SubjectInput[]) => ({ issue: '自然保护区违规开发问题', handedOverOn: '2023-07-10', subjects });

describe('subjects held accountable', () => {
  it('receive 党纪 and 政务处分 by their kinds — one or both — and fines in 元', async () => {
    ledger = await newLedger();
    const created = unwrap(
      ledger.accountability.create(
        caseWith([
          { kind: 'person', name: '张某', position: '副局长', form: 'disciplinary', partySanction: 'serious_warning', governmentSanction: 'major_demerit' },
          { kind: 'person', name: '李某', form: 'disciplinary', governmentSanction: 'demerit' },
          { kind: 'enterprise', name: '瑞丰建材有限公司', form: 'fine', fineYuan: 200_000 },
          { kind: 'enterprise', name: '恒远矿业有限公司', form: 'fine', fineYuan: 50_000 },
          { kind: 'unit', name: '西岭市林草局', form: 'criticism' },
        ]),
      ),
    );
    expect(created.subjects.map((s) => [s.name, s.partySanction, s.governmentSanction, s.fineYuan])).toEqual([
      ['张某', 'serious_warning', 'major_demerit', null],
      ['李某', null, 'demerit', null],
      ['瑞丰建材有限公司', null, null, 200_000],
      ['恒远矿业有限公司', null, null, 50_000],
      ['西岭市林草局', null, null, null],
    ]);
    const stats = ledger.stats().accountability;
    expect(stats.finesYuan).toBe(250_000);
    expect(stats.partySanctions.serious_warning).toBe(1);
    expect(stats.governmentSanctions).toMatchObject({ major_demerit: 1, demerit: 1, expulsion: 0 });
  });

  it('say what a 处分 or a fine lacks, and refuse what does not belong to the form', async () => {
    ledger = await newLedger();
    const refused = (subject: SubjectInput) => failure(ledger.accountability.create(caseWith([subject]))).fields;
    expect(refused({ kind: 'person', name: '张某', form: 'disciplinary' })).toEqual([{ field: 'subjects.0.partySanction', code: 'required' }]);
    expect(refused({ kind: 'enterprise', name: '瑞丰公司', form: 'fine' })).toEqual([{ field: 'subjects.0.fineYuan', code: 'required' }]);
    expect(refused({ kind: 'enterprise', name: '瑞丰公司', form: 'fine', fineYuan: 0 })).toEqual([
      { field: 'subjects.0.fineYuan', code: 'out_of_range', params: { min: 1 } },
    ]);
    expect(refused({ kind: 'person', name: '张某', form: 'interview', partySanction: 'warning' })).toEqual([
      { field: 'subjects.0.partySanction', code: 'invalid' },
    ]);
    expect(refused({ kind: 'unit', name: '某局', form: 'criticism', fineYuan: 1000 })).toEqual([{ field: 'subjects.0.fineYuan', code: 'invalid' }]);
    expect(refused({ kind: 'person', name: '张某', form: 'disciplinary', partySanction: 'demotion' as never })).toEqual([
      { field: 'subjects.0.partySanction', code: 'invalid_choice' },
    ]);
  });
});
