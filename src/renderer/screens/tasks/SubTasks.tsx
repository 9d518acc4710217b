import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import type { TaskSummary } from '../../../contract/tasks';
import { type Column, DataTable } from '../../components/DataTable';
import { DeadlineText, TaskStatusTag } from '../../components/tasks/TaskTags';

/** The task's sub-tasks, each opening its own page. */
export function SubTasks({ tasks }: { tasks: readonly TaskSummary[] }) {
  const { t } = useTranslation('tasks');
  const navigate = useNavigate();
  const columns: Column<TaskSummary>[] = [
    { key: 'number', header: t('fields.number'), width: '6rem', render: (task) => task.number },
    { key: 'problem', header: t('fields.problem'), width: 'minmax(12rem, 1fr)', render: (task) => task.problem, title: (task) => task.problem },
    { key: 'deadline', header: t('fields.deadline'), width: '14.5rem', render: (task) => <DeadlineText task={task} /> },
    { key: 'status', header: t('fields.status'), width: '7.5rem', align: 'center', render: (task) => <TaskStatusTag status={task.status} /> },
  ];
  return (
    <DataTable
      label={t('task.subTasks')}
      columns={columns}
      rows={tasks}
      rowKey={(task) => task.id}
      onOpen={(task) => navigate(`/tasks/${task.id}`)}
      empty={t('task.noSubTasks')}
      height={280}
    />
  );
}
