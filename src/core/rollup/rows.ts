import type { IsoDate } from '../../shared/dates';
import type { AccountabilityState, SubjectKind } from '../accountability/model';
import type { Reader } from '../storage/database';
import { overdueSql } from '../tasks/standing';
import type { DeadlineKind, TaskStatus } from '../tasks/model';
import type { ReportAccountabilityRow, ReportTaskRow } from './model';

/** The top-level tasks behind the figures, in the order of their source and number; overdue as the statistics count it. */
export function taskRows(db: Reader, asOf: IsoDate): ReportTaskRow[] {
  const rows = db.all<{
    number: string;
    problem: string;
    source: string | null;
    leads: string | null;
    deadline_kind: DeadlineKind;
    deadline_date: IsoDate | null;
    status: TaskStatus;
    overdue: number;
  }>(
    `SELECT t.number, t.problem, i.name AS source, t.deadline_kind, t.deadline_date, t.status,
       (SELECT json_group_array(u.name) FROM task_units tu JOIN units u ON u.id = tu.unit_id WHERE tu.task_id = t.id AND tu.role = 'lead') AS leads,
       CASE WHEN ${overdueSql('t', '$asOf')} THEN 1 ELSE 0 END AS overdue
     FROM tasks t LEFT JOIN inspections i ON i.id = t.inspection_id
     WHERE t.parent_id IS NULL ORDER BY i.feedback_date, i.id, t.id`,
    { asOf },
  );
  return rows.map((row) => ({
    number: row.number,
    problem: row.problem,
    source: row.source,
    leadUnits: JSON.parse(row.leads ?? '[]') as string[],
    deadlineKind: row.deadline_kind,
    deadline: row.deadline_date,
    status: row.status,
    overdue: row.overdue === 1,
  }));
}

/** Each accountability case with the number of its subjects of each kind. */
export function accountabilityRows(db: Reader): ReportAccountabilityRow[] {
  const rows = db.all<{ issue: string; state: AccountabilityState; concluded_on: IsoDate | null } & Record<SubjectKind, number>>(
    `SELECT c.issue, c.state, c.concluded_on,
       (SELECT count(*) FROM accountability_subjects s WHERE s.case_id = c.id AND s.kind = 'unit') AS unit,
       (SELECT count(*) FROM accountability_subjects s WHERE s.case_id = c.id AND s.kind = 'enterprise') AS enterprise,
       (SELECT count(*) FROM accountability_subjects s WHERE s.case_id = c.id AND s.kind = 'person') AS person
     FROM accountability_cases c ORDER BY c.id`,
  );
  return rows.map((row) => ({
    issue: row.issue,
    state: row.state,
    concludedOn: row.concluded_on,
    subjects: { unit: row.unit, enterprise: row.enterprise, person: row.person },
  }));
}
