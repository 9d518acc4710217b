import { join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { Ledger } from '../../../src/core/ledger';
import { migrate } from '../../../src/core/schema/migrations';
import { KDF_FLOOR } from '../../../src/core/storage/kdf';
import { LedgerStore } from '../../../src/core/storage/store';
import { TASK_SORTS, TASK_STATUSES, taskQuery, type Deadline, type TaskSort, type TaskStatus } from '../../../src/core/tasks/model';
import { pageStatement } from '../../../src/core/tasks/query';
import { compareKeys, naturalKey } from '../../../src/shared/natural-order';
import type { IsoDate } from '../../../src/shared/dates';
import { ok } from '../../../src/shared/result';
import { addTask, addUnits } from '../../helpers/domain';
import { ledgerFactory } from '../../helpers/ledger';
import { unwrap } from '../../helpers/result';
import { useTempDir } from '../../helpers/temp';

vi.mock('../../../src/core/storage/kdf', async () => (await import('../../helpers/fast-kdf')).memoisedKdf());

const tempDir = useTempDir();
const newLedger = ledgerFactory(tempDir);
let ledger: Ledger;
afterEach(() => ledger?.close());

/** Numbers as offices write them: Chinese and bracketed headings, dotted numbers, letters, full-width digits, a blank. */
const NUMBERS = ['一、', '（二）', '(二)', '二、', '1.10', '1.9', '1.2.1', '1.2', '10', '2', '２', 'A3', 'a3', 'B', '', ' 1', '1-2', '第3项', '3'];
const DEADLINES: Deadline[] = [
  { kind: 'immediate' },
  { kind: 'date', date: '2024-06-30' as IsoDate },
  { kind: 'ongoing' },
  { kind: 'date', date: '2023-12-31' as IsoDate },
];

interface Row {
  readonly id: number;
  readonly number: string;
  readonly deadline: Deadline;
  readonly status: TaskStatus;
  readonly updatedAt: string;
}

/** The order the list had before the key was stored: every number's natural key worked out in JavaScript. */
const OLD_KEYS: Record<TaskSort, (row: Row) => string> = {
  number: (row) => naturalKey(row.number),
  deadline: (row) => (row.deadline.kind === 'immediate' ? '0' : row.deadline.kind === 'date' ? `1${row.deadline.date}` : '2'),
  status: (row) => String(TASK_STATUSES.indexOf(row.status)),
  updatedAt: (row) => row.updatedAt,
};

function oldOrder(rows: readonly Row[], sort: TaskSort, descending: boolean): number[] {
  const direction = descending ? -1 : 1;
  return rows
    .map((row) => ({ id: row.id, key: OLD_KEYS[sort](row), number: naturalKey(row.number) }))
    .sort((a, b) => direction * compareKeys(a.key, b.key) || compareKeys(a.number, b.number) || a.id - b.id)
    .map((row) => row.id);
}

/** How SQLite would run the ledger screen's page: the plan's lines. */
function planOf(l: Ledger, sort: TaskSort, descending = false): string {
  const { sql, params } = pageStatement(l.context.db, taskQuery.parse({ sort, descending }));
  return l.context.db
    .all<{ detail: string }>(`EXPLAIN QUERY PLAN ${sql}`, params)
    .map((row) => row.detail)
    .join('\n');
}

describe('the task list of 20,000 tasks', () => {
  it('keeps exactly the order it had, for every sort, both ways, over awkward numbers', async () => {
    ledger = await newLedger();
    const u = addUnits(ledger, ['生态环境厅']);
    NUMBERS.forEach((number, i) => addTask(ledger, number === '' ? '待编号' : number, u['生态环境厅']!, { deadline: DEADLINES[i % DEADLINES.length]! }));
    // A blank number cannot be typed in the form, but an old import may have left one.
    unwrap(ledger.context.write((tx) => ok(tx.run("UPDATE tasks SET number = '', number_key = '' WHERE number = '待编号'"))));
    const statuses = ['pending', 'in_progress', 'completed', 'closed', 'pending'] as const;
    unwrap(
      ledger.context.write((tx) => {
        tx.run('UPDATE tasks SET status = ?, updated_at = ? WHERE id % 5 = 0', [statuses[0], '2026-01-01T08:00:00.000+08:00']);
        tx.run('UPDATE tasks SET status = ? WHERE id % 5 = 1', [statuses[1]]);
        tx.run('UPDATE tasks SET status = ? WHERE id % 5 = 2', [statuses[2]]);
        return ok(undefined);
      }),
    );
    const all = unwrap(ledger.tasks.list({ limit: 1000 })).rows;
    const rows: Row[] = all.map((t) => ({ id: t.id, number: t.number, deadline: t.deadline, status: t.status, updatedAt: t.updatedAt }));
    for (const sort of TASK_SORTS) {
      for (const descending of [false, true]) {
        const ids = unwrap(ledger.tasks.list({ sort, descending, limit: 1000 })).rows.map((t) => t.id);
        expect(ids, `${sort}${descending ? ' descending' : ''}`).toEqual(oldOrder(rows, sort, descending));
        const second = unwrap(ledger.tasks.list({ sort, descending, limit: 5, offset: 5 }));
        expect(second.rows.map((t) => t.id)).toEqual(ids.slice(5, 10));
        expect(second.total).toBe(NUMBERS.length);
      }
    }
  });

  it("keeps each number's key as the number changes, and counts past the last page", async () => {
    ledger = await newLedger();
    const u = addUnits(ledger, ['生态环境厅']);
    const task = addTask(ledger, '1.9', u['生态环境厅']!);
    addTask(ledger, '1.2', u['生态环境厅']!);
    unwrap(ledger.tasks.update(task.id, { ...task, number: '1.10' }));
    expect(ledger.context.db.get('SELECT number_key FROM tasks WHERE id = ?', [task.id])).toEqual({ number_key: naturalKey('1.10') });
    expect(unwrap(ledger.tasks.list({})).rows.map((t) => t.number)).toEqual(['1.2', '1.10']);
    expect(unwrap(ledger.tasks.list({ offset: 10 }))).toEqual({ rows: [], total: 2 });
  });

  it('gives the numbers of a ledger written before the key their key when it is brought up to date', async () => {
    const { store } = unwrap(await LedgerStore.create(join(tempDir(), 'v15.duban'), { password: '测试用的密码 schema sixteen', kdf: KDF_FLOOR }));
    unwrap(store.write((w) => migrate(w, 15)));
    unwrap(
      store.write((w) => {
        const at = '2026-01-05T09:00:00.000+08:00';
        w.run("INSERT INTO tasks (number, problem, deadline_kind, status, created_at, updated_at) VALUES ('（１２）', '问题', 'ongoing', 'pending', ?, ?)", [
          at,
          at,
        ]);
        return migrate(w);
      }),
    );
    expect(store.db.get('SELECT number_key FROM tasks')).toEqual({ number_key: naturalKey('（１２）') });
    unwrap(store.close());
  });

  it('reads a page in number, deadline or last-change order along an index, never sorting every task', async () => {
    ledger = await newLedger();
    for (const sort of ['number', 'deadline', 'updatedAt', 'status'] as const) expect(planOf(ledger, sort), sort).not.toContain('TEMP B-TREE');
  });

  it('runs a search once, the count coming with the page', async () => {
    ledger = await newLedger();
    const u = addUnits(ledger, ['生态环境厅']);
    for (const number of ['1', '2', '3']) addTask(ledger, number, u['生态环境厅']!);
    const db = ledger.context.db;
    const searched: string[] = [];
    // Every read goes through all(), get() too.
    const all = db.all;
    const spy = (sql: string, params?: never) => {
      if (sql.includes('MATCH')) searched.push(sql);
      return all.call(db, sql, params);
    };
    Object.assign(db, { all: spy });
    const page = unwrap(ledger.tasks.list({ search: '排污口', limit: 2 }));
    Object.assign(db, { all });
    expect(page.total).toBe(3);
    expect(page.rows).toHaveLength(2);
    expect(searched).toHaveLength(1);
  });
});
