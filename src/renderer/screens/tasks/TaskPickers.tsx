import { useTranslation } from 'react-i18next';
import type { Measure } from '../../../contract/measures';
import type { Unit } from '../../../contract/units';
import type { UnitGroup } from '../../../contract/unitGroups';
import { describeMembers } from '../../../contract/describe-exchange';
import { FieldFrame } from '../../components/Field';
import { Picker, type PickerOption } from '../../components/Picker';
import type { Form } from '../../forms/useForm';
import type { TaskFormValues } from './taskValues';

type UnitField = 'leadUnitIds' | 'cooperatingUnitIds';
const GROUP_FIELD = { leadUnitIds: 'leadGroupIds', cooperatingUnitIds: 'cooperatingGroupIds' } as const;

/** Groups stand in the picker beside units under negative values, so that one id space holds both. */
const asGroup = (groupId: number): number => -groupId;

/**
 * The lead or co-operating units, and unit groups beside them (各盟市人民政府（行政公署）: each member
 * owes the task): archived units are not offered, but stay if already chosen.
 */
export function UnitPicker({
  form,
  name,
  units,
  groups,
  required = false,
  hint,
}: {
  form: Form<TaskFormValues>;
  name: UnitField;
  units: readonly Unit[];
  groups: readonly UnitGroup[];
  required?: boolean;
  hint?: string;
}) {
  const { t } = useTranslation('tasks');
  const other: UnitField = name === 'leadUnitIds' ? 'cooperatingUnitIds' : 'leadUnitIds';
  const groupField = GROUP_FIELD[name];
  const taken = [...(form.values[other] ?? []), ...(form.values[GROUP_FIELD[other]] ?? []).map(asGroup)];
  const options: PickerOption[] = [
    ...groups.map((g) => ({ value: asGroup(g.id), label: g.name, detail: t('form.groupDetail', { members: describeMembers(t, g.members) }) })),
    ...units.filter((u) => !u.archived).map((u) => ({ value: u.id, label: u.name, ...(u.shortName ? { detail: u.shortName } : {}) })),
  ].filter((option) => !taken.includes(option.value));
  const labelOf = (value: number): string =>
    (value < 0 ? groups.find((g) => asGroup(g.id) === value)?.name : units.find((u) => u.id === value)?.name) ?? t('unknownRef', { id: Math.abs(value) });
  const choose = (values: number[]): void => {
    form.set(
      name,
      values.filter((v) => v > 0),
    );
    form.set(groupField, values.filter((v) => v < 0).map(asGroup));
  };
  return (
    <FieldFrame label={t(`fields.${name}`)} required={required} hint={hint} wide error={form.errorOf(name)}>
      {(aria) => (
        <Picker
          aria={aria}
          multiple
          ordered={name === 'leadUnitIds'}
          options={options}
          selected={[...(form.values[name] ?? []), ...(form.values[groupField] ?? []).map(asGroup)]}
          onChange={choose}
          labelOf={labelOf}
          onBlur={() => form.touch(name)}
        />
      )}
    </FieldFrame>
  );
}

/** The measures the task carries out, with "新建措施" for one not yet in the ledger. */
export function MeasurePicker({ form, measures, onCreate }: { form: Form<TaskFormValues>; measures: readonly Measure[]; onCreate: (content: string) => void }) {
  const { t } = useTranslation('tasks');
  const options: PickerOption[] = measures.map((m) => ({ value: m.id, label: m.number ? `${m.number} ${m.content}` : m.content }));
  const labelOf = (id: number): string => options.find((o) => o.value === id)?.label ?? t('unknownRef', { id });
  return (
    <FieldFrame label={t('fields.measureIds')} wide hint={t('form.measuresHint')} error={form.errorOf('measureIds')}>
      {(aria) => (
        <Picker
          aria={aria}
          multiple
          options={options}
          selected={form.values.measureIds ?? []}
          onChange={(ids) => form.set('measureIds', ids)}
          labelOf={labelOf}
          create={{ label: (query) => t('form.createMeasure', { content: query }), run: onCreate }}
          onBlur={() => form.touch('measureIds')}
        />
      )}
    </FieldFrame>
  );
}
