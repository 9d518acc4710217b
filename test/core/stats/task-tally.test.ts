import fc from 'fast-check';
import { join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { seedDemo } from '../../../src/core/demo/seed';
import { Ledger } from '../../../src/core/ledger';
import { missingReports } from '../../../src/core/progress/service';
import type { TaskCounts } from '../../../src/core/stats/model';
import type { Reader } from '../../../src/core/storage/database';
import { KDF_FLOOR } from '../../../src/core/storage/kdf';
import { stagesSql } from '../../../src/core/tasks/check-stages';
import { TASK_STATUSES, type TaskInput, type TaskStatus } from '../../../src/core/tasks/model';
import type { IsoDate, Period } from '../../../src/shared/dates';
import { addUnits } from '../../helpers/domain';
import { ledgerFactory, manualClock, TEST_PASSWORD } from '../../helpers/ledger';
import { unwrap } from '../../helpers/result';
import { useTempDir } from '../../helpers/temp';
import { WORKBOOKS } from '../../helpers/workbooks';

vi.mock('../../../src/core/storage/kdf', async () => (await import('../../helpers/fast-kdf')).memoisedKdf());

const tempDir = useTempDir();
const newLedger = ledgerFactory(tempDir);
let ledger: Ledger;
afterEach(() => ledger?.close());

type GroupRow = { g: number | null; status: TaskStatus; n: number; overdue: number; reported: number };

/**
 * The task figures the old way: every top-level task read and counted, the check stages worked out
 * afresh for every task. What the dashboard's tallies and indexes must agree with, to the task.
 */
function countedTasks(db: Reader, asOf: IsoDate) {
  const held = `t.id IN (SELECT task_id FROM (${stagesSql(() => '1')}))`;
  const past = `(t.deadline_kind = 'date' AND t.deadline_date < $asOf AND t.status NOT IN ('completed', 'closed'))`;
  const rows = (group: string, join = '') =>
    db.all<GroupRow>(
      `SELECT ${group} AS g, t.status, count(*) AS n, sum(${past} AND NOT ${held}) AS overdue, sum(${held}) AS reported
       FROM tasks t ${join} WHERE t.parent_id IS NULL GROUP BY 1, 2`,
      { asOf },
    );
  const counts = (of: GroupRow[]): TaskCounts => ({
    total: of.reduce((a, r) => a + r.n, 0),
    byStatus: Object.fromEntries(TASK_STATUSES.map((s) => [s, of.filter((r) => r.status === s).reduce((a, r) => a + r.n, 0)])) as TaskCounts['byStatus'],
    overdue: of.reduce((a, r) => a + r.overdue, 0),
    reportedCompleted: of.reduce((a, r) => a + r.reported, 0),
  });
  const grouped = (of: GroupRow[]) => Object.fromEntries([...new Set(of.map((r) => r.g))].map((g) => [String(g), counts(of.filter((r) => r.g === g))]));
  const kinds = db.all<{ kind: string; n: number }>('SELECT deadline_kind AS kind, count(*) AS n FROM tasks WHERE parent_id IS NULL GROUP BY 1');
  return {
    all: counts(rows('0')),
    byDeadlineKind: Object.fromEntries(kinds.map((k) => [k.kind, k.n])),
    bySource: grouped(rows('t.inspection_id')),
    byUnit: grouped(rows('tu.unit_id', "JOIN task_units tu ON tu.task_id = t.id AND tu.role = 'lead'")),
  };
}

const countsOf = ({ total, byStatus, overdue, reportedCompleted }: TaskCounts): TaskCounts => ({ total, byStatus, overdue, reportedCompleted });
const nonZero = (counts: Record<string, number>) => Object.fromEntries(Object.entries(counts).filter(([, n]) => n > 0));

/** The dashboard's task figures and units behind, set side by side with the ones counted the old way. */
function expectFiguresCounted(l: Ledger, asOf: IsoDate, period: Period): void {
  const db = l.context.db;
  const { tasks, units, progressByMonth } = l.stats({ asOf, period });
  const counted = countedTasks(db, asOf);
  expect(countsOf(tasks)).toEqual(counted.all);
  expect(nonZero(tasks.byDeadlineKind)).toEqual(counted.byDeadlineKind);
  expect(Object.fromEntries(tasks.bySource.map((s) => [String(s.inspection?.id ?? null), countsOf(s)]))).toEqual(counted.bySource);
  expect(Object.fromEntries(tasks.byUnit.map((u) => [String(u.unit.id), countsOf(u)]))).toEqual(counted.byUnit);
  const months = db.all<{ period: string; reports: number; units: number; behind: number }>(
    "SELECT period, count(*) AS reports, count(DISTINCT unit_id) AS units, sum(state = 'behind') AS behind FROM progress_reports GROUP BY period",
  );
  expect(progressByMonth.filter((m) => m.reports > 0)).toEqual(
    months
      .filter((m) => progressByMonth.some((shown) => shown.period === m.period))
      .map((m) => ({ period: m.period, reports: m.reports, unitsReporting: m.units, behind: m.behind })),
  );
  expect(units.notReported.map((r) => [r.unit.id, r.tasks])).toEqual(missingReports(db, period).map((r) => [r.unit.id, r.tasks.length]));
  // The stages kept beside the tasks are the ones worked out from the reports and close-outs, and each tally its count.
  const stages = `SELECT task_id, stage, reported_at FROM (${stagesSql(() => '1')})`;
  expect(db.all('SELECT task_id, stage, reported_at FROM task_check_stages ORDER BY task_id')).toEqual(db.all(`${stages} ORDER BY task_id`));
  const held = `t.id IN (SELECT task_id FROM (${stages}))`;
  expect(db.all('SELECT inspection_key, status, deadline_kind, held, tasks FROM task_tally ORDER BY 1, 2, 3, 4')).toEqual(
    db.all(
      `SELECT ifnull(t.inspection_id, 0) AS inspection_key, t.status, t.deadline_kind, ${held} AS held, count(*) AS tasks
       FROM tasks t WHERE t.parent_id IS NULL GROUP BY 1, 2, 3, 4 ORDER BY 1, 2, 3, 4`,
    ),
  );
  expect(db.all('SELECT unit_id, status, top_level, held, tasks FROM task_lead_tally ORDER BY 1, 2, 3, 4')).toEqual(
    db.all(
      `SELECT tu.unit_id, t.status, t.parent_id IS NULL AS top_level, ${held} AS held, count(*) AS tasks
       FROM task_units tu JOIN tasks t ON t.id = tu.task_id WHERE tu.role = 'lead' GROUP BY 1, 2, 3, 4 ORDER BY 1, 2, 3, 4`,
    ),
  );
}

const DATES = ['2026-03-31', '2026-06-30', '2026-09-30', '2026-12-31'] as const;
const PERIODS = ['2026-05', '2026-06', '2026-07'] as const;

/** One write of the many a ledger sees; indexes pick among what exists when it runs (modulo its size). */
const write = fc.oneof(
  fc.record({
    kind: fc.constant('task' as const),
    lead: fc.nat(),
    parent: fc.option(fc.nat(), { nil: undefined }),
    round: fc.option(fc.nat(), { nil: undefined }),
    status: fc.constantFrom(...TASK_STATUSES),
    date: fc.option(fc.constantFrom(...DATES), { nil: undefined }),
  }),
  fc.record({
    kind: fc.constant('change' as const),
    task: fc.nat(),
    lead: fc.nat(),
    round: fc.option(fc.nat(), { nil: undefined }),
    status: fc.constantFrom(...TASK_STATUSES),
    date: fc.option(fc.constantFrom(...DATES), { nil: undefined }),
  }),
  fc.record({ kind: fc.constant('remove' as const), task: fc.nat() }),
  fc.record({
    kind: fc.constant('report' as const),
    task: fc.nat(),
    period: fc.constantFrom(...PERIODS),
    state: fc.constantFrom('not_started', 'on_track', 'behind', 'completed', 'completed'),
  }),
  fc.record({ kind: fc.constant('closeOut' as const), task: fc.nat(), step: fc.constantFrom('request', 'check', 'approve', 'reject') }),
);
type Write = typeof write extends fc.Arbitrary<infer W> ? W : never;

/** A small ledger's world: three units, two rounds; what the writes pick from. */
async function world() {
  ledger = await newLedger({ clock: manualClock('2026-07-10T09:00:00+08:00').clock });
  const units = Object.values(addUnits(ledger, ['生态环境厅', '水利厅', '自然资源厅']));
  const rounds = ['第一轮', '第二轮'].map((name) => unwrap(ledger.inspections.create({ name, feedbackDate: '2026-01-10' })).id);
  return { units, rounds };
}

/** Closing a task (销号) needs its evidence first; it sets the task 已销号. */
function approve(l: Ledger, taskId: number, closeOutId: number): void {
  l.evidence.add({ ownerKind: 'task', ownerId: taskId, fileName: '整改报告.pdf', bytes: Buffer.from('%PDF 整改报告') });
  l.closeOuts.approve(closeOutId, { on: '2026-07-12' });
}

function apply(l: Ledger, { units, rounds }: Awaited<ReturnType<typeof world>>, w: Write, n: { task: number }): void {
  const ids = l.context.db.all<{ id: number; parent_id: number | null }>('SELECT id, parent_id FROM tasks ORDER BY id');
  const pick = <T>(list: readonly T[], i: number): T | undefined => list[i % Math.max(1, list.length)];
  const fields = (lead: number, round: number | undefined, status: TaskStatus, date: string | undefined): Omit<TaskInput, 'number'> => ({
    problem: '入河排污口排查整治进展滞后',
    leadUnitIds: [pick(units, lead)!],
    cooperatingUnitIds: [pick(units, lead + 1)!],
    inspectionId: round === undefined ? undefined : pick(rounds, round),
    status,
    deadline: date ? { kind: 'date', date } : { kind: 'ongoing' },
  });
  const task = 'task' in w ? pick(ids, w.task) : undefined;
  switch (w.kind) {
    case 'task': {
      const parent = w.parent === undefined ? undefined : pick(ids, w.parent);
      n.task += 1;
      l.tasks.create({ number: String(n.task), parentId: parent?.id, ...fields(w.lead, w.round, w.status, w.date) });
      return;
    }
    case 'change':
      if (task)
        l.tasks.update(task.id, { ...unwrap(l.tasks.get(task.id)), leadGroupIds: [], cooperatingGroupIds: [], ...fields(w.lead, w.round, w.status, w.date) });
      return;
    case 'remove':
      if (task) l.tasks.remove(task.id);
      return;
    case 'report':
      if (task) {
        const lead = unwrap(l.tasks.get(task.id)).leadUnitIds[0]!;
        l.progress.submit({ taskId: task.id, unitId: lead, period: w.period, state: w.state });
      }
      return;
    case 'closeOut': {
      if (!task) return;
      const open = l.closeOuts.list({ taskId: task.id }).find((c) => c.state === 'requested' || c.state === 'checked');
      if (w.step === 'request') l.closeOuts.request({ taskId: task.id, requestedOn: '2026-07-10' });
      else if (open && w.step === 'check') l.closeOuts.check(open.id, { on: '2026-07-11' });
      else if (open && w.step === 'approve') approve(l, task.id, open.id);
      else if (open) l.closeOuts.reject(open.id, { on: '2026-07-11', reason: '佐证材料不全' });
      return;
    }
  }
}

describe("the dashboard's task figures, kept in tallies and read through indexes", () => {
  it('equal the figures counted task by task after any sequence of writes', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(write, { minLength: 1, maxLength: 25 }), async (writes) => {
        ledger?.close();
        const made = await world();
        const n = { task: 0 };
        for (const w of writes) apply(ledger, made, w, n);
        for (const asOf of ['2026-06-30', '2026-07-01', '2027-01-01'] as IsoDate[]) expectFiguresCounted(ledger, asOf, '2026-06' as Period);
        expectFiguresCounted(ledger, '2026-07-10' as IsoDate, '2026-07' as Period);
      }),
      { numRuns: 30 },
    );
  });

  it('equal the figures counted task by task on the demo ledger', async () => {
    ledger = await newLedger({ clock: manualClock('2026-11-25T09:00:00+08:00').clock });
    unwrap(seedDemo(ledger));
    for (const asOf of ['2026-06-30', '2026-11-25', '2027-06-30'] as IsoDate[]) {
      for (const period of ['2026-10', '2026-11'] as Period[]) expectFiguresCounted(ledger, asOf, period);
    }
  });

  it('equal the figures counted task by task after the sample workbooks are imported, and imported again', async () => {
    ledger = await newLedger({ clock: manualClock('2026-11-25T09:00:00+08:00').clock });
    const sample = (name: string) => ({ path: join(WORKBOOKS, name) });
    unwrap(await ledger.exchange.imports.importFile(sample('units.xlsx'), {}, false));
    const groups = { units: { '各盟市人民政府（行政公署）': { action: 'createGroup', members: { by: 'kind', kind: 'city' } } } } as const;
    for (let round = 0; round < 2; round++) unwrap(await ledger.exchange.imports.importFile(sample('rectification-tasks.xlsx'), groups, false));
    expect(ledger.stats().tasks.total).toBe(14);
    for (const asOf of ['2024-06-30', '2026-11-25'] as IsoDate[]) expectFiguresCounted(ledger, asOf, '2026-10' as Period);
  });

  it('stay equal to the count when a finished round goes to an archive file, in the ledger and in the archive', async () => {
    const made = await world();
    const n = { task: 0 };
    for (const w of [
      { kind: 'task', lead: 0, parent: undefined, round: 0, status: 'completed', date: '2026-03-31' },
      { kind: 'task', lead: 1, parent: undefined, round: 0, status: 'completed', date: undefined },
      { kind: 'task', lead: 2, parent: undefined, round: 1, status: 'in_progress', date: '2026-06-30' },
      { kind: 'task', lead: 0, parent: 0, round: 0, status: 'completed', date: '2026-03-31' },
      { kind: 'report', task: 2, period: '2026-06', state: 'completed' },
      { kind: 'report', task: 0, period: '2026-06', state: 'completed' },
    ] satisfies Write[])
      apply(ledger, made, w, n);
    const out = join(tempDir(), 'archive.duban');
    unwrap(await ledger.archive.archive({ inspectionId: made.rounds[0]!, out, password: TEST_PASSWORD, kdf: KDF_FLOOR }));
    expectFiguresCounted(ledger, '2026-07-10' as IsoDate, '2026-06' as Period);
    expect(ledger.stats().tasks.total).toBe(1);
    const archive = unwrap(await Ledger.open(out, { password: TEST_PASSWORD }, { readOnly: true }));
    try {
      expectFiguresCounted(archive, '2026-07-10' as IsoDate, '2026-06' as Period);
      expect(archive.stats().tasks.total).toBe(2);
    } finally {
      archive.close();
    }
  });
});
