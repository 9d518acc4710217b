import type { IsoDate, Period } from '../../shared/dates';
import { groupBy } from '../../shared/group-by';
import { sentWorkbooks } from '../excel/packages/service';
import type { Reader } from '../storage/database';
import { openTaskSql } from '../tasks/columns';
import { listUnits, unitRef } from '../units/service';
import type { DispatchLetter, DispatchOverview, DispatchWorkbook } from './model';

interface OwedRow {
  readonly unit_id: number;
  readonly owed: number;
  readonly reported: number;
  readonly through_group: number;
}

interface LetterRow {
  readonly id: number;
  readonly recipient_unit_id: number;
  readonly number: string;
  readonly title: string;
  readonly issued_on: string;
  readonly report_period: string | null;
}

/** Per unit: its open lead tasks, and how many of them have the month's report. */
function owedByUnit(db: Reader, period: Period): Map<number, OwedRow> {
  const rows = db.all<OwedRow>(
    `SELECT tu.unit_id, count(*) AS owed, max(tu.group_id IS NOT NULL) AS through_group,
       sum(EXISTS (SELECT 1 FROM progress_reports r WHERE r.task_id = tu.task_id AND r.unit_id = tu.unit_id AND r.period = $period)) AS reported
     FROM task_units tu JOIN tasks t ON t.id = tu.task_id
     WHERE tu.role = 'lead' AND ${openTaskSql('t')} GROUP BY tu.unit_id`,
    { period },
  );
  return new Map(rows.map((row) => [row.unit_id, row]));
}

/**
 * Letters not voided, issued to a unit since the month began or asking for its reports. A letter to a
 * group is filed under each member it concerns (those given its tasks through the group): the office
 * looks at a member's row to see whether it was chased, and the one letter chased each of them.
 */
function lettersByUnit(db: Reader, period: Period): Map<number, DispatchLetter[]> {
  const rows = db.all<LetterRow>(
    `SELECT d.id, coalesce(d.recipient_unit_id, tu.unit_id) AS recipient_unit_id, d.number, d.title, d.issued_on, d.report_period
     FROM documents d
       LEFT JOIN document_tasks dt ON d.recipient_group_id IS NOT NULL AND dt.document_id = d.id
       LEFT JOIN task_units tu ON tu.task_id = dt.task_id AND tu.group_id = d.recipient_group_id
     WHERE d.state <> 'voided' AND coalesce(d.recipient_unit_id, tu.unit_id) IS NOT NULL AND (d.report_period = $period OR d.issued_on >= $from)
     GROUP BY d.id, 2 ORDER BY d.issued_on, d.id`,
    { period, from: `${period}-01` },
  );
  const letterOf = (row: LetterRow): DispatchLetter => ({
    id: row.id,
    number: row.number,
    title: row.title,
    issuedOn: row.issued_on as IsoDate,
    chasesReports: row.report_period === period,
  });
  return new Map([...groupBy(rows, (row) => row.recipient_unit_id)].map(([unitId, group]) => [unitId, group.map(letterOf)]));
}

/** Per unit: the last workbook sent for the month, and when a copy of it last came back. */
function workbooksByUnit(db: Reader, period: Period): Map<number, DispatchWorkbook> {
  const byUnit = new Map<number, DispatchWorkbook>();
  for (const sent of sentWorkbooks(db, period)) {
    byUnit.set(sent.unitId, { exportedAt: sent.exportedAt, returnBy: sent.returnBy ?? null, returnedAt: sent.imports.at(-1)?.at ?? null });
  }
  return byUnit;
}

/**
 * The month in one table: every unit in the ledger's order that owes reports, was sent a workbook
 * or a letter — what it owes, what it reported, its workbook out and back, the letters it got.
 */
export function dispatchOverview(db: Reader, period: Period): DispatchOverview {
  const owed = owedByUnit(db, period);
  const letters = lettersByUnit(db, period);
  const workbooks = workbooksByUnit(db, period);
  const units = listUnits(db, { includeArchived: true })
    .filter((unit) => owed.has(unit.id) || letters.has(unit.id) || workbooks.has(unit.id))
    .map((unit) => ({
      unit: unitRef(unit),
      owed: owed.get(unit.id)?.owed ?? 0,
      reported: owed.get(unit.id)?.reported ?? 0,
      owesThroughGroup: owed.get(unit.id)?.through_group === 1,
      workbook: workbooks.get(unit.id) ?? null,
      letters: letters.get(unit.id) ?? [],
    }));
  return { period, units };
}
