import { useReducer, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams } from 'react-router';
import type { TaskDetail } from '../../../contract/tasks';
import type { DubanError } from '../../../shared/errors';
import { ok } from '../../../shared/result';
import { useApi, useLoad } from '../../api/ApiContext';
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
 * history. Every change made here reloads the whole page (`version`), so no part shows a stale state.
 */
export function TaskPage() {
  const { t } = useTranslation('tasks');
  const api = useApi();
  const toast = useToast();
  const navigate = useNavigate();
  const id = Number(useParams().id);
  const [version, changed] = useReducer((v: number) => v + 1, 0);
  const [confirming, setConfirming] = useState(false);
  const [removeError, setRemoveError] = useState<DubanError | null>(null);

  const task = useLoad((a) => a.tasks.get(id), [id, version]);
  const parent = useLoad(async (a) => (task.data?.parentId ? a.tasks.get(task.data.parentId) : ok(null)), [task.data?.parentId]);
  const units = useLoad((a) => a.units.list({ includeArchived: true }), []);
  const inspections = useLoad((a) => a.inspections.list(), []);
  const measures = useLoad((a) => a.measures.list({ taskId: id }), [id, version]);
  const subTasks = useLoad((a) => a.tasks.list({ parentId: id, limit: 1000 }), [id, version]);
  const reports = useLoad((a) => a.progress.history(id), [id, version]);
  const evidence = useLoad((a) => a.evidence.list({ kind: 'task', id }), [id, version]);
  const closeOuts = useLoad((a) => a.closeOuts.list({ taskId: id }), [id, version]);
  const findings = useLoad((a) => a.findings.list({ taskId: id }), [id, version]);

  if (!task.data) return <ErrorNotice error={task.error} />;
  const current: TaskDetail = task.data;
  const names: TaskNames = {
    unit: (unitId) => units.data?.find((u) => u.id === unitId)?.name ?? '',
    inspection: (inspectionId) => inspections.data?.find((i) => i.id === inspectionId)?.name ?? '',
  };
  const hasEvidence = (evidence.data?.length ?? 0) > 0;

  const remove = async (): Promise<void> => {
    setConfirming(false);
    const removed = await api.tasks.remove(current.id);
    if (!removed.ok) return setRemoveError(removed.error);
    toast(
      t('task.removed', { number: current.number }),
      () => void api.tasks.create(taskInputOf(current)).then((restored) => restored.ok && navigate(`/tasks/${restored.value.id}`)),
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
            <FindingsList findings={findings.data ?? []} context={{ taskId: current.id, unitId: current.leadUnitIds[0] ?? null }} onChange={changed} />
          </Section>
        </div>
        <div className="task-page__side">
          <Section title={t('task.closeOut')}>
            <CloseOutSection task={current} closeOuts={closeOuts.data ?? []} hasEvidence={hasEvidence} onChange={changed} />
          </Section>
          <Section title={t('task.evidence')}>
            <EvidencePanel
              owner={{ kind: 'task', id: current.id }}
              evidence={evidence.data ?? []}
              onChange={changed}
              frozen={current.status === 'closed'}
              note={current.status !== 'closed' && !hasEvidence ? <div className="notice notice--warn">{t('closeOut.evidenceNeeded')}</div> : undefined}
            />
          </Section>
        </div>
      </div>
      <Section title={t('task.history')}>
        <TaskHistory taskId={current.id} version={version} />
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
