import { groupBy } from '../../shared/group-by';
import { latestLeadReports } from '../progress/service';
import type { Reader } from '../storage/database';
import { openTaskSql } from './columns';
import type { CheckStage, TaskStanding } from './model';

/**
 * Each task's check stage (check-stages.ts) is kept in task_check_stages by the schema's triggers
 * (schema 19), so that reading it costs a lookup, not a working-out over the reports and close-outs.
 */
const STAGES = 'task_check_stages';

/** The tasks with a check stage, or in the one given, each with the moment its units reported it (`reported_at`, a Julian day). */
export const staged = (stage?: CheckStage): string => `SELECT task_id, reported_at FROM ${STAGES}${stage ? ` WHERE stage = '${stage}'` : ''}`;

/** The ids of the tasks at the stage a parameter names (`param`, e.g. `$checkStage`). */
export const stagedIds = (param: string): string => `SELECT task_id FROM ${STAGES} WHERE stage = ${param}`;

/** The task (alias `t`) is with the group for its check: reported completed, or its close-out under way. */
export const withGroupSql = (t: string): string => `EXISTS (SELECT 1 FROM ${STAGES} s WHERE s.task_id = ${t}.id)`;

/**
 * The date passed on a task still open, whatever its check: the terms of the partial index
 * tasks_open_deadline (schema 19), which holds only such tasks, so that they are read through it.
 */
const pastDeadlineSql = (t: string, asOf: string): string => `(${t}.deadline_kind = 'date' AND ${t}.deadline_date < ${asOf} AND ${openTaskSql(t)})`;

/** "Overdue" as the office means it: the date passed, the task open, and no report of completion with the group. */
export const overdueSql = (t: string, asOf: string): string => `(${pastDeadlineSql(t, asOf)} AND NOT ${withGroupSql(t)})`;

/** Each task's check stage, null where it has none. */
export function checkStagesOf(db: Reader, ids: readonly number[]): Map<number, CheckStage | null> {
  const rows = db.all<{ task_id: number; stage: CheckStage }>(`SELECT task_id, stage FROM ${STAGES} WHERE task_id IN (SELECT value FROM json_each($ids))`, {
    ids: JSON.stringify(ids),
  });
  const stages = new Map(rows.map((row) => [row.task_id, row.stage]));
  return new Map(ids.map((id) => [id, stages.get(id) ?? null]));
}

/** Each task's check stage and its lead units' latest reports. */
export function standingOf(db: Reader, ids: readonly number[]): Map<number, TaskStanding> {
  const reports = groupBy(latestLeadReports(db, ids), (report) => report.taskId);
  return new Map([...checkStagesOf(db, ids)].map(([id, checkStage]) => [id, { checkStage, latestReports: reports.get(id) ?? [] }]));
}
