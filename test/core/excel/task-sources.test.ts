import { join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { listAudit } from '../../../src/core/audit/audit-log';
import type { Ledger } from '../../../src/core/ledger';
import { addTask, addUnits } from '../../helpers/domain';
import { ledgerFactory } from '../../helpers/ledger';
import { failure, unwrap } from '../../helpers/result';
import { useTempDir } from '../../helpers/temp';
import { WORKBOOKS } from '../../helpers/workbooks';

vi.mock('../../../src/core/storage/kdf', async () => (await import('../../helpers/fast-kdf')).memoisedKdf());

/**
 * Sources after the fact (issue 9, point 10): tasks imported before their 督察来源 existed are
 * assigned to it in bulk, and a feedback list imported again with its source chosen finds them by
 * number and problem instead of adding them a second time; a preview that would duplicate tasks says so.
 */
const newLedger = ledgerFactory(useTempDir());
let ledger: Ledger;
afterEach(() => ledger?.close());

const TASKS = { path: join(WORKBOOKS, 'rectification-tasks.xlsx') };
const UNITS = { path: join(WORKBOOKS, 'units.xlsx') };
/** 各盟市人民政府（行政公署） names every 盟市: a group of them. */
const NEW_UNIT = { '各盟市人民政府（行政公署）': { action: 'createGroup' as const, members: { by: 'kind' as const, kind: 'city' as const } } };
const SOURCE = { name: '第二轮第六批中央生态环境保护督察', batch: '第六批', feedbackDate: '2023-06-12' };

/** The samples imported as an office would before it had entered the inspection, then the inspection entered. */
async function importedWithoutSource() {
  ledger = await newLedger();
  unwrap(await ledger.exchange.imports.importFile(UNITS, {}, false));
  unwrap(await ledger.exchange.imports.importFile(TASKS, { units: NEW_UNIT }, false));
  return unwrap(ledger.inspections.create(SOURCE));
}

const allTasks = () => unwrap(ledger.tasks.list({ limit: 1000 })).rows;
const measuresOf = (inspectionId: number | null) => ledger.measures.list().filter((m) => m.inspectionId === inspectionId);

describe('assigning tasks to a source', () => {
  it('moves the tasks, their sub-tasks and their measures without a source, each change audited', async () => {
    const source = await importedWithoutSource();
    const measures = measuresOf(null).length;
    expect(measures).toBeGreaterThan(0);
    const [first, second] = allTasks();
    const sub = addTask(ledger, '1.1', first!.leadUnits[0]!.id, { parentId: first!.id });
    expect(unwrap(ledger.tasks.assignSource({ taskIds: [first!.id, second!.id], inspectionId: source.id }))).toEqual({ tasks: 3 });
    expect(
      allTasks()
        .filter((t) => t.inspectionId === source.id)
        .map((t) => t.id)
        .sort(),
    ).toEqual([first!.id, second!.id, sub.id].sort());
    const moved = measuresOf(source.id);
    expect(moved.length).toBeGreaterThan(0);
    expect(moved.every((m) => m.taskIds.some((id) => id === first!.id || id === second!.id))).toBe(true);
    const [change] = listAudit(ledger.context.db, { entity: 'task', entityId: first!.id });
    expect(change).toMatchObject({ action: 'update', before: { inspectionId: null }, after: { inspectionId: source.id } });
  });

  it('refuses, changing nothing, when the source already has a task of the same number', async () => {
    const source = await importedWithoutSource();
    const units = addUnits(ledger, ['自治区审计厅']);
    addTask(ledger, '1', units['自治区审计厅']!, { inspectionId: source.id });
    const ids = allTasks()
      .filter((t) => t.inspectionId === null)
      .map((t) => t.id);
    expect(failure(ledger.tasks.assignSource({ taskIds: ids, inspectionId: source.id }))).toEqual({
      code: 'tasks.number_in_source',
      params: { number: '1', source: SOURCE.name },
    });
    expect(allTasks().filter((t) => t.inspectionId === null)).toHaveLength(14);
  });
});

describe('importing a feedback list again with its source chosen', () => {
  it('after the tasks were assigned: nothing new, nothing duplicated', async () => {
    const source = await importedWithoutSource();
    unwrap(ledger.tasks.assignSource({ taskIds: allTasks().map((t) => t.id), inspectionId: source.id }));
    const preview = unwrap(await ledger.exchange.imports.preview(TASKS, { inspectionId: source.id }));
    expect(preview.counts).toMatchObject({ create: 0, update: 0, unchanged: 14, error: 0 });
    expect(preview.matches).toEqual([]);
  });

  it('before they were assigned: matches them by number and problem, takes them into the source, adds no task and no measure', async () => {
    const source = await importedWithoutSource();
    const measures = ledger.measures.list().length;
    const preview = unwrap(await ledger.exchange.imports.preview(TASKS, { inspectionId: source.id }));
    expect(preview.counts).toMatchObject({ create: 0, update: 14, error: 0 });
    expect(preview.matches).toEqual([{ how: 'adopted', inspectionId: source.id, source: SOURCE.name, rows: 14 }]);
    expect(preview.rows.find((r) => r.key === '3')!.changes).toEqual([{ field: 'inspection', before: { t: 'empty' }, after: { t: 'text', v: SOURCE.name } }]);
    expect(unwrap(ledger.exchange.imports.apply(preview.importId))).toMatchObject({ created: 0, updated: 14 });
    expect(allTasks()).toHaveLength(14);
    expect(allTasks().every((t) => t.inspectionId === source.id)).toBe(true);
    expect(ledger.measures.list()).toHaveLength(measures);
    expect(measuresOf(null)).toEqual([]);
  });

  it('a task of the same number but another problem is not taken for it', async () => {
    const source = await importedWithoutSource();
    const three = allTasks().find((t) => t.number === '3')!;
    unwrap(ledger.tasks.update(three.id, { ...unwrap(ledger.tasks.get(three.id)), problem: '另一个问题' }));
    const preview = unwrap(await ledger.exchange.imports.preview(TASKS, { inspectionId: source.id }));
    expect(preview.counts).toMatchObject({ create: 1, update: 13 });
  });
});

describe('a preview that would duplicate tasks', () => {
  it('says how many rows look like tasks of which source, and that they would be added again', async () => {
    const source = await importedWithoutSource();
    unwrap(ledger.tasks.assignSource({ taskIds: allTasks().map((t) => t.id), inspectionId: source.id }));
    const preview = unwrap(await ledger.exchange.imports.preview(TASKS));
    expect(preview.counts).toMatchObject({ create: 14, warning: 14 });
    expect(preview.matches).toEqual([{ how: 'lookalike', inspectionId: source.id, source: SOURCE.name, rows: 14 }]);
    expect(preview.rows.find((r) => r.key === '3')!.issues).toEqual([
      { severity: 'warning', code: 'looks_like_existing', params: { number: '3', source: SOURCE.name } },
    ]);
  });
});
