import { useTranslation } from 'react-i18next';
import { type CheckStage, type Deadline, isOverdue, type TaskStatus } from '../../../contract/tasks';
import { Tag, type Tone } from '../Tag';
import { useFormat } from '../../hooks/useFormat';
import { today } from '../../hooks/today';

const STATUS_TONES: Record<TaskStatus, Tone> = { pending: 'neutral', in_progress: 'info', completed: 'ok', closed: 'done' };

export function TaskStatusTag({ status }: { status: TaskStatus }) {
  const { t } = useTranslation();
  return <Tag tone={STATUS_TONES[status]}>{t(`common:enums.taskStatus.${status}`)}</Tag>;
}

/**
 * The deadline as the office writes it, marked 逾期 once it has passed on an unfinished task — or,
 * when its lead unit reported it completed, with where the group's check stands (单位报完成，待核查):
 * the task is in the group's hands then, and not late.
 */
export function DeadlineText({ task }: { task: { readonly deadline: Deadline; readonly status: TaskStatus; readonly checkStage: CheckStage | null } }) {
  const { t } = useTranslation('tasks');
  const format = useFormat();
  const overdue = isOverdue(task, today());
  return (
    <span className={overdue ? 'deadline deadline--overdue' : 'deadline'}>
      {format.deadline(task.deadline)}
      {overdue && <span className="deadline__mark">{t('overdue')}</span>}
      {task.checkStage && <span className="deadline__mark deadline__mark--check">{t(`common:enums.checkStage.${task.checkStage}`)}</span>}
    </span>
  );
}
