import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { z } from 'zod';
import { type CloseOut, closeOutDecision, closeOutRejection, closeOutReopening, lastStepDate } from '../../../contract/closeOuts';
import type { FieldError } from '../../../shared/errors';
import type { Result } from '../../../shared/result';
import { useContractMutation } from '../../api/useContract';
import { useSession } from '../../api/session';
import { Dialog } from '../../components/Dialog';
import { FormActions } from '../../components/FormActions';
import { DateInput, TextArea, TextInput } from '../../components/inputs';
import { useForm } from '../../forms/useForm';
import { today } from '../../hooks/today';
import { useFormat } from '../../hooks/useFormat';

/** 'start': the request made from the lead units' reports of completion, which starts the group's check. */
export type CloseOutStep = 'start' | 'request' | 'check' | 'approve' | 'reject' | 'reopen';

/** A step as its dialog holds it: when, by whom, and a remark. */
type StepValues = z.input<typeof closeOutDecision>;

/** Every step records when, by whom and a remark; a rejection's or a reopening's remark is its reason, and required. */
const SCHEMAS: Record<CloseOutStep, z.ZodType<unknown, StepValues>> = {
  start: closeOutDecision,
  request: closeOutDecision,
  check: closeOutDecision,
  approve: closeOutDecision,
  reject: z.object({ on: closeOutRejection.shape.on, by: z.string(), note: closeOutRejection.shape.reason }),
  reopen: z.object({ on: closeOutReopening.shape.on, by: closeOutReopening.shape.by, note: closeOutReopening.shape.reason }),
};

const NEEDS_REASON: readonly CloseOutStep[] = ['reject', 'reopen'];

/** The core names the request's and the rejection's fields its own way; the form has one set. */
const FORM_FIELD: Record<string, string> = { requestedOn: 'on', requestedBy: 'by', requestNote: 'note', reason: 'note' };

function inFormTerms<T>(result: Result<T>): Result<T> {
  if (result.ok || !result.error.fields) return result;
  const fields: FieldError[] = result.error.fields.map((f) => ({ ...f, field: FORM_FIELD[f.field] ?? f.field }));
  return { ok: false, error: { ...result.error, fields } };
}

/**
 * One step of a close-out (销号): the request (or the check started from the units' reports, shown
 * above the form that they fill in), the check, the approval, sending it back, or reopening an
 * approved one. The approval needs evidence: without it the dialog says so and does not offer the step.
 */
export function CloseOutStepDialog({
  step,
  taskId,
  closeOut,
  hasEvidence,
  initial,
  context,
  onClose,
  onDone,
}: {
  step: CloseOutStep;
  taskId: number;
  closeOut: CloseOut | null;
  hasEvidence: boolean;
  /** What the form starts from, when not today, the signed-in person and no remark. */
  initial?: StepValues;
  /** What the step is taken on, shown above its form (the units' reports). */
  context?: ReactNode;
  onClose: () => void;
  onDone: () => void;
}) {
  const { t } = useTranslation('tasks');
  const closeOuts = useContractMutation().closeOuts;
  const format = useFormat();
  const { status } = useSession();
  const form = useForm(SCHEMAS[step], initial ?? { on: today(), by: status.person?.name ?? '', note: '' }, `close-out:${taskId}:${step}`);
  const earliest = closeOut ? lastStepDate(closeOut) : null;
  const blocked = step === 'approve' && !hasEvidence;

  const run = ({ on, by, note = '' }: StepValues) => {
    if (step === 'request' || step === 'start') return closeOuts.request({ taskId, requestedOn: on, requestedBy: by, requestNote: note });
    if (step === 'reject') return closeOuts.reject(closeOut!.id, { on, reason: note });
    if (step === 'reopen') return closeOuts.reopen(closeOut!.id, { on, by, reason: note });
    return closeOuts[step](closeOut!.id, { on, by, note });
  };

  const evidenceError = form.errorOf('evidence');
  return (
    <Dialog title={t(`closeOut.steps.${step}.title`)} open onClose={onClose}>
      <form
        className="form"
        onSubmit={(e) => {
          e.preventDefault();
          void form.submit(async (values) => inFormTerms(await run(values))).then((done) => done && onDone());
        }}
      >
        <p className="form__intro">{t(`closeOut.steps.${step}.explain`)}</p>
        {context}
        {(blocked || evidenceError) && (
          <div className="notice notice--error" role="alert">
            {t('closeOut.evidenceRequired')}
          </div>
        )}
        <DateInput
          form={form}
          name="on"
          label={t(`closeOut.steps.${step}.on`)}
          required
          hint={earliest ? t('closeOut.notBefore', { date: format.date(earliest) }) : undefined}
        />
        {step !== 'reject' && <TextInput form={form} name="by" label={t(`closeOut.steps.${step}.by`)} />}
        <TextArea form={form} name="note" label={t(`closeOut.steps.${step}.note`)} required={NEEDS_REASON.includes(step)} rows={3} />
        <FormActions
          form={form}
          cancel={onClose}
          submit={t(`closeOut.steps.${step}.submit`)}
          tone={NEEDS_REASON.includes(step) ? 'danger' : 'primary'}
          disabled={blocked}
        />
      </form>
    </Dialog>
  );
}
