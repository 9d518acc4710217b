import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type { Ledger } from '../../../src/core/ledger';
import type { Reader, Writer } from '../../../src/core/storage/database';
import type { SqlParams } from '../../../src/core/storage/journal';
import type { TaskQuery } from '../../../src/core/tasks/model';
import { listTasks } from '../../../src/core/tasks/query';
import { ok } from '../../../src/shared/result';
import { edits, likeCondition, searchesIn, text } from '../../helpers/bigram-search';
import { ledgerFactory } from '../../helpers/ledger';
import { unwrap } from '../../helpers/result';
import { useTempDir } from '../../helpers/temp';

vi.mock('../../../src/core/storage/kdf', async () => (await import('../../helpers/fast-kdf')).memoisedKdf());

const newLedger = ledgerFactory(useTempDir());
let ledger: Ledger;
beforeAll(async () => {
  ledger = await newLedger();
});
afterAll(() => ledger.close());

interface Task {
  readonly number: string;
  readonly problem: string;
  readonly goal: string;
  readonly leader: string;
}

const tasks = fc.uniqueArray(fc.record({ number: text, problem: text, goal: text, leader: text }), { maxLength: 12, selector: (t) => t.number });

function insert(w: Writer, written: readonly Task[]): void {
  for (const t of written) {
    w.run(
      `INSERT INTO tasks (number, problem, goal, responsible_leader, deadline_kind, status, created_at, updated_at)
       VALUES (?, ?, ?, ?, 'ongoing', 'pending', '2026-12-01', '2026-12-01')`,
      [t.number, t.problem, t.goal, t.leader],
    );
  }
}

function edit(w: Writer, changes: readonly { at: number; problem?: string }[]): void {
  const ids = w.all<{ id: number }>('SELECT id FROM tasks ORDER BY id').map((row) => row.id);
  for (const change of changes) {
    const id = ids[change.at % Math.max(ids.length, 1)] ?? 0;
    if (change.problem === undefined) w.run('DELETE FROM tasks WHERE id = ?', [id]);
    else w.run('UPDATE tasks SET problem = ? WHERE id = ?', [change.problem, id]);
  }
}

/** What the list found before the search index: LIKE over the four columns. */
function likeSearch(search: string): number[] {
  const like = likeCondition(['number', 'problem', 'goal', 'responsible_leader'], search);
  return ledger.context.db.all<{ id: number }>(`SELECT id FROM tasks WHERE ${like.sql} ORDER BY id`, like.params).map((row) => row.id);
}

/** The plans of the statements the list runs for `query`, each line of each plan. */
function listPlans(query: TaskQuery): string[] {
  const db = ledger.context.db;
  const statements: [string, SqlParams | undefined][] = [];
  const recording: Reader = {
    all: (sql, params) => {
      statements.push([sql, params]);
      return db.all(sql, params);
    },
    get: <T>(sql: string, params?: SqlParams) => recording.all<T>(sql, params)[0],
  };
  unwrap(listTasks(recording, query));
  return statements.flatMap(([sql, params]) => db.all<{ detail: string }>(`EXPLAIN QUERY PLAN ${sql}`, params).map((row) => row.detail));
}

describe('the task search', () => {
  it('finds exactly the tasks that LIKE finds, whatever the tasks say and whatever is searched', () => {
    fc.assert(
      fc.property(
        tasks.chain((written) => fc.tuple(fc.constant(written), edits, fc.boolean(), searchesIn(written.flatMap((t) => [t.number, t.problem, t.leader])))),
        ([written, changes, apart, typed]) => {
          if (apart) unwrap(ledger.store.write((w) => ok(insert(w, written))));
          unwrap(
            ledger.store.write((w) => {
              if (!apart) insert(w, written);
              return ok(edit(w, changes));
            }),
          );
          try {
            for (const search of typed) {
              const page = unwrap(ledger.tasks.list({ search, limit: 1000 }));
              const expected = likeSearch(search.trim());
              expect(
                page.rows.map((row) => row.id).sort((a, b) => a - b),
                JSON.stringify(search),
              ).toEqual(expected);
              expect(page.total).toBe(expected.length);
            }
          } finally {
            unwrap(ledger.store.write((w) => ok(w.run('DELETE FROM tasks'))));
          }
        },
      ),
      { numRuns: 100 },
    );
    unwrap(ledger.store.write((w) => ok(w.run("INSERT INTO task_search (task_search) VALUES ('integrity-check')"))));
  });

  it('searches two characters or more in the search index, never reading every task', () => {
    for (const query of [
      { search: '排污口', statuses: ['pending', 'in_progress'], sort: 'deadline' },
      { search: '1.2', sort: 'number', descending: true },
    ] satisfies TaskQuery[]) {
      const plans = listPlans(query);
      expect(plans, JSON.stringify(query)).not.toContain('SCAN t');
      expect(plans.join('\n')).toContain('task_search');
    }
  });
});
