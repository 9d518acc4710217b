import { useQueries } from '@tanstack/react-query';
import type { AuditLine, EntityName } from '../../../contract/audit';
import type { DubanError } from '../../../shared/errors';
import { useApi } from '../../api/ApiContext';
import { contractQuery } from '../../api/contractQuery';
import { useContractQuery } from '../../api/useContract';

const idsOf = (list: { data?: readonly { id: number }[] }, entity: EntityName): [EntityName, number][] => (list.data ?? []).map((row) => [entity, row.id]);

/**
 * The audit lines of a task and of what hangs on it (close-outs, evidence even removed, reports,
 * findings), newest first: one read per record, each refreshed when a change writes the history.
 */
export function useTaskHistory(taskId: number): { data: readonly AuditLine[] | undefined; error: DubanError | null } {
  const api = useApi();
  const closeOuts = useContractQuery('closeOuts', 'list', [{ taskId }]);
  const evidence = useContractQuery('evidence', 'list', [{ kind: 'task', id: taskId }, { includeRemoved: true }]);
  const reports = useContractQuery('progress', 'history', [taskId]);
  const findings = useContractQuery('findings', 'list', [{ taskId }]);
  const subjects: [EntityName, number][] = [
    ['task', taskId],
    ...idsOf(closeOuts, 'close_out'),
    ...idsOf(evidence, 'evidence'),
    ...idsOf(reports, 'progress_report'),
    ...idsOf(findings, 'finding'),
  ];
  return useQueries({
    queries: subjects.map(([entity, entityId]) => contractQuery(api, 'audit', 'list', [{ entity, entityId, limit: 1000 }])),
    combine: (lists) => {
      const error = lists.find((list) => list.error)?.error ?? null;
      if (error || lists.some((list) => !list.data)) return { data: undefined, error };
      return { data: lists.flatMap((list) => list.data!).sort((a, b) => b.id - a.id), error: null };
    },
  });
}
