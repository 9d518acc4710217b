import { useTranslation } from 'react-i18next';
import { z } from 'zod';
import { type Unit, type UnitContact, unitContactInput, unitInput, UNIT_KINDS, type UnitKind } from '../../../contract/units';
import type { Result } from '../../../shared/result';
import { useContractMutation } from '../../api/useContract';
import { Dialog } from '../../components/Dialog';
import { FormActions } from '../../components/FormActions';
import { CheckboxInput, SelectInput, TextArea, TextInput } from '../../components/inputs';
import { useToast } from '../../components/Toasts';
import { useForm } from '../../forms/useForm';
import { ContactsEditor } from './ContactsEditor';

interface UnitValues extends Record<string, unknown> {
  name: string;
  shortName: string;
  kind: UnitKind;
  address: string;
  notes: string;
  archived: boolean;
  contacts: UnitContact[];
}

const isBlank = (c: UnitContact): boolean => !c.name.trim() && !c.position.trim() && !c.phone.trim();

/** As the core's rules, except that a contact row left entirely blank is simply not a contact. */
const unitForm = unitInput.extend({
  contacts: z.array(z.union([z.object({ name: z.literal(''), position: z.literal(''), phone: z.literal('') }), unitContactInput])).max(20),
});

const valuesOf = (unit: Unit | null): UnitValues => ({
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
      .submit((values) => {
        const input = { ...values, contacts: values.contacts.filter((c) => !isBlank(c)) };
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
    <Dialog title={unit ? t('edit', { name: unit.name }) : t('add')} open onClose={onClose} wide>
      <form
        className="form form--grid"
        onSubmit={(e) => {
          e.preventDefault();
          save();
        }}
      >
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
      </form>
    </Dialog>
  );
}
