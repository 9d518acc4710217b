import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { databaseBytes, LEDGER_CEILING_BYTES, LEDGER_NOTICE_BYTES } from '../../../src/core/archive/ceiling';
import { listAudit } from '../../../src/core/audit/audit-log';
import { Ledger } from '../../../src/core/ledger';
import { V19_STATS } from '../../../src/core/schema/v19-stats';
import type { Reader } from '../../../src/core/storage/database';
import { KDF_FLOOR } from '../../../src/core/storage/kdf';
import { ok } from '../../../src/shared/result';
import { addTask, addUnits } from '../../helpers/domain';
import { ledgerFactory, TEST_PASSWORD } from '../../helpers/ledger';
import { failure, unwrap } from '../../helpers/result';
import { useTempDir } from '../../helpers/temp';

vi.mock('../../../src/core/storage/kdf', async () => (await import('../../helpers/fast-kdf')).memoisedKdf());

const tempDir = useTempDir();
const newLedger = ledgerFactory(tempDir);

/**
 * Two rounds: 第一轮 finished (its task 已销号 with a sub-task 已完成, a progress report, a measure,
 * an attachment, a reminder letter naming only it, a petition case 办结 with its accountability case),
 * and 第二轮 still under way. Units, a site visit and a letter naming tasks of both rounds are shared.
 */
async function twoRounds() {
  const ledger = await newLedger();
  const units = addUnits(ledger, ['市生态环境局', '市水务局']);
  const first = unwrap(ledger.inspections.create({ name: '第一轮中央生态环境保护督察', batch: '第一批' }));
  const second = unwrap(ledger.inspections.create({ name: '第二轮中央生态环境保护督察' }));
  const measure = unwrap(ledger.measures.create({ inspectionId: first.id, number: '1', content: '开展入河排污口排查' }));
  const task = addTask(ledger, '1', units['市生态环境局']!, { inspectionId: first.id, status: 'completed', measureIds: [measure.id] });
  const sub = addTask(ledger, '1.1', units['市生态环境局']!, { inspectionId: first.id, parentId: task.id, status: 'completed', problem: '子任务：城区排污口' });
  const live = addTask(ledger, '1', units['市水务局']!, { inspectionId: second.id, problem: '黑臭水体整治滞后' });
  unwrap(ledger.progress.submit({ taskId: task.id, unitId: units['市生态环境局']!, period: '2026-10', state: 'completed', progress: '已完成整改' }));
  unwrap(ledger.evidence.add({ ownerKind: 'task', ownerId: task.id, fileName: '整改报告.pdf', bytes: Buffer.from('%PDF 整改报告') }));
  const closeOut = unwrap(ledger.closeOuts.request({ taskId: task.id, requestedOn: '2026-11-01', requestedBy: '市生态环境局' }));
  unwrap(ledger.closeOuts.check(closeOut.id, { on: '2026-11-02', by: '督察办' }));
  unwrap(ledger.closeOuts.approve(closeOut.id, { on: '2026-11-03' }));
  const remind = (recipientUnitId: number, taskIds: number[], issuedOn: string) =>
    unwrap(ledger.documents.issue({ docType: 'reminder', recipientUnitId, taskIds, issuedOn, replyDue: '2026-12-05' }));
  const only = remind(units['市生态环境局']!, [task.id], '2026-11-20');
  const both = remind(units['市水务局']!, [task.id, live.id], '2026-11-21');
  const petition = unwrap(
    ledger.petitions.create({
      receiptNumber: 'D1-001',
      problem: '某化工厂夜间偷排废水',
      unitId: units['市生态环境局']!,
      completion: 'completed',
      inspectionId: first.id,
    }),
  );
  const other = unwrap(ledger.petitions.create({ receiptNumber: 'D2-001', problem: '噪声扰民', completion: 'pending', inspectionId: second.id }));
  return { ledger, units, first, second, task, sub, live, measure, only, both, petition, other };
}

const count = (ledger: Ledger, table: string): number => ledger.store.db.get<{ n: number }>(`SELECT count(*) AS n FROM ${table}`)!.n;

/** The rows a search index holds that have the bigram (not what a list shows: what the index itself finds). */
const indexed = (ledger: Ledger, index: string, bigram: string): number =>
  ledger.store.db.get<{ n: number }>(`SELECT count(*) AS n FROM ${index} WHERE ${index} MATCH ?`, [`"${bigram}"`])!.n;

