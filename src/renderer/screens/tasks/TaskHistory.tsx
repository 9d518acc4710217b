import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { AuditLine, EntityName } from '../../../contract/audit';
import { ok } from '../../../shared/result';
import { useLoad } from '../../api/ApiContext';
import { AuditEntries } from '../../components/audit/AuditEntries';
import { ErrorNotice } from '../../components/Notice';
import { Empty } from '../../components/Section';

/** The newest changes shown at first: a task's history may run to hundreds of entries. */
const FIRST_SHOWN = 6;

/**
 * The task's own change history and that of what hangs on it (its close-outs, evidence, findings
 * and the progress reported on it), newest first. `version` changes whenever the page changed something.
 */
export function TaskHistory({ taskId, version }: { taskId: number; version: number }) {
  const { t } = useTranslation('tasks');
  const entries = useLoad(
    async (api) => {
      const [closeOuts, evidence, reports, findings] = await Promise.all([
        api.closeOuts.list({ taskId }),
        api.evidence.list({ kind: 'task', id: taskId }, { includeRemoved: true }),
        api.progress.history(taskId),
        api.findings.list({ taskId }),
      ]);
      const subjects: [EntityName, number][] = [
        ['task', taskId],
        ...(closeOuts.ok ? closeOuts.value.map((c): [EntityName, number] => ['close_out', c.id]) : []),
        ...(evidence.ok ? evidence.value.map((e): [EntityName, number] => ['evidence', e.id]) : []),
        ...(reports.ok ? reports.value.map((r): [EntityName, number] => ['progress_report', r.id]) : []),
        ...(findings.ok ? findings.value.map((f): [EntityName, number] => ['finding', f.id]) : []),
      ];
      const lists = await Promise.all(subjects.map(([entity, entityId]) => api.audit.list({ entity, entityId, limit: 1000 })));
      const failed = lists.find((list) => !list.ok);
      if (failed) return failed;
      const all = lists.flatMap((list) => (list.ok ? list.value : []));
      return ok(all.sort((a: AuditLine, b: AuditLine) => b.id - a.id));
    },
    [taskId, version],
  );
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
