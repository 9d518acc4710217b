import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { PROGRESS_STATES, type ProgressReportRow, type ProgressState, progressInput } from '../../../contract/progress';
import type { Period } from '../../../shared/dates';
import { useContractMutation } from '../../api/useContract';
import { Dialog } from '../../components/Dialog';
import { FormActions } from '../../components/FormActions';
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

interface ReportValues extends Record<string, unknown> {
  taskId: number;
  unitId: number;
  period: Period;
  state: ProgressState | null;
  progress: string;
  problems: string;
  nextSteps: string;
  evidenceNote: string;
  reporter: string;
  reporterPhone: string;
  reportedOn: string | null;
}

const valuesOf = (subject: ReportSubject, period: Period, report: ProgressReportRow | null): ReportValues => ({
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
  const form = useForm(progressInput, valuesOf(subject, period, report), `report:${subject.taskId}:${subject.unitId}:${period}`);

  const save = (): void =>
    void form
      .submit(async ({ state, ...values }) => progress.submit({ ...values, state: state!, period }))
      .then((saved) => {
        if (!saved) return;
        toast(t('report.saved', { number: subject.taskNumber, unit: subject.unitName }));
        onSaved();
      });

  return (
    <Dialog title={t(report ? 'report.reviewTitle' : 'report.title', { period: format.period(period) })} open onClose={onClose} wide>
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
      <form
        className="form form--grid"
        onSubmit={(e) => {
          e.preventDefault();
          save();
        }}
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
      </form>
    </Dialog>
  );
}
