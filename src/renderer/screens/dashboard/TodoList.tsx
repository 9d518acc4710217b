import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { TaskSummary } from '../../../contract/tasks';
import type { AwaitedReply } from '../../../contract/documents';
import { repliesDue, type Todo, type TodoGroup as Group } from '../../../contract/todo';
import { Empty, Section } from '../../components/Section';
import { useFormat } from '../../hooks/useFormat';
import { LinkItem } from './LinkList';

/**
 * 待办: what waits for the office today, by kind — replies due or late (of those awaited), unit workbooks past their
 * return date, close-outs to check, completions reported by units. Each item leads to where it is done.
 */
export function TodoList({ todo, awaited }: { todo: Todo; awaited: readonly AwaitedReply[] }) {
  const { t } = useTranslation('dashboard');
  const format = useFormat();
  const replies = repliesDue(awaited);
  const count = replies.length + todo.workbooks.total + todo.closeOuts.total + todo.reportedCompleted.total;
  // The oldest late workbook's month: the monthly dispatch shows each unit's workbook there.
  const oldestLate = todo.workbooks.items[0]?.period;
  const units = (task: TaskSummary): string => task.leadUnits.map((u) => u.shortName || u.name).join(t('common:listSeparator'));
  return (
    <Section title={t('todo.title', { count, shown: format.number(count) })} className="todo">
      {count === 0 && <Empty>{t('todo.none')}</Empty>}
      <div className="todo__groups">
        <TodoGroup title={t('todo.replies')} group={whole(replies)}>
          {({ document, daysLeft }) => (
            <LinkItem
              key={`reply-${document.id}`}
              to={`/documents?reply=awaiting&open=${document.id}`}
              number={document.number}
              text={document.recipient}
              late={daysLeft < 0}
            >
              {daysLeft < 0 ? t('replies.late', { count: -daysLeft }) : t('replies.due', { date: format.date(document.replyDue!), count: daysLeft })}
            </LinkItem>
          )}
        </TodoGroup>
        <TodoGroup
          title={t('todo.workbooks')}
          group={todo.workbooks}
          all={oldestLate && `/progress?period=${oldestLate}`}
          allLabel={oldestLate && t('todo.workbooksAll', { period: format.period(oldestLate) })}
        >
          {(late) => (
            <LinkItem key={`workbook-${late.exportId}`} to={`/progress?period=${late.period}&unit=${late.unit.id}`} text={late.unit.name} late>
              {t('todo.workbookLate', { period: format.period(late.period), date: format.date(late.returnBy), count: late.daysLate })}
            </LinkItem>
          )}
        </TodoGroup>
        <TodoGroup title={t('todo.closeOuts')} group={todo.closeOuts} all="/tasks?check=checking">
          {({ closeOutId, task, requestedOn }) => (
            <LinkItem key={`close-out-${closeOutId}`} to={`/tasks/${task.id}`} number={task.number} text={task.problem}>
              {t('todo.requested', { units: units(task), date: format.date(requestedOn) })}
            </LinkItem>
          )}
        </TodoGroup>
        <TodoGroup title={t('todo.reportedCompleted')} group={todo.reportedCompleted} all="/tasks?check=reported">
          {(task) => (
            <LinkItem key={`reported-${task.id}`} to={`/tasks/${task.id}`} number={task.number} text={task.problem}>
              {t('todo.reportedBy', { units: units(task) })}
            </LinkItem>
          )}
        </TodoGroup>
      </div>
    </Section>
  );
}

/** A list given whole, as a group of the to-do. */
const whole = <T,>(items: readonly T[]): Group<T> => ({ items, total: items.length });

/** One kind of what waits: its items, and where all of them are when it lists only the oldest. */
function TodoGroup<T>({
  title,
  group,
  all,
  allLabel,
  children,
}: {
  title: string;
  group: Group<T>;
  all?: string | undefined;
  /** What the link to all of them says, when not 在任务台账中查看全部. */
  allLabel?: string | undefined;
  children: (item: T) => ReactNode;
}) {
  const { t } = useTranslation('dashboard');
  const format = useFormat();
  if (group.total === 0) return null;
  return (
    <div className="todo__group">
      <h3>
        {title}
        <span className="todo__count">{format.number(group.total)}</span>
      </h3>
      <ul className="link-list">{group.items.map(children)}</ul>
      {all && group.total > group.items.length && (
        <Link className="button button--small todo__all" to={all}>
          {allLabel ?? t('todo.all', { count: group.total, shown: format.number(group.total) })}
        </Link>
      )}
    </div>
  );
}
