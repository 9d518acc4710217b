import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams } from 'react-router';
import type { TaskDetail } from '../../../contract/tasks';
import type { DubanError } from '../../../shared/errors';
import { useContractMutation, useContractQuery } from '../../api/useContract';
import { Breadcrumbs } from '../../components/Breadcrumbs';
import { ConfirmDialog } from '../../components/ConfirmDialog';
import { EvidencePanel } from '../../components/EvidencePanel';
import { ErrorNotice } from '../../components/Notice';
import { PageHeader } from '../../components/PageHeader';
import { Empty, Section } from '../../components/Section';
import { useToast } from '../../components/Toasts';
import { FindingsList } from '../../components/findings/FindingsList';
import { CloseOutSection } from './CloseOutSection';
import { ProgressHistory } from './ProgressHistory';
import { SubTasks } from './SubTasks';
import { TaskDetails, type TaskNames } from './TaskDetails';
import { TaskHistory } from './TaskHistory';
import { taskInputOf } from './taskValues';

/**
 * One task: its fields, measures, sub-tasks, monthly progress, evidence, close-out and change
 * history. A change made here refreshes every part it touches (and every other screen showing it).
 */
export function TaskPage() {
  const { t } = useTranslation('tasks');
  const tasks = useContractMutation().tasks;
  const toast = useToast();
  const navigate = useNavigate();
  const id = Number(useParams().id);
  const [confirming, setConfirming] = useState(false);
  const [removeError, setRemoveError] = useState<DubanError | null>(null);

  const task = useContractQuery('tasks', 'get', [id]);
  const parent = useContractQuery('tasks', 'get', task.data?.parentId ? [task.data.parentId] : null);
  const units = useContractQuery('units', 'list', [{ includeArchived: true }]);
  const inspections = useContractQuery('inspections', 'list', []);
  const measures = useContractQuery('measures', 'list', [{ taskId: id }]);
  const subTasks = useContractQuery('tasks', 'list', [{ parentId: id, limit: 1000 }]);
  const reports = useContractQuery('progress', 'history', [id]);
  const evidence = useContractQuery('evidence', 'list', [{ kind: 'task', id }]);
  const closeOuts = useContractQuery('closeOuts', 'list', [{ taskId: id }]);
  const findings = useContractQuery('findings', 'list', [{ taskId: id }]);
  const groups = useContractQuery('unitGroups', 'list', []);

  if (!task.data) return <ErrorNotice error={task.error} />;
  const current: TaskDetail = task.data;
  const names: TaskNames = {
    unit: (unitId) => units.data?.find((u) => u.id === unitId)?.name ?? '',
    group: (groupId) => groups.data?.find((g) => g.id === groupId)?.name ?? '',
    inspection: (inspectionId) => inspections.data?.find((i) => i.id === inspectionId)?.name ?? '',
  };
  const hasEvidence = (evidence.data?.length ?? 0) > 0;

  const remove = async (): Promise<void> => {
    setConfirming(false);
    const removed = await tasks.remove(current.id);
    if (!removed.ok) return setRemoveError(removed.error);
    toast(
      t('task.removed', { number: current.number }),
      () => void tasks.create(taskInputOf(current)).then((restored) => restored.ok && navigate(`/tasks/${restored.value.id}`)),
    );
    navigate('/tasks');
  };

  return (
    <div className="task-page">
      <Breadcrumbs list={{ to: '/tasks', label: t('ledger.title') }} current={t('taskRef', { number: current.number })} />
      <PageHeader
        title={t('task.title', { number: current.number })}
        subtitle={current.problem}
        actions={
          <>
            <button type="button" className="button" onClick={() => navigate(`/tasks/${current.id}/edit`)}>
              {t('task.edit')}
            </button>
            <button type="button" className="button" onClick={() => navigate(`/tasks/new?parent=${current.id}`)}>
              {t('task.addSubTask')}
            </button>
            <button type="button" className="button button--danger" onClick={() => setConfirming(true)}>
              {t('task.remove')}
            </button>
          </>
        }
      />
      <ErrorNotice error={removeError} />
      <div className="task-page__grid">
        <div className="task-page__main">
          <Section title={t('task.details')}>
            <TaskDetails task={current} parent={parent.data ?? null} names={names} />
          </Section>
          <Section title={t('task.measures')}>
            {measures.data?.length ? (
              <ul className="measure-list">
                {measures.data.map((m) => (
                  <li key={m.id}>
                    <span className="measure-list__number">{m.number}</span>
                    <span>{m.content}</span>
                  </li>
                ))}
              </ul>
            ) : (
              <Empty>{t('task.noMeasures')}</Empty>
            )}
          </Section>
          <Section
            title={t('task.subTasks')}
            actions={
              <button type="button" className="button button--small" onClick={() => navigate(`/tasks/new?parent=${current.id}`)}>
                {t('task.addSubTask')}
              </button>
            }
          >
            <SubTasks tasks={subTasks.data?.rows ?? []} />
          </Section>
          <Section
            title={t('task.progress')}
            actions={
              <Link className="button button--small" to={`/progress?unit=${current.leadUnitIds[0] ?? ''}`}>
                {t('task.reportProgress')}
              </Link>
            }
          >
            <ProgressHistory reports={reports.data ?? []} />
          </Section>
          <Section title={t('task.findings')}>
            <FindingsList findings={findings.data ?? []} context={{ taskId: current.id, unitId: current.leadUnitIds[0] ?? null }} />
          </Section>
        </div>
        <div className="task-page__side">
          <Section title={t('task.closeOut')}>
            <CloseOutSection task={current} closeOuts={closeOuts.data ?? []} hasEvidence={hasEvidence} />
          </Section>
          <Section title={t('task.evidence')}>
            <EvidencePanel
              owner={{ kind: 'task', id: current.id }}
              evidence={evidence.data ?? []}
              frozen={current.status === 'closed'}
              note={current.status !== 'closed' && !hasEvidence ? <div className="notice notice--warn">{t('closeOut.evidenceNeeded')}</div> : undefined}
            />
          </Section>
        </div>
      </div>
      <Section title={t('task.history')}>
        <TaskHistory taskId={current.id} />
      </Section>
      <ConfirmDialog
        open={confirming}
        danger
        title={t('task.removeTitle')}
        message={t('task.removeMessage', { number: current.number })}
        confirmLabel={t('task.remove')}
        onConfirm={() => void remove()}
        onCancel={() => setConfirming(false)}
      />
    </div>
  );
}
