import { useTranslation } from 'react-i18next';
import { type UnitGroup, type UnitGroupInput, unitGroupInput } from '../../../contract/unitGroups';
import type { Unit } from '../../../contract/units';
import type { Result } from '../../../shared/result';
import { useContractMutation } from '../../api/useContract';
import { FormDialog } from '../../components/FormDialog';
import { FormActions } from '../../components/FormActions';
import { TextArea, TextInput } from '../../components/inputs';
import { useToast } from '../../components/Toasts';
import { useForm } from '../../forms/useForm';
import { GroupMembersField } from './GroupMembersField';

const valuesOf = (group: UnitGroup | null): UnitGroupInput => ({
  name: group?.name ?? '',
  members: group ? group.members : { by: 'kind', kind: 'city' },
  notes: group?.notes ?? '',
});

/** Adds or edits a unit group; deleting asks first, and a group tasks were given to is kept. */
export function GroupDialog({ group, units, onClose }: { group: UnitGroup | null; units: readonly Unit[]; onClose: () => void }) {
  const { t } = useTranslation('units');
  const groups = useContractMutation().unitGroups;
  const toast = useToast();
  const form = useForm(unitGroupInput, valuesOf(group), `unitGroup:${group?.id ?? 'new'}`);

  const save = (): void =>
    void form
      .submit((values) => (group ? groups.update(group.id, values) : groups.create(values)))
      .then((saved) => {
        if (!saved) return;
        toast(t(group ? 'groups.saved' : 'groups.created', { name: form.values.name }));
        onClose();
      });

  const remove = async (): Promise<Result<unknown>> => {
    const removed = await groups.remove(group!.id);
    if (removed.ok) {
      toast(t('groups.removed', { name: group!.name }));
      onClose();
    }
    return removed;
  };

  return (
    <FormDialog title={group ? t('groups.edit', { name: group.name }) : t('groups.add')} onClose={onClose} onSave={save}>
      <TextInput form={form} name="name" label={t('groupFields.name')} hint={t('groups.nameHint')} required autoFocus wide />
      <GroupMembersField form={form} units={units.filter((u) => !u.archived)} />
      <TextArea form={form} name="notes" label={t('groupFields.notes')} rows={2} />
      <FormActions
        form={form}
        cancel={onClose}
        removal={
          group ? { label: t('groups.remove'), title: t('groups.remove'), message: t('groups.removeMessage', { name: group.name }), run: remove } : undefined
        }
        wide
      />
    </FormDialog>
  );
}
