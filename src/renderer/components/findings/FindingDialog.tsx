import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Finding, FindingOrigin } from '../../../contract/findings';
import type { Unit } from '../../../contract/units';
import type { Result } from '../../../shared/result';
import { useContractMutation } from '../../api/useContract';
import { FormActions } from '../FormActions';
import { FormDialog } from '../FormDialog';
import { DateInput, SelectInput, TextArea, TextInput } from '../inputs';
import { unitChoices } from '../UnitSelect';
import { useToast } from '../Toasts';
import { useForm } from '../../forms/useForm';
import { TaskSearchPicker } from '../tasks/TaskSearchPicker';
import { findingForm, type FindingFormValues } from './findingForm';
import { OriginInput } from './OriginInput';

const valuesOf = (finding: Finding | null, context: FindingContext): FindingFormValues => ({
  origin: { ...(finding?.origin ?? context.origin ?? { source: 'report' }) },
  taskId: finding?.taskId ?? context.taskId ?? null,
  unitId: finding?.unitId ?? context.unitId ?? null,
  description: finding?.description ?? '',
  reportedTo: finding?.reportedTo ?? '',
  reportedOn: finding?.reportedOn ?? null,
  rectified: finding?.rectified ?? false,
  rectifiedOn: finding?.rectifiedOn ?? null,
  notes: finding?.notes ?? '',
});

/** Where a new finding comes from when it is added from a visit, a meeting or a task. */
export interface FindingContext {
  readonly origin?: FindingOrigin;
  readonly taskId?: number;
  readonly unitId?: number | null;
}

/**
 * A finding (问题): what was found, where it came from (a visit, a meeting, a report), the task and
 * unit it concerns, to whom it was reported, and whether it was put right. Deleting asks, is recorded,
 * and can be undone from the notice that follows.
 */
export function FindingDialog({
  finding,
  context,
  units,
  onClose,
  onSaved,
}: {
  finding: Finding | null;
  context: FindingContext;
  units: readonly Unit[];
  onClose: () => void;
  onSaved: () => void;
}) {
  const { t } = useTranslation('visits');
  const findings = useContractMutation().findings;
  const toast = useToast();
  const form = useForm(findingForm, valuesOf(finding, context), `finding:${finding?.id ?? `new:${JSON.stringify(context)}`}`);
  const [lastRectifiedOn, keepRectifiedOn] = useState(form.values.rectifiedOn ?? null);

  const save = (): void =>
    void form
      .submit((_, checked) => (finding ? findings.update(finding.id, checked) : findings.create(checked)))
      .then((saved) => {
        if (!saved) return;
        toast(t(finding ? 'findings.saved' : 'findings.created'));
        onSaved();
      });

  const remove = async (): Promise<Result<unknown>> => {
    const removed = await findings.remove(finding!.id);
    if (removed.ok) {
      const { id: _id, createdAt: _c, updatedAt: _u, ...input } = finding!;
      toast(t('findings.removed'), () => void findings.create(input).then(onSaved));
      onSaved();
    }
    return removed;
  };

  // Unticking "rectified" clears its date, which comes back if it is ticked again.
  const setRectified = (rectified: boolean): void => {
    if (!rectified) keepRectifiedOn(form.values.rectifiedOn ?? null);
    form.set('rectified', rectified);
    form.set('rectifiedOn', rectified ? lastRectifiedOn : null);
  };

  return (
    <FormDialog title={finding ? t('findings.edit') : t('findings.add')} onClose={onClose} onSave={save}>
      {!context.origin && <OriginInput form={form} />}
      <TextArea form={form} name="description" label={t('fields.description')} required rows={3} />
      <TaskSearchPicker form={form} name="taskId" label={t('fields.taskId')} />
      <SelectInput form={form} name="unitId" label={t('findings.unit')} empty={t('none')} options={unitChoices(units)} />
      <TextInput form={form} name="reportedTo" label={t('fields.reportedTo')} hint={t('findings.reportedToHint')} />
      <DateInput form={form} name="reportedOn" label={t('fields.reportedOn')} />
      <div className="field field--check">
        <label>
          <input type="checkbox" checked={form.values.rectified} onChange={(e) => setRectified(e.target.checked)} />
          {t('fields.rectified')}
        </label>
      </div>
      {form.values.rectified && <DateInput form={form} name="rectifiedOn" label={t('fields.rectifiedOn')} />}
      <TextArea form={form} name="notes" label={t('fields.notes')} rows={2} />
      <FormActions
        form={form}
        cancel={onClose}
        removal={finding ? { label: t('findings.remove'), message: t('findings.removeMessage'), run: remove } : undefined}
      />
    </FormDialog>
  );
}
