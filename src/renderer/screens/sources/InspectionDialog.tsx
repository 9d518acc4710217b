import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { type Inspection, inspectionInput } from '../../../core/inspections/model';
import type { DubanError } from '../../../shared/errors';
import { useApi } from '../../api/ApiContext';
import { ConfirmDialog } from '../../components/ConfirmDialog';
import { Dialog } from '../../components/Dialog';
import { ErrorNotice } from '../../components/Notice';
import { DateInput, TextArea, TextInput } from '../../components/inputs';
import { useToast } from '../../components/Toasts';
import { useForm } from '../../forms/useForm';

interface InspectionValues extends Record<string, unknown> {
  name: string;
  batch: string;
  feedbackDate: string | null;
  notes: string;
}

/** Adds or edits an inspection (督察 and its feedback); deleting asks and can be undone. */
export function InspectionDialog({ inspection, onClose, onSaved }: { inspection: Inspection | null; onClose: () => void; onSaved: (id: number | null) => void }) {
  const { t } = useTranslation('sources');
  const api = useApi();
  const toast = useToast();
  const form = useForm<InspectionValues>(
    inspectionInput,
    { name: inspection?.name ?? '', batch: inspection?.batch ?? '', feedbackDate: inspection?.feedbackDate ?? null, notes: inspection?.notes ?? '' },
    `inspection:${inspection?.id ?? 'new'}`,
  );
  const [confirming, setConfirming] = useState(false);
  const [removeError, setRemoveError] = useState<DubanError | null>(null);

  const save = (): void =>
    void form.submit(async (values) => {
      const saved = inspection ? await api.inspections.update(inspection.id, values) : await api.inspections.create(values);
      if (saved.ok) {
        toast(t(inspection ? 'saved' : 'created', { name: saved.value.name }));
        onSaved(saved.value.id);
      }
      return saved;
    });

  const remove = async (): Promise<void> => {
    setConfirming(false);
    const removed = await api.inspections.remove(inspection!.id);
    if (!removed.ok) return setRemoveError(removed.error);
    const { name, batch, feedbackDate, notes } = inspection!;
    toast(t('removed', { name }), () => void api.inspections.create({ name, batch, feedbackDate, notes }).then((again) => onSaved(again.ok ? again.value.id : null)));
    onSaved(null);
  };

  return (
    <Dialog title={inspection ? t('edit') : t('add')} open onClose={onClose} wide>
      <form
        className="form form--grid"
        onSubmit={(e) => {
          e.preventDefault();
          save();
        }}
      >
        <TextInput form={form} name="name" label={t('fields.name')} required autoFocus wide hint={t('fields.nameHint')} />
        <TextInput form={form} name="batch" label={t('fields.batch')} />
        <DateInput form={form} name="feedbackDate" label={t('fields.feedbackDate')} />
        <TextArea form={form} name="notes" label={t('fields.notes')} rows={3} />
        <ErrorNotice error={form.failure ?? removeError} />
        <div className="form__actions">
          {inspection && (
            <button type="button" className="button button--danger form__actions-start" onClick={() => setConfirming(true)}>
              {t('remove')}
            </button>
          )}
          <button type="button" className="button" onClick={onClose}>
            {t('app:actions.cancel')}
          </button>
          <button type="submit" className="button button--primary" disabled={form.saving}>
            {t('app:actions.save')}
          </button>
        </div>
      </form>
      <ConfirmDialog open={confirming} danger title={t('remove')} message={t('removeMessage', { name: inspection?.name ?? '' })} confirmLabel={t('remove')} onConfirm={() => void remove()} onCancel={() => setConfirming(false)} />
    </Dialog>
  );
}
