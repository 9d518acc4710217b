import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useTaskHistory as useHistory } from './useTaskHistory';
import { AuditEntries } from '../../components/audit/AuditEntries';
import { ErrorNotice } from '../../components/Notice';
import { Empty } from '../../components/Section';

/** The newest changes shown at first: a task's history may run to hundreds of entries. */
const FIRST_SHOWN = 6;

/**
 * The task's own change history and that of what hangs on it (its close-outs, evidence, findings
 * and the progress reported on it), newest first.
 */
export function TaskHistory({ taskId }: { taskId: number }) {
  const { t } = useTranslation('tasks');
  const entries = useHistory(taskId);
  const [all, showAll] = useState(false);
  const count = entries.data?.length ?? 0;
  return (
    <>
      <ErrorNotice error={entries.error} />
      {count === 0 ? (
        <Empty>{t('task.noHistory')}</Empty>
      ) : (
        <AuditEntries entries={all ? entries.data! : entries.data!.slice(0, FIRST_SHOWN)} label={t('task.history')} />
      )}
      {!all && count > FIRST_SHOWN && (
        <button type="button" className="button" onClick={() => showAll(true)}>
          {t('task.allHistory', { count })}
        </button>
      )}
    </>
  );
}
