import type { TFunction } from 'i18next';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { type CheckStage, type Deadline, isOverdue, type TaskStatus } from '../../../contract/tasks';
import type { IsoDate } from '../../../shared/dates';
import { Tag, type Tone } from '../Tag';
import { type Format, useFormat } from '../../hooks/useFormat';
import { today } from '../../hooks/today';

const STATUS_TONES: Record<TaskStatus, Tone> = { pending: 'neutral', in_progress: 'info', completed: 'ok', closed: 'done' };

/*
 * Each tag is a function of the caller's `t` as well as a component: a table's cells take the
 * table's, since a translation hook in each of a page's cells is what a search waited for.
 */

export const taskStatusTag = (t: TFunction, status: TaskStatus): ReactNode => <Tag tone={STATUS_TONES[status]}>{t(`common:enums.taskStatus.${status}`)}</Tag>;

export function TaskStatusTag({ status }: { status: TaskStatus }) {
  const { t } = useTranslation();
  return taskStatusTag(t, status);
}

type Deadlined = { readonly deadline: Deadline; readonly status: TaskStatus; readonly checkStage: CheckStage | null };

/**
 * The deadline as the office writes it, marked 逾期 once it has passed on an unfinished task — or,
 * when its lead unit reported it completed, with where the group's check stands (单位报完成，待核查):
 * the task is in the group's hands then, and not late.
 */
export function deadlineText(t: TFunction, format: Format, task: Deadlined, asOf: IsoDate): ReactNode {
  const overdue = isOverdue(task, asOf);
  return (
    <span className={overdue ? 'deadline deadline--overdue' : 'deadline'}>
      {format.deadline(task.deadline)}
      {overdue && <span className="deadline__mark">{t('tasks:overdue')}</span>}
      {task.checkStage && <span className="deadline__mark deadline__mark--check">{t(`common:enums.checkStage.${task.checkStage}`)}</span>}
    </span>
  );
}

export function DeadlineText({ task }: { task: Deadlined }) {
  const { t } = useTranslation();
  return deadlineText(t, useFormat(), task, today());
}
