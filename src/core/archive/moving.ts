import { ok, type Result } from '../../shared/result';
import type { Reader, Writer } from '../storage/database';
import { PETITION_SEARCH } from '../petitions/search';
import { withSearchIndexAfterDeletes } from '../storage/search-index';
import { withTasksLeaving } from '../tasks/check-stages';
import { TASK_SEARCH } from '../tasks/search';
import type { ArchiveCounts } from './model';
import { evidenceOf, MOVING_PARTS, withRound } from './scope';

/** The ids of every row that leaves the live ledger, by table, evidence first (the order they are removed in). */
export type MovingIds = Readonly<Record<string, readonly number[]>>;

const MOVING_EVIDENCE = evidenceOf(MOVING_PARTS.map((part) => ({ owner: part.owner, ids: part.moves })));

const MOVING: readonly { table: string; ids: string }[] = [
  { table: 'evidence', ids: MOVING_EVIDENCE },
  ...MOVING_PARTS.map((part) => ({ table: part.table, ids: part.moves })),
];

export function movingIdsOf(db: Reader, inspection: number): MovingIds {
  return Object.fromEntries(
    MOVING.map(({ table, ids }) => [table, db.all<{ id: number }>(withRound(`${ids} ORDER BY 1`), { inspection }).map((row) => row.id)]),
  );
}

export const countsOf = (ids: MovingIds): ArchiveCounts => Object.fromEntries(Object.entries(ids).map(([table, list]) => [table, list.length]));

/** Whether `db` holds every one of these rows (the archive, read back before the live ledger lets them go). */
export function holdsAll(db: Reader, ids: MovingIds): boolean {
  return Object.entries(ids).every(
    ([table, list]) =>
      db.get<{ n: number }>(`SELECT count(*) AS n FROM ${table} WHERE id IN (SELECT value FROM json_each(?))`, [JSON.stringify(list)])?.n === list.length,
  );
}

/** How many tasks and petition cases leave a database: a round's from the live ledger, the other rounds' from the archive's copy. */
export interface Leaving {
  readonly tasks: number;
  readonly petitionCases: number;
}

/**
 * Runs `work`, which deletes `leaving`'s tasks and cases, and every report and close-out of those
 * tasks with them (never one whose task stays): the search indexes lose the rows one by one, or are
 * built again from the rows that stay when those are few; the tasks' check stages are not worked out
 * again as their reports go.
 */
export function withRoundLeaving(writer: Writer, leaving: Leaving, work: () => Result<void>): Result<void> {
  return withSearchIndexAfterDeletes(PETITION_SEARCH, writer, leaving.petitionCases, () =>
    withSearchIndexAfterDeletes(TASK_SEARCH, writer, leaving.tasks, () => withTasksLeaving(writer, work)),
  );
}

/** Removes the rows, in an order the foreign keys allow; the links and children go with them by cascade. */
export function removeMoving(writer: Writer, ids: MovingIds): void {
  withRoundLeaving(writer, { tasks: ids.tasks?.length ?? 0, petitionCases: ids.petition_cases?.length ?? 0 }, () => {
    for (const [table, list] of Object.entries(ids))
      if (list.length > 0) writer.run(`DELETE FROM ${table} WHERE id IN (SELECT value FROM json_each(?))`, [JSON.stringify(list)]);
    return ok(undefined);
  });
}
