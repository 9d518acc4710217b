import { ok, type Result } from '../../shared/result';
import type { Reader } from '../storage/database';
import { FINISHED_STATUSES, TASK_STATUSES, type TaskSummary } from '../tasks/model';
import { listTasks } from '../tasks/query';
import { LETTER_TASKS_MAX } from './model';

const OPEN_STATUSES = TASK_STATUSES.filter((status) => !FINISHED_STATUSES.includes(status));

/**
 * The tasks a letter to a unit covers unless the user chooses: the open tasks it leads, in number
 * order, as many as a document may cover. The issue page, the template editor's sample and
 * `duban letter --unit` all ask here, so they write the same letter for the same unit.
 */
export function defaultTasks(db: Reader, unitId: number): Result<readonly TaskSummary[]> {
  const page = listTasks(db, { unitId, role: 'lead', statuses: OPEN_STATUSES, sort: 'number', limit: LETTER_TASKS_MAX });
  return page.ok ? ok(page.value.rows) : page;
}