const triggersOf = (ledger: Ledger) => ledger.store.db.all("SELECT name, sql FROM sqlite_master WHERE type = 'trigger' ORDER BY name");

/** Schema 19's statements that fill the tables its triggers keep: `INSERT INTO table (columns) SELECT …`. */
const FILLS = V19_STATS.flatMap((statement) => {
  const fill = /^INSERT INTO (\w+) \(([^)]*)\) (SELECT [\s\S]*)$/.exec(statement);
  return fill ? [{ table: fill[1]!, columns: fill[2]!, select: fill[3]! }] : [];
});

const sortedRows = (db: Reader, sql: string): string[] =>
  db
    .all<Record<string, unknown>>(sql)
    .map((row) => Object.values(row).join())
    .sort();

/** The tallies and check stages as the triggers kept them… */
const derived = (db: Reader) => Object.fromEntries(FILLS.map(({ table, columns }) => [table, sortedRows(db, `SELECT ${columns} FROM ${table}`)]));
/** …and as schema 19 worked them out from the rows. */
const derivedAfresh = (db: Reader) => Object.fromEntries(FILLS.map(({ table, select }) => [table, sortedRows(db, select)]));

describe('archiving a closed round of inspection', () => {
  it('moves the round, its tasks and what concerns only them to the archive, copies what is shared, and keeps an index', async () => {
    const round = await twoRounds();
    const out = join(tempDir(), '第一轮归档.duban');
    const outcome = unwrap(await round.ledger.archive.archive({ inspectionId: round.first.id, out, password: TEST_PASSWORD, kdf: KDF_FLOOR }));
    expect(outcome.moved).toMatchObject({ tasks: 2, progress_reports: 1, close_outs: 1, evidence: 1, measures: 1, documents: 1, petition_cases: 1 });
    expect(outcome.sha256).toMatch(/^[0-9a-f]{64}$/);

    const { ledger } = round;
    expect(ledger.inspections.list().map((i) => i.name)).toEqual(['第二轮中央生态环境保护督察']);
    expect(unwrap(ledger.tasks.list()).rows.map((t) => t.problem)).toEqual(['黑臭水体整治滞后']);
    expect(unwrap(ledger.petitions.list()).rows.map((p) => p.receiptNumber)).toEqual(['D2-001']);
    expect(unwrap(ledger.documents.get(round.both.id)).id).toBe(round.both.id); // names a live task: stays
    expect(ledger.documents.get(round.only.id).ok).toBe(false);
    expect(ledger.units.list().length).toBe(2);
    const entry = listAudit(ledger.store.db, { entity: 'inspection', entityId: round.first.id })[0]!;
    expect(entry.action).toBe('delete');
    expect(entry.after).toMatchObject({ archive: '第一轮归档.duban', sha256: outcome.sha256, moved: { tasks: 2 } });
    // The change history words it: where the round went, and what moved, by table.
    const line = ledger.audit.list({ entity: 'inspection', entityId: round.first.id })[0]!;
    expect(line.changes.find((change) => change.field === 'moved')).toMatchObject({
      label: 'tasks:fields.moved',
      after: {
        t: 'list',
        v: expect.arrayContaining([
          {
            t: 'group',
            v: [
              { t: 'word', k: 'sources:archive.tables.tasks' },
              { t: 'number', v: 2 },
            ],
          },
        ]),
      },
    });
    expect(line.changes.find((change) => change.field === 'archive')).toMatchObject({
      label: 'tasks:fields.archive',
      after: { t: 'text', v: '第一轮归档.duban' },
    });
    unwrap(ledger.audit.verify());

    const archive = unwrap(await Ledger.open(out, { password: TEST_PASSWORD }));
    try {
      expect(archive.archive.mark()).toMatchObject({ inspection: '第一轮中央生态环境保护督察', source: 'ledger.duban' });
      expect(archive.inspections.list().map((i) => i.name)).toEqual(['第一轮中央生态环境保护督察']);
      expect(
        unwrap(archive.tasks.list())
          .rows.map((t) => t.number)
          .sort(),
      ).toEqual(['1', '1.1']);
      expect(unwrap(archive.petitions.list()).rows.map((p) => p.receiptNumber)).toEqual(['D1-001']);
      expect(archive.units.list().length).toBe(2);
      expect(count(archive, 'documents')).toBe(2); // the shared letter is copied
      expect(count(archive, 'progress_reports')).toBe(1);
      const [evidence] = archive.evidence.list({ kind: 'task', id: round.task.id });
      expect(unwrap(archive.evidence.content(evidence!.id)).bytes.toString()).toBe('%PDF 整改报告');
      unwrap(archive.verify());
    } finally {
      archive.close();
    }
    expect(existsSync(`${out}.backups`) ? readdirSync(`${out}.backups`) : []).toEqual([]);
  });

  it('refuses while work is open, naming it, and leaves everything in place', async () => {
    const round = await twoRounds();
    const out = join(tempDir(), '第二轮.duban');
    const refused = failure(await round.ledger.archive.archive({ inspectionId: round.second.id, out, password: TEST_PASSWORD, kdf: KDF_FLOOR }));
    expect(refused).toEqual({ code: 'archive.round_open', params: { tasks: 1, numbers: '1', petitionCases: 1 } });
    expect(existsSync(out)).toBe(false);
    expect(unwrap(round.ledger.archive.preview(round.second.id)).open).toEqual({ tasks: 1, taskNumbers: ['1'], petitionCases: 1 });
    expect(unwrap(round.ledger.tasks.list()).rows).toHaveLength(3);
  });

  it('refuses a password other than the administrator’s, and a file that is not a stray archive of the round', async () => {
    const round = await twoRounds();
    const dir = tempDir();
    expect(
      failure(await round.ledger.archive.archive({ inspectionId: round.first.id, out: join(dir, 'a.duban'), password: '不对的密码 wrong 2026' })).code,
    ).toBe('ledger.wrong_password');
    const other = join(dir, 'other.duban');
    unwrap(await Ledger.create(other, { password: TEST_PASSWORD, kdf: KDF_FLOOR })).ledger.close();
    expect(failure(await round.ledger.archive.archive({ inspectionId: round.first.id, out: other, password: TEST_PASSWORD, kdf: KDF_FLOOR })).code).toBe(
      'ledger.already_exists',
    );
    expect(round.ledger.inspections.list()).toHaveLength(2);
  });

  it('an archive refuses every change with a coded error', async () => {
    const round = await twoRounds();
    const out = join(tempDir(), 'archive.duban');
    unwrap(await round.ledger.archive.archive({ inspectionId: round.first.id, out, password: TEST_PASSWORD, kdf: KDF_FLOOR }));
    const archive = unwrap(await Ledger.open(out, { password: TEST_PASSWORD }));
    try {
      const again = join(tempDir(), 'again.duban');
      expect(failure(await archive.archive.archive({ inspectionId: round.first.id, out: again, password: TEST_PASSWORD, kdf: KDF_FLOOR })).code).toBe(
        'archive.read_only',
      );
      expect(existsSync(again)).toBe(false);
      expect(failure(archive.units.create({ name: '新单位', kind: 'resident' }))).toEqual({
        code: 'archive.read_only',
        params: { inspection: '第一轮中央生态环境保护督察' },
      });
      expect(failure(archive.tasks.update(round.task.id, { number: '9', problem: '改', deadline: { kind: 'immediate' }, leadUnitIds: [1] })).code).toBe(
        'archive.read_only',
      );
    } finally {
      archive.close();
    }
  });

  it('the live ledger’s search still finds archived tasks and petition cases, with the file they went to', async () => {
    const round = await twoRounds();
    const out = join(tempDir(), '第一轮归档.duban');
    unwrap(await round.ledger.archive.archive({ inspectionId: round.first.id, out, password: TEST_PASSWORD, kdf: KDF_FLOOR }));
    expect(round.ledger.archive.search('城区排污口')).toEqual({
      total: 1,
      items: [{ kind: 'task', number: '1.1', text: '子任务：城区排污口', unit: '市生态环境局', inspection: '第一轮中央生态环境保护督察', archivePath: out }],
    });
    expect(round.ledger.archive.search('偷排', 'petition_case').items.map((i) => [i.number, i.unit])).toEqual([['D1-001', '市生态环境局']]);
    expect(round.ledger.archive.search('偷排', 'task').total).toBe(0);
    expect(round.ledger.archive.search('黑臭').total).toBe(0); // live, not archived
  });

  it('writes the round alone into its file, not the room the other rounds took, and the file is searched as before', async () => {
    const round = await twoRounds();
    const problem = '某化工园区企业夜间偷排高浓度废水，河道发黑发臭，周边群众反映强烈。'.repeat(10);
    unwrap(
      round.ledger.context.write((tx) => {
        for (let i = 0; i < 2_000; i++)
          tx.run(
            `INSERT INTO petition_cases (receipt_number, problem, inspection_id, pollution_kinds, completion, created_at, updated_at)
             VALUES (?, ?, ?, '["water"]', 'pending', '2026-12-01', '2026-12-01')`,
            [`D2-${i + 2}`, problem, round.second.id],
          );
        return ok(undefined);
      }),
    );
    const out = join(tempDir(), '第一轮归档.duban');
    unwrap(await round.ledger.archive.archive({ inspectionId: round.first.id, out, password: TEST_PASSWORD, kdf: KDF_FLOOR }));

    const archive = unwrap(await Ledger.open(out, { password: TEST_PASSWORD }));
    try {
      expect(archive.store.db.get<{ freelist_count: number }>('PRAGMA freelist_count')!.freelist_count).toBe(0);
      // The live ledger's 2,000 cases of the second round made up most of it.
      expect(databaseBytes(archive.store.db)).toBeLessThan(databaseBytes(round.ledger.store.db) / 2);
      // Its search indexes were built again from the round's rows: they hold no other round's.
      const found = unwrap(archive.petitions.list({ search: '偷排废水' }));
      expect([found.total, found.rows.map((p) => p.receiptNumber)]).toEqual([1, ['D1-001']]);
      expect(indexed(archive, 'petition_search', '偷排')).toBe(1);
      expect(unwrap(archive.tasks.list({ search: '黑臭' })).total).toBe(0);
      expect(triggersOf(archive)).toEqual(triggersOf(round.ledger));
    } finally {
      archive.close();
    }
  });

  it('leaves the tallies and check stages as worked out afresh, in the live ledger and in the archive, and the triggers as they were', async () => {
    const round = await twoRounds();
    const { ledger, units } = round;
    // Both rounds' tasks have reports; the second round's leaves the archive's copy with its own.
    unwrap(ledger.progress.submit({ taskId: round.live.id, unitId: units['市水务局']!, period: '2026-11', state: 'completed', progress: '已完成清淤' }));
    unwrap(ledger.progress.submit({ taskId: round.task.id, unitId: units['市生态环境局']!, period: '2026-11', state: 'completed', progress: '已完成复查' }));
    expect(derived(ledger.store.db)).toEqual(derivedAfresh(ledger.store.db));
    // The second round's task is reported completed (its stage counts in the tallies); the first's is 销号.
    expect(ledger.store.db.all('SELECT task_id, stage FROM task_check_stages')).toEqual([{ task_id: round.live.id, stage: 'reported' }]);
    const triggers = triggersOf(ledger);
    const out = join(tempDir(), '第一轮归档.duban');
    unwrap(await ledger.archive.archive({ inspectionId: round.first.id, out, password: TEST_PASSWORD, kdf: KDF_FLOOR }));

    expect(derived(ledger.store.db)).toEqual(derivedAfresh(ledger.store.db));
    expect(derived(ledger.store.db).task_tally).not.toEqual([]);
    expect(triggersOf(ledger)).toEqual(triggers);
    const archive = unwrap(await Ledger.open(out, { password: TEST_PASSWORD }));
    try {
      expect(derived(archive.store.db)).toEqual(derivedAfresh(archive.store.db));
      expect(count(archive, 'task_check_stages')).toBe(0);
      expect(derived(archive.store.db).report_tally).toEqual([
        ['2026-10', units['市生态环境局'], 'completed', 1].join(),
        ['2026-11', units['市生态环境局'], 'completed', 1].join(),
      ]);
      expect(triggersOf(archive)).toEqual(triggers);
    } finally {
      archive.close();
    }
  });

  // The round most of the ledger (its index built again from the rows that stay), then a little of it (its rows taken out one by one).
  it.each([
    { leaving: 40, staying: 3, tasksStaying: 0 },
    { leaving: 3, staying: 40, tasksStaying: 8 },
  ])('leaves a search index that finds what stays and nothing that left: $leaving cases leave, $staying stay', async ({ leaving, staying, tasksStaying }) => {
    const round = await twoRounds();
    const { ledger, units } = round;
    const cases = (inspectionId: number, problem: string, count: number, prefix: string) =>
      ledger.context.write((tx) => {
        for (let i = 0; i < count; i++)
          tx.run(
            `INSERT INTO petition_cases (receipt_number, problem, inspection_id, pollution_kinds, completion, created_at, updated_at)
             VALUES (?, ?, ?, '["water"]', 'completed', '2026-12-01', '2026-12-01')`,
            [`${prefix}-${i + 2}`, problem, inspectionId],
          );
        return ok(undefined);
      });
    unwrap(cases(round.first.id, '化工厂夜间偷排废水', leaving - 1, 'D1'));
    unwrap(cases(round.second.id, '餐馆油烟扰民', staying - 1, 'D2'));
    for (let i = 0; i < tasksStaying; i++) addTask(ledger, `${i + 2}`, units['市水务局']!, { inspectionId: round.second.id, problem: '黑臭水体整治滞后' });
    const triggers = triggersOf(ledger);
    const out = join(tempDir(), '第一轮归档.duban');
    unwrap(await ledger.archive.archive({ inspectionId: round.first.id, out, password: TEST_PASSWORD, kdf: KDF_FLOOR }));

    expect(unwrap(ledger.petitions.list({ search: '偷排' })).total).toBe(0);
    expect(unwrap(ledger.petitions.list({ search: '油烟' })).total).toBe(staying - 1);
    expect(unwrap(ledger.tasks.list({ search: '排污口' })).total).toBe(0);
    expect(unwrap(ledger.tasks.list({ search: '黑臭' })).total).toBe(tasksStaying + 1);
    expect([indexed(ledger, 'petition_search', '偷排'), indexed(ledger, 'petition_search', '油烟'), indexed(ledger, 'task_search', '黑臭')]).toEqual([
      0,
      staying - 1,
      tasksStaying + 1,
    ]);
    for (const index of ['petition_search', 'task_search'])
      unwrap(ledger.context.write((tx) => ok(tx.run(`INSERT INTO ${index} (${index}) VALUES ('integrity-check')`))));
    expect(triggersOf(ledger)).toEqual(triggers);

    // The archive's copy the other way round: the rows that stay in the live ledger leave it.
    const archive = unwrap(await Ledger.open(out, { password: TEST_PASSWORD }));
    try {
      expect([
        indexed(archive, 'petition_search', '偷排'),
        indexed(archive, 'petition_search', '油烟'),
        indexed(archive, 'task_search', '排污'),
        indexed(archive, 'task_search', '黑臭'),
      ]).toEqual([leaving, 0, 2, 0]); // 排污: the round's task and its sub-task
      expect(unwrap(archive.petitions.list({ search: '偷排' })).total).toBe(leaving);
      expect(triggersOf(archive)).toEqual(triggers);
    } finally {
      archive.close();
    }
  });

  it('a stray archive of the same round, left by a run that stopped, is replaced by a rerun', async () => {
    const round = await twoRounds();
    const out = join(tempDir(), 'archive.duban');
    unwrap(await round.ledger.archive.archive({ inspectionId: round.first.id, out, password: TEST_PASSWORD, kdf: KDF_FLOOR }));
    // Another copy of the live ledger from before the archive: as if that run stopped after writing the file.
    const again = await twoRounds();
    const outcome = unwrap(await again.ledger.archive.archive({ inspectionId: again.first.id, out, password: TEST_PASSWORD, kdf: KDF_FLOOR }));
    expect(outcome.moved.tasks).toBe(2);
  });
});

describe('near the ceiling', () => {
  it('measures the database in bytes, and suggests archiving past 80 % of the ceiling', async () => {
    const ledger = await newLedger();
    const before = databaseBytes(ledger.store.db);
    addTask(ledger, '1', addUnits(ledger, ['市生态环境局'])['市生态环境局']!, { problem: '很长的问题描述'.repeat(500) });
    expect(before).toBeGreaterThan(0);
    expect(databaseBytes(ledger.store.db)).toBeGreaterThan(before);
    expect(LEDGER_NOTICE_BYTES).toBe(Math.round(LEDGER_CEILING_BYTES * 0.8));
  });
});
