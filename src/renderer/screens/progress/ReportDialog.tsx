import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { z } from 'zod';
import { PROGRESS_STATES, type ProgressReportRow, progressInput } from '../../../contract/progress';
import type { Period } from '../../../shared/dates';
import { unchosen } from '../../../shared/validation';
import { useContractMutation } from '../../api/useContract';
import { FormActions } from '../../components/FormActions';
import { FormDialog } from '../../components/FormDialog';
import { DateInput, SelectInput, TextArea, TextInput } from '../../components/inputs';
import { useToast } from '../../components/Toasts';
import { useForm } from '../../forms/useForm';
import { useFormat } from '../../hooks/useFormat';
import { today } from '../../hooks/today';

export interface ReportSubject {
  readonly taskId: number;
  readonly taskNumber: string;
  readonly problem: string;
  readonly unitId: number;
  readonly unitName: string;
}

/** A report as the dialog holds it: no state until the user chooses one (the rules then say it is missing). */
const reportForm = progressInput.extend({ state: unchosen(progressInput.shape.state) });

const valuesOf = (subject: ReportSubject, period: Period, report: ProgressReportRow | null): z.input<typeof reportForm> => ({
  taskId: subject.taskId,
  unitId: subject.unitId,
  period,
  state: report?.state ?? null,
  progress: report?.progress ?? '',
  problems: report?.problems ?? '',
  nextSteps: report?.nextSteps ?? '',
  evidenceNote: report?.evidenceNote ?? '',
  reporter: report?.reporter ?? '',
  reporterPhone: report?.reporterPhone ?? '',
  reportedOn: report?.reportedOn ?? today(),
});

/** Enters a unit's report on a task for a month, or reviews and corrects the one it gave. */
export function ReportDialog({
  subject,
  period,
  report,
  onClose,
  onSaved,
}: {
  subject: ReportSubject;
  period: Period;
  report: ProgressReportRow | null;
  onClose: () => void;
  onSaved: () => void;
}) {
  const { t } = useTranslation('progress');
  const progress = useContractMutation().progress;
  const toast = useToast();
  const format = useFormat();
  const form = useForm(reportForm, valuesOf(subject, period, report), `report:${subject.taskId}:${subject.unitId}:${period}`);

  const save = (): void =>
    void form
      .submit((_, checked) => progress.submit({ ...checked, period }))
      .then((saved) => {
        if (!saved) return;
        toast(t('report.saved', { number: subject.taskNumber, unit: subject.unitName }));
        onSaved();
      });

  return (
    <FormDialog
      title={t(report ? 'report.reviewTitle' : 'report.title', { period: format.period(period) })}
      onClose={onClose}
      onSave={save}
      about={
        <div className="report-subject">
          <div>
            <strong>{t('report.task', { number: subject.taskNumber })}</strong>
            <span className="report-subject__unit">{subject.unitName}</span>
            <Link to={`/tasks/${subject.taskId}`} className="report-subject__link">
              {t('report.openTask')}
            </Link>
          </div>
          <p className="report-subject__problem">{subject.problem}</p>
        </div>
      }
    >
      <SelectInput
        form={form}
        name="state"
        label={t('fields.state')}
        required
        empty={t('report.chooseState')}
        options={PROGRESS_STATES.map((s) => ({ value: s, label: t(`common:enums.progressState.${s}`) }))}
      />
      <DateInput form={form} name="reportedOn" label={t('fields.reportedOn')} />
      <TextArea form={form} name="progress" label={t('fields.progress')} rows={4} />
      <TextArea form={form} name="problems" label={t('fields.problems')} rows={2} />
      <TextArea form={form} name="nextSteps" label={t('fields.nextSteps')} rows={2} />
      <TextInput form={form} name="evidenceNote" label={t('fields.evidenceNote')} wide hint={t('report.evidenceHint')} />
      <TextInput form={form} name="reporter" label={t('fields.reporter')} />
      <TextInput form={form} name="reporterPhone" type="tel" label={t('fields.reporterPhone')} />
      <FormActions form={form} cancel={onClose} submit={t(report ? 'report.update' : 'report.submit')} />
    </FormDialog>
  );
}
