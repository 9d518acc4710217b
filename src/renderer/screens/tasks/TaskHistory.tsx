import { useTranslation } from 'react-i18next';
import type { AuditEntry } from '../../../core/audit/model';
import type { EntityName } from '../../../core/entities';
import { ok } from '../../../shared/result';
import { useLoad } from '../../api/ApiContext';
import { AuditEntries } from '../../components/audit/AuditEntries';
import { ErrorNotice } from '../../components/Notice';
import { Empty } from '../../components/Section';

/**
 * The task's own change history and that of what hangs on it (its close-outs, evidence, and the
 * progress reported on it), newest first. `version` changes whenever the page changed something.
 */
export function TaskHistory({ taskId, version }: { taskId: number; version: number }) {
  const { t } = useTranslation('tasks');
  const entries = useLoad(
    async (api) => {
      const [closeOuts, evidence, reports] = await Promise.all([
        api.closeOuts.list({ taskId }),
        api.evidence.list({ kind: 'task', id: taskId }, { includeRemoved: true }),
        api.progress.history(taskId),
      ]);
      const subjects: [EntityName, number][] = [
        ['task', taskId],
        ...(closeOuts.ok ? closeOuts.value.map((c): [EntityName, number] => ['close_out', c.id]) : []),
        ...(evidence.ok ? evidence.value.map((e): [EntityName, number] => ['evidence', e.id]) : []),
        ...(reports.ok ? reports.value.map((r): [EntityName, number] => ['progress_report', r.id]) : []),
      ];
      const lists = await Promise.all(subjects.map(([entity, entityId]) => api.audit.list({ entity, entityId, limit: 1000 })));
      const failed = lists.find((list) => !list.ok);
      if (failed) return failed;
      const all = lists.flatMap((list) => (list.ok ? list.value : []));
      return ok(all.sort((a: AuditEntry, b: AuditEntry) => b.id - a.id));
    },
    [taskId, version],
  );
  return (
    <>
      <ErrorNotice error={entries.error} />
      {entries.data?.length === 0 ? <Empty>{t('task.noHistory')}</Empty> : <AuditEntries entries={entries.data ?? []} label={t('task.history')} />}
    </>
  );
}
