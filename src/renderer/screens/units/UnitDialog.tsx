import { useTranslation } from 'react-i18next';
import { type Unit, UNIT_KINDS } from '../../../contract/units';
import type { Result } from '../../../shared/result';
import { useContractMutation } from '../../api/useContract';
import { FormActions } from '../../components/FormActions';
import { FormDialog } from '../../components/FormDialog';
import { CheckboxInput, SelectInput, TextArea, TextInput } from '../../components/inputs';
import { useToast } from '../../components/Toasts';
import { useForm } from '../../forms/useForm';
import { ContactsEditor } from './ContactsEditor';
import { isBlank, unitForm, type UnitFormValues } from './unitForm';

const valuesOf = (unit: Unit | null): UnitFormValues => ({
  name: unit?.name ?? '',
  shortName: unit?.shortName ?? '',
  kind: unit?.kind ?? 'supervised',
  address: unit?.address ?? '',
  notes: unit?.notes ?? '',
  archived: unit?.archived ?? false,
  contacts: unit ? [...unit.contacts] : [{ name: '', position: '', phone: '' }],
});

/** Adds or edits a unit; deleting asks first and can be undone from the notice that follows. */
export function UnitDialog({ unit, onClose, onSaved }: { unit: Unit | null; onClose: () => void; onSaved: () => void }) {
  const { t } = useTranslation('units');
  const units = useContractMutation().units;
  const toast = useToast();
  const form = useForm(unitForm, valuesOf(unit), `unit:${unit?.id ?? 'new'}`);

  const save = (): void =>
    void form
      .submit((_, checked) => {
        const input = { ...checked, contacts: checked.contacts.filter((c) => !isBlank(c)) };
        return unit ? units.update(unit.id, input) : units.create(input);
      })
      .then((saved) => {
        if (!saved) return;
        toast(t(unit ? 'saved' : 'created', { name: form.values.name }));
        onSaved();
      });

  const remove = async (): Promise<Result<unknown>> => {
    const removed = await units.remove(unit!.id);
    if (removed.ok) {
      const { id: _id, createdAt: _c, updatedAt: _u, ...input } = unit!;
      toast(t('removed', { name: unit!.name }), () => void units.create({ ...input, contacts: [...input.contacts] }));
      onSaved();
    }
    return removed;
  };

  return (
    <FormDialog title={unit ? t('edit', { name: unit.name }) : t('add')} onClose={onClose} onSave={save}>
      <TextInput form={form} name="name" label={t('fields.name')} required autoFocus wide />
      <TextInput form={form} name="shortName" label={t('fields.shortName')} hint={t('fields.shortNameHint')} />
      <SelectInput
        form={form}
        name="kind"
        label={t('fields.kind')}
        required
        options={UNIT_KINDS.map((k) => ({ value: k, label: t(`common:enums.unitKind.${k}`) }))}
      />
      <TextInput form={form} name="address" label={t('fields.address')} wide />
      <ContactsEditor form={form} />
      <TextArea form={form} name="notes" label={t('fields.notes')} rows={2} />
      <CheckboxInput form={form} name="archived" label={t('fields.archived')} hint={t('fields.archivedHint')} />
      <FormActions
        form={form}
        cancel={onClose}
        removal={unit ? { label: t('remove'), title: t('removeTitle'), message: t('removeMessage', { name: unit.name }), run: remove } : undefined}
        wide
      />
    </FormDialog>
  );
}
