import { useTranslation } from 'react-i18next';
import { describeMembers } from '../../../contract/describe-exchange';
import type { UnitGroupInput } from '../../../contract/unitGroups';
import { type Unit, UNIT_KINDS } from '../../../contract/units';
import { FieldFrame } from '../../components/Field';
import { UnitTicks } from '../../components/UnitTicks';
import type { Form } from '../../forms/useForm';

/**
 * Who belongs to a group: every unit of a kind (the ledger's units as they are then, a unit added
 * later included), or the units ticked one by one.
 */
export function GroupMembersField({ form, units }: { form: Form<UnitGroupInput>; units: readonly Unit[] }) {
  const { t } = useTranslation('units');
  const members = form.values.members;
  const listed = members.by === 'list' ? members.unitIds : [];
  return (
    <FieldFrame label={t('groupFields.members')} required wide error={form.errorOf('members')} hint={t('groups.membersHint')}>
      {(aria) => (
        <div className="group-members" id={aria.id} role="group" aria-describedby={aria['aria-describedby']}>
          <label className="field--check">
            <input type="radio" checked={members.by === 'kind'} onChange={() => form.set('members', { by: 'kind', kind: 'city' })} />
            {t('groups.byKind')}
          </label>
          {members.by === 'kind' && (
            <select
              aria-label={t('fields.kind')}
              value={members.kind}
              onChange={(e) => form.set('members', { by: 'kind', kind: e.target.value as Unit['kind'] })}
            >
              {UNIT_KINDS.map((kind) => (
                <option key={kind} value={kind}>
                  {describeMembers(t, { by: 'kind', kind })}
                </option>
              ))}
            </select>
          )}
          <label className="field--check">
            <input type="radio" checked={members.by === 'list'} onChange={() => form.set('members', { by: 'list', unitIds: [] })} />
            {t('groups.byList')}
          </label>
          {members.by === 'list' && <UnitTicks units={units} ticked={listed} onChange={(unitIds) => form.set('members', { by: 'list', unitIds })} />}
        </div>
      )}
    </FieldFrame>
  );
}
