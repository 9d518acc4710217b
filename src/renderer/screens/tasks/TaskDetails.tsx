import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { Task, TaskDetail } from '../../../contract/tasks';
import { useFormat } from '../../hooks/useFormat';
import { DeadlineText, TaskStatusTag } from '../../components/tasks/TaskTags';

export interface TaskNames {
  readonly unit: (id: number) => string;
  readonly group: (id: number) => string;
  readonly inspection: (id: number | null) => string;
}

/** One field; empty text shows as a quiet dash, long text keeps its line breaks. */
function Item({ label, wide = false, text = false, children }: { label: string; wide?: boolean; text?: boolean; children: ReactNode }) {
  const empty = children === '' || children === null || children === undefined;
  return (
    <div className={`details__item${wide ? ' details__item--wide' : ''}`}>
      <dt>{label}</dt>
      <dd className={text ? 'details__text' : undefined}>{empty ? <span className="details__none">—</span> : children}</dd>
    </div>
  );
}

/** 基本信息: every field of the task, as the ledger's columns name them. */
export function TaskDetails({ task, parent, names }: { task: TaskDetail; parent: Task | null; names: TaskNames }) {
  const { t } = useTranslation('tasks');
  const format = useFormat();
  /** Units named, then the groups the task was given to, each marked as a group. */
  const units = (ids: readonly number[], groupIds: readonly number[]): string =>
    [...ids.map(names.unit), ...groupIds.map((id) => t('groupName', { name: names.group(id) }))].join(t('common:listSeparator'));
  return (
    <dl className="details">
      <Item label={t('fields.number')}>{task.number}</Item>
      <Item label={t('fields.status')}>
        <TaskStatusTag status={task.status} />
      </Item>
      <Item label={t('fields.deadline')}>
        <DeadlineText task={task} />
      </Item>
      <Item label={t('fields.problem')} wide text>
        {task.problem}
      </Item>
      <Item label={t('fields.goal')} wide text>
        {task.goal}
      </Item>
      <Item label={t('fields.leadUnitIds')}>{units(task.leadUnitIds, task.leadGroupIds)}</Item>
      <Item label={t('fields.cooperatingUnitIds')}>{units(task.cooperatingUnitIds, task.cooperatingGroupIds)}</Item>
      <Item label={t('fields.responsibleLeader')}>{task.responsibleLeader}</Item>
      <Item label={t('fields.inspectionId')}>{names.inspection(task.inspectionId)}</Item>
      <Item label={t('fields.parentId')}>{parent && <Link to={`/tasks/${parent.id}`}>{t('taskRef', { number: parent.number })}</Link>}</Item>
      <Item label={t('fields.updatedAt')}>{format.instant(task.updatedAt)}</Item>
      <Item label={t('fields.notes')} wide text>
        {task.notes}
      </Item>
    </dl>
  );
}
