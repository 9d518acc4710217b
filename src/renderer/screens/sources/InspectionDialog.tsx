import { useTranslation } from 'react-i18next';
import { type Inspection, inspectionInput } from '../../../contract/inspections';
import type { Result } from '../../../shared/result';
import { useContractMutation } from '../../api/useContract';
import { FormActions } from '../../components/FormActions';
import { FormDialog } from '../../components/FormDialog';
import { DateInput, TextArea, TextInput } from '../../components/inputs';
import { useToast } from '../../components/Toasts';
import { useForm } from '../../forms/useForm';

/** Adds or edits an inspection (督察 and its feedback); deleting asks and can be undone. */
export function InspectionDialog({
  inspection,
  onClose,
  onSaved,
}: {
  inspection: Inspection | null;
  onClose: () => void;
  onSaved: (id: number | null) => void;
}) {
  const { t } = useTranslation('sources');
  const inspections = useContractMutation().inspections;
  const toast = useToast();
  const form = useForm(
    inspectionInput,
    { name: inspection?.name ?? '', batch: inspection?.batch ?? '', feedbackDate: inspection?.feedbackDate ?? null, notes: inspection?.notes ?? '' },
    `inspection:${inspection?.id ?? 'new'}`,
  );

  const save = (): void =>
    void form.submit(async (values) => {
      const saved = inspection ? await inspections.update(inspection.id, values) : await inspections.create(values);
      if (saved.ok) {
        toast(t(inspection ? 'saved' : 'created', { name: saved.value.name }));
        onSaved(saved.value.id);
      }
      return saved;
    });

  const remove = async (): Promise<Result<unknown>> => {
    const removed = await inspections.remove(inspection!.id);
    if (removed.ok) {
      const { name, batch, feedbackDate, notes } = inspection!;
      toast(
        t('removed', { name }),
        () => void inspections.create({ name, batch, feedbackDate, notes }).then((again) => onSaved(again.ok ? again.value.id : null)),
      );
      onSaved(null);
    }
    return removed;
  };

  return (
    <FormDialog title={inspection ? t('edit') : t('add')} onClose={onClose} onSave={save}>
      <TextInput form={form} name="name" label={t('fields.name')} required autoFocus wide hint={t('fields.nameHint')} />
      <TextInput form={form} name="batch" label={t('fields.batch')} />
      <DateInput form={form} name="feedbackDate" label={t('fields.feedbackDate')} />
      <TextArea form={form} name="notes" label={t('fields.notes')} rows={3} />
      <FormActions
        form={form}
        cancel={onClose}
        removal={inspection ? { label: t('remove'), message: t('removeMessage', { name: inspection.name }), run: remove } : undefined}
      />
    </FormDialog>
  );
}
