import { join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { Ledger } from '../../../src/core/ledger';
import { countAudit } from '../../../src/core/audit/audit-log';
import { ledgerFactory } from '../../helpers/ledger';
import { unwrap } from '../../helpers/result';
import { useTempDir } from '../../helpers/temp';
import { WORKBOOKS } from '../../helpers/workbooks';

vi.mock('../../../src/core/storage/kdf', async () => (await import('../../helpers/fast-kdf')).memoisedKdf());

const sample = (name: string) => ({ path: join(WORKBOOKS, name) });
const newLedger = ledgerFactory(useTempDir());
let ledger: Ledger;
afterEach(() => ledger?.close());

/** The units sample, then the tasks sample with its one unit not in the units sample created. */
async function importTaskSample(l: Ledger) {
  unwrap(await l.exchange.imports.importFile(sample('units.xlsx'), {}, false));
  return unwrap(
    await l.exchange.imports.importFile(
      sample('rectification-tasks.xlsx'),
      {
        units: { '各盟市人民政府（行政公署）': { action: 'createGroup', members: { by: 'kind', kind: 'city' } } },
      },
      false,
    ),
  );
}

describe('the sample workbooks, as LibreOffice wrote them', () => {
  it('units.xlsx: 13 units with their kinds and contacts', async () => {
    ledger = await newLedger();
    const { preview, result } = unwrap(await ledger.exchange.imports.importFile(sample('units.xlsx'), {}, false));
    expect(preview).toMatchObject({ kind: 'units', sheet: '单位名录', headerRows: [1] });
    expect(preview.counts).toMatchObject({ create: 13, update: 0, error: 0, skip: 0 });
    expect(result).toMatchObject({ created: 13 });
    const units = ledger.units.list();
    expect(units).toHaveLength(13);
    expect(units.find((u) => u.name === '青山盟行政公署')).toMatchObject({ kind: 'city', contacts: [{ name: '何振华', phone: '0482-5110005' }] });
    expect(units.find((u) => u.name === '自治区生态环境厅')).toMatchObject({ kind: 'supervised', address: '呼和浩特市新华大街124号' });
  });

  it('rectification-tasks.xlsx: a collective name waits for its group, the members of all 盟市 offered', async () => {
    ledger = await newLedger();
    unwrap(await ledger.exchange.imports.importFile(sample('units.xlsx'), {}, false));
    const preview = unwrap(await ledger.exchange.imports.preview(sample('rectification-tasks.xlsx')));
    expect(preview).toMatchObject({ kind: 'tasks', sheet: '整改任务清单', headerRows: [3], missingFields: [] });
    expect(preview.counts).toMatchObject({ create: 13, error: 1, skip: 0 });
    const unresolved = preview.units.find((u) => u.match === null)!;
    expect(unresolved).toMatchObject({
      name: '各盟市人民政府（行政公署）',
      rows: 1,
      decision: null,
      collective: true,
      suggestedMembers: { by: 'kind', kind: 'city' },
    });
    expect(preview.rows.find((r) => r.key === '14')).toMatchObject({
      action: 'error',
      issues: [{ code: 'unknown_group', field: 'leadUnits', params: { name: '各盟市人民政府（行政公署）' } }],
    });
    expect(unwrap(ledger.tasks.list()).total).toBe(0);
  });

  it('rectification-tasks.xlsx: the 14 tasks with their deadlines as written, measures shared, units by name', async () => {
    ledger = await newLedger();
    const { preview, result } = await importTaskSample(ledger);
    expect(result).toMatchObject({ created: 14, errors: 0, unitsCreated: 0 });
    expect(preview.newGroups).toEqual([{ name: '各盟市人民政府（行政公署）', members: { by: 'kind', kind: 'city' } }]);
    const tasks = unwrap(ledger.tasks.list({ limit: 100 })).rows;
    expect(tasks.map((t) => t.number)).toEqual(['1', '2', '3', '4', '5', '6', '7', '8', '9', '10', '11', '12', '13', '14']);
    const deadline = (n: string) => tasks.find((t) => t.number === n)!.deadline;
    expect(deadline('1')).toEqual({ kind: 'date', date: '2024-06-30' });
    expect(deadline('2')).toEqual({ kind: 'date', date: '2023-12-31' });
    expect(deadline('3')).toEqual({ kind: 'date', date: '2024-12-31' });
    expect(deadline('4')).toEqual({ kind: 'ongoing' });
    expect(deadline('5')).toEqual({ kind: 'date', date: '2025-12-31' });
    expect(deadline('6')).toEqual({ kind: 'date', date: '2024-09-30' });
    expect(deadline('8')).toEqual({ kind: 'ongoing' });
    expect(deadline('9')).toEqual({ kind: 'date', date: '2024-06-30' });
    expect(deadline('10')).toEqual({ kind: 'immediate' });
    expect(preview.rows.find((r) => r.key === '8')!.issues).toEqual([{ severity: 'warning', code: 'deadline_immediate_and_ongoing', field: 'deadline' }]);
    expect(tasks.map((t) => t.status)).toEqual([
      'pending',
      'pending',
      'in_progress',
      'in_progress',
      'pending',
      'in_progress',
      'completed',
      'in_progress',
      'in_progress',
      'pending',
      'in_progress',
      'pending',
      'in_progress',
      'in_progress',
    ]);
    const first = unwrap(ledger.tasks.get(tasks[0]!.id));
    const unitName = (id: number) => unwrap(ledger.units.get(id)).name;
    expect(first.leadUnitIds.map(unitName)).toEqual(['东川市人民政府']);
    expect(first.cooperatingUnitIds.map(unitName)).toEqual(['自治区住房和城乡建设厅']);
    expect(first.measureIds).toHaveLength(3);
    // Six measures, each named in several tasks, are kept once and shared.
    expect(ledger.measures.list()).toHaveLength(6);
    expect(ledger.measures.list().every((m) => m.taskIds.length > 1)).toBe(true);
  });

  it('imports the same file again without a duplicate: every row unchanged, nothing written', async () => {
    ledger = await newLedger();
    await importTaskSample(ledger);
    const audit = countAudit(ledger.context.db);
    const journal = ledger.store.info().journalRecords;
    const again = unwrap(await ledger.exchange.imports.importFile(sample('rectification-tasks.xlsx'), {}, false));
    expect(again.preview.counts).toMatchObject({ create: 0, update: 0, unchanged: 14, error: 0 });
    expect(unwrap(ledger.tasks.list()).total).toBe(14);
    expect(ledger.measures.list()).toHaveLength(6);
    expect(countAudit(ledger.context.db)).toBe(audit);
    expect(ledger.store.info().journalRecords).toBe(journal);
    const units = unwrap(await ledger.exchange.imports.importFile(sample('units.xlsx'), {}, false));
    expect(units.preview.counts).toMatchObject({ create: 0, update: 0, unchanged: 13 });
  });

  it('petitions-120.xlsx: 120 cases under a two-level header, the 合计 row passed over, its sums matching', async () => {
    ledger = await newLedger();
    unwrap(await ledger.exchange.imports.importFile(sample('units.xlsx'), {}, false));
    const preview = unwrap(await ledger.exchange.imports.preview(sample('petitions-120.xlsx')));
    expect(preview).toMatchObject({ kind: 'petitions', sheet: '信访件台账', headerRows: [2, 3], missingFields: [] });
    expect(preview.columns.filter((c) => c.label.startsWith('责任追究情况')).map((c) => [c.label, c.field])).toEqual([
      ['责任追究情况/问责人数', 'personsHeldAccountable'],
      ['责任追究情况/立案处罚（家）', 'entitiesPenalized'],
    ]);
    expect(preview.counts).toMatchObject({ create: 120, error: 0, skip: 1 });
    expect(unwrap(ledger.exchange.imports.rows({ importId: preview.importId, filter: 'skip' })).rows).toEqual([
      { row: 124, action: 'skip', key: '', label: '合计 92 46', skipReason: 'total', changes: [], issues: [] },
    ]);
    expect(unwrap(ledger.exchange.imports.apply(preview.importId))).toMatchObject({ created: 120, skipped: 1 });
    const cases = unwrap(ledger.petitions.list({ limit: 1000 })).rows;
    expect(cases).toHaveLength(120);
    const sum = (field: 'personsHeldAccountable' | 'entitiesPenalized') => cases.reduce((total, c) => total + c[field], 0);
    expect([sum('personsHeldAccountable'), sum('entitiesPenalized')]).toEqual([92, 46]);
    expect(cases[0]).toMatchObject({
      receiptNumber: 'D150000202306060001',
      batch: 1,
      handedOverOn: '2023-06-06',
      subject: '西岭市红柳县瑞丰混凝土搅拌站',
      pollutionKinds: ['water'],
      truth: 'mostly_true',
      completion: 'pending',
      unitName: '西岭市人民政府',
    });
    // A date typed as text (2023年6月7日) in a column of date cells.
    expect(cases.find((c) => c.receiptNumber === 'D150000202306070007')).toMatchObject({ handedOverOn: '2023-06-07', batch: 2 });
    const again = unwrap(await ledger.exchange.imports.importFile(sample('petitions-120.xlsx'), {}, false));
    expect(again.preview.counts).toMatchObject({ create: 0, update: 0, unchanged: 120 });
  });

  it('writes a whole import as one journal record', async () => {
    ledger = await newLedger();
    const before = ledger.store.info().journalRecords;
    await importTaskSample(ledger);
    expect(ledger.store.info().journalRecords).toBe(before + 2);
  });
});
