import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ACTIVE_CLOSE_OUT_STATES, type CloseOut } from '../../../contract/closeOuts';
import type { TaskDetail } from '../../../contract/tasks';
import { Tag } from '../../components/Tag';
import { useFormat } from '../../hooks/useFormat';
import { today } from '../../hooks/today';
import { type CloseOutStep, CloseOutStepDialog } from './CloseOutStepDialog';
import { ReportedCompletion, requestFromReports } from './ReportedCompletion';

interface StepView {
  readonly key: 'request' | 'check' | 'approve';
  readonly on: string | null;
  readonly by: string;
  readonly note: string;
}

const stepsOf = (c: CloseOut): StepView[] => [
  { key: 'request', on: c.requestedOn, by: c.requestedBy, note: c.requestNote },
  { key: 'check', on: c.checkedOn, by: c.checkedBy, note: c.checkNote },
  { key: 'approve', on: c.approvedOn, by: c.approvedBy, note: c.approvalNote },
];

/** Reopening a closed task is offered quietly: it is the exception, not the next step. */
const STEP_BUTTON: Record<CloseOutStep, string> = {
  start: 'button button--primary',
  request: 'button button--primary',
  check: 'button button--primary',
  approve: 'button button--primary',
  reject: 'button button--danger',
  reopen: 'button',
};

/** The request, check and approval of one close-out, as three steps; a rejection ends it, a reopening undoes it. */
function Steps({ closeOut }: { closeOut: CloseOut }) {
  const { t } = useTranslation('tasks');
  const format = useFormat();
  const steps = stepsOf(closeOut);
  const next = steps.findIndex((s) => s.on === null);
  return (
    <>
      <ol className="steps">
        {steps.map((step, index) => {
          const state = step.on ? 'done' : closeOut.state === 'rejected' ? 'stopped' : index === next ? 'current' : 'todo';
          return (
            <li key={step.key} className={`steps__item steps__item--${state}`} aria-current={state === 'current' ? 'step' : undefined}>
              <span className="steps__marker" aria-hidden="true">
                {step.on ? '✓' : index + 1}
              </span>
              <div className="steps__body">
                <div className="steps__title">{t(`closeOut.steps.${step.key}.name`)}</div>
                {step.on ? (
                  <div className="steps__meta">{[format.date(step.on), step.by].filter(Boolean).join(t('closeOut.separator'))}</div>
                ) : (
                  <div className="steps__meta">{t(state === 'current' ? 'closeOut.waiting' : 'closeOut.notYet')}</div>
                )}
                {step.note && <div className="steps__note">{step.note}</div>}
              </div>
            </li>
          );
        })}
      </ol>
      {closeOut.state === 'rejected' && (
        <div className="notice notice--warn">
          {t('closeOut.rejected', {
            date: format.date(closeOut.rejectedOn),
            stage: t(closeOut.checkedOn ? 'closeOut.atApproval' : 'closeOut.atCheck'),
            reason: closeOut.rejectionReason,
          })}
        </div>
      )}
      {closeOut.state === 'reopened' && (
        <div className="notice notice--warn">
          {t('closeOut.reopened', {
            date: format.date(closeOut.reopenedOn),
            by: closeOut.reopenedBy && t('closeOut.reopenedBy', { name: closeOut.reopenedBy }),
            reason: closeOut.reopenReason,
          })}
        </div>
      )}
    </>
  );
}

/**
 * 销号: the task's close-out as steps (申请 → 核查 → 批准), the buttons for the next step (on a
 * closed task: reopening it), and the earlier requests that were sent back or reopened. When the
 * lead units have reported the task completed, their reports come first, and one action starts the
 * check from them.
 */
export function CloseOutSection({ task, closeOuts, hasEvidence }: { task: TaskDetail; closeOuts: readonly CloseOut[]; hasEvidence: boolean }) {
  const { t } = useTranslation('tasks');
  const format = useFormat();
  const [step, setStep] = useState<CloseOutStep | null>(null);
  const latest = closeOuts[closeOuts.length - 1] ?? null;
  const approved = task.status === 'closed' && latest?.state === 'approved' ? latest : null;
  const active = latest && ACTIVE_CLOSE_OUT_STATES.includes(latest.state) ? latest : approved;
  const earlier = closeOuts.slice(0, -1);
  const reported = task.checkStage === 'reported';
  const offered: CloseOutStep[] = approved
    ? ['reopen']
    : task.status === 'closed'
      ? []
      : !active
        ? [reported ? 'start' : 'request']
        : active.state === 'requested'
          ? ['check', 'reject']
          : ['approve', 'reject'];

  return (
    <div className="close-out">
      {task.status === 'closed' && <Tag tone="done">{t('closeOut.closed', { date: format.date(latest?.approvedOn) })}</Tag>}
      {reported && <ReportedCompletion reports={task.latestReports} />}
      {latest ? <Steps closeOut={latest} /> : !reported && <p className="empty-state">{t('closeOut.none')}</p>}
      {offered.length > 0 && (
        <div className="close-out__actions">
          {offered.map((s) => (
            <button key={s} type="button" className={STEP_BUTTON[s]} onClick={() => setStep(s)}>
              {t(`closeOut.steps.${s}.submit`)}
            </button>
          ))}
        </div>
      )}
      {earlier.length > 0 && (
        <details className="close-out__earlier">
          <summary>{t('closeOut.earlier', { count: earlier.length })}</summary>
          {earlier.map((c) => (
            <Steps key={c.id} closeOut={c} />
          ))}
        </details>
      )}
      {step && (
        <CloseOutStepDialog
          step={step}
          taskId={task.id}
          closeOut={active}
          hasEvidence={hasEvidence}
          {...(step === 'start'
            ? { initial: requestFromReports(t, task.latestReports, today()), context: <ReportedCompletion reports={task.latestReports} /> }
            : {})}
          onClose={() => setStep(null)}
          onDone={() => setStep(null)}
        />
      )}
    </div>
  );
}
