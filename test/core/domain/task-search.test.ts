import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type { Ledger } from '../../../src/core/ledger';
import type { Writer } from '../../../src/core/storage/database';
import type { TaskQuery } from '../../../src/core/tasks/model';
import { listTasks } from '../../../src/core/tasks/query';
import { TASK_SEARCH } from '../../../src/core/tasks/search';
import { ok } from '../../../src/shared/result';
import { editRows, edits, likeCondition, searchesIn, text } from '../../helpers/bigram-search';
import { ledgerFactory } from '../../helpers/ledger';
import { plansOf } from '../../helpers/plans';
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

/** What the list found before the search index: LIKE over the four columns. */
function likeSearch(search: string): number[] {
  const like = likeCondition(['number', 'problem', 'goal', 'responsible_leader'], search);
  return ledger.context.db.all<{ id: number }>(`SELECT id FROM tasks WHERE ${like.sql} ORDER BY id`, like.params).map((row) => row.id);
}

/** The plans of the statements the list runs for `query`, each line of each plan. */
const listPlans = (query: TaskQuery): string[] => plansOf(ledger.context.db, (reader) => unwrap(listTasks(reader, query)));

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
              return ok(editRows(w, TASK_SEARCH, changes));
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
