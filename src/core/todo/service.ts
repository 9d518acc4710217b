import { daysBetween, type IsoDate } from '../../shared/dates';
import { ok, type Result } from '../../shared/result';
import type { LedgerContext } from '../context';
import { listCloseOuts } from '../close-out/service';
import { sentWorkbooks } from '../excel/packages/service';
import type { Reader } from '../storage/database';
import { awaitingCheckIds } from '../tasks/awaiting-check';
import { taskSummaries } from '../tasks/query';
import { listUnits, unitRef } from '../units/service';
import { type CloseOutToCheck, type LateWorkbook, type Todo, TODO_SHOWN, type TodoGroup } from './model';

function lateWorkbooks(db: Reader, asOf: IsoDate): LateWorkbook[] {
  const units = new Map(listUnits(db, { includeArchived: true }).map((unit) => [unit.id, unitRef(unit)]));
  return sentWorkbooks(db)
    .filter((sent) => sent.returnBy && sent.returnBy < asOf && sent.imports.length === 0 && units.has(sent.unitId))
    .map((sent) => ({
      exportId: sent.exportId,
      unit: units.get(sent.unitId)!,
      period: sent.period,
      returnBy: sent.returnBy!,
      daysLate: daysBetween(sent.returnBy!, asOf),
    }))
    .sort((a, b) => a.returnBy.localeCompare(b.returnBy));
}

/** The first TODO_SHOWN of `all`, made into items, and how many there are. */
function groupOf<T, I>(all: readonly T[], items: (shown: readonly T[]) => readonly I[]): TodoGroup<I> {
  return { items: items(all.slice(0, TODO_SHOWN)), total: all.length };
}

function closeOutsToCheck(db: Reader): TodoGroup<CloseOutToCheck> {
  const requested = listCloseOuts(db, { states: ['requested'] }).sort((a, b) => a.requestedOn.localeCompare(b.requestedOn) || a.id - b.id);
  return groupOf(requested, (shown) => {
    const tasks = new Map(
      taskSummaries(
        db,
        shown.map((c) => c.taskId),
      ).map((task) => [task.id, task]),
    );
    return shown.map((c) => ({ closeOutId: c.id, task: tasks.get(c.taskId)!, requestedOn: c.requestedOn }));
  });
}

export function todoService(ctx: LedgerContext) {
  return {
    list(asOf: IsoDate = ctx.today()): Result<Todo> {
      const reported = awaitingCheckIds(ctx.db);
      if (!reported.ok) return reported;
      return ok({
        asOf,
        workbooks: lateWorkbooks(ctx.db, asOf),
        closeOuts: closeOutsToCheck(ctx.db),
        reportedCompleted: groupOf(reported.value, (ids) => taskSummaries(ctx.db, ids)),
      });
    },
  };
}
