import { useTranslation } from 'react-i18next';
import type { Inspection } from '../../contract/inspections';
import { type Measure, type MeasureInput, measureInput } from '../../contract/measures';
import type { Result } from '../../shared/result';
import { useContractMutation } from '../api/useContract';
import { useForm } from '../forms/useForm';
import { FormActions } from './FormActions';
import { FormDialog } from './FormDialog';
import { SelectInput, TextArea, TextInput } from './inputs';
import { useToast } from './Toasts';

/**
 * Adds or edits a measure (整改措施): its inspection, its number (often none) and what it does.
 * Deleting takes it off the tasks it serves; it asks first, and the change history records it.
 */
export function MeasureDialog({
  measure,
  initial,
  inspections,
  onClose,
  onSaved,
  onRemoved,
}: {
  measure: Measure | null;
  /** For a new measure: what is already known (the inspection of the task, the text typed in a picker). */
  initial?: Partial<MeasureInput>;
  inspections: readonly Inspection[];
  onClose: () => void;
  onSaved: (measure: Measure) => void;
  onRemoved?: () => void;
}) {
  const { t } = useTranslation('tasks');
  const measures = useContractMutation().measures;
  const toast = useToast();
  const form = useForm(
    measureInput,
    {
      inspectionId: measure?.inspectionId ?? initial?.inspectionId ?? null,
      number: measure?.number ?? initial?.number ?? '',
      content: measure?.content ?? initial?.content ?? '',
    },
    `measure:${measure?.id ?? 'new'}`,
  );
  const save = (): void =>
    void form.submit(async (values) => {
      const saved = measure ? await measures.update(measure.id, values) : await measures.create(values);
      if (saved.ok) onSaved(saved.value);
      return saved;
    });
  const remove = async (): Promise<Result<unknown>> => {
    const removed = await measures.remove(measure!.id);
    if (removed.ok) {
      toast(t('measure.removed'));
      onRemoved?.();
    }
    return removed;
  };

  return (
    <FormDialog title={measure ? t('measure.edit') : t('measure.add')} onClose={onClose} onSave={save}>
      <SelectInput
        form={form}
        name="inspectionId"
        label={t('fields.inspectionId')}
        empty={t('noSource')}
        options={inspections.map((i) => ({ value: i.id, label: i.name }))}
      />
      <TextInput form={form} name="number" label={t('fields.measureNumber')} hint={t('measure.numberHint')} />
      <TextArea form={form} name="content" label={t('fields.content')} required rows={4} />
      <FormActions
        form={form}
        cancel={onClose}
        removal={
          measure && onRemoved ? { label: t('measure.remove'), message: t('measure.removeMessage', { count: measure.taskIds.length }), run: remove } : undefined
        }
      />
    </FormDialog>
  );
}
