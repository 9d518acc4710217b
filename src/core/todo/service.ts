import { daysBetween, type IsoDate, type Period } from '../../shared/dates';
import { ok, type Result } from '../../shared/result';
import type { LedgerContext } from '../context';
import { listCloseOuts } from '../close-out/service';
import { sentWorkbooks } from '../excel/packages/service';
import type { Reader } from '../storage/database';
import { awaitingCheckIds } from '../tasks/awaiting-check';
import { missingReportCounts } from '../progress/service';
import { taskSummaries } from '../tasks/query';
import { listUnits, unitRef } from '../units/service';
import { type CloseOutToCheck, type LateWorkbook, type Todo, TODO_SHOWN, type TodoGroup } from './model';

/**
 * Unit workbooks past their return date and not back, the oldest first: those of units that still owe
 * reports for the month. A unit whose reports are all in (typed in from a call, or from another
 * workbook) is not waited for, and its workbook would otherwise stay on the list for good.
 */
function lateWorkbooks(db: Reader, asOf: IsoDate): TodoGroup<LateWorkbook> {
  const units = new Map(listUnits(db, { includeArchived: true }).map((unit) => [unit.id, unitRef(unit)]));
  const owing = new Map<Period, Set<number>>();
  const stillOwes = (unitId: number, period: Period): boolean => {
    let owes = owing.get(period);
    if (!owes) owing.set(period, (owes = new Set(missingReportCounts(db, period).map((missing) => missing.unit.id))));
    return owes.has(unitId);
  };
  const late = sentWorkbooks(db)
    .filter((sent) => sent.returnBy && sent.returnBy < asOf && sent.imports.length === 0 && units.has(sent.unitId) && stillOwes(sent.unitId, sent.period))
    .map((sent) => ({
      exportId: sent.exportId,
      unit: units.get(sent.unitId)!,
      period: sent.period,
      returnBy: sent.returnBy!,
      daysLate: daysBetween(sent.returnBy!, asOf),
    }))
    .sort((a, b) => a.returnBy.localeCompare(b.returnBy));
  return groupOf(late, (shown) => shown);
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
