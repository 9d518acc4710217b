import { useTranslation } from 'react-i18next';
import type { Measure } from '../../../contract/measures';
import type { Unit } from '../../../contract/units';
import { FieldFrame } from '../../components/Field';
import { Picker, type PickerOption } from '../../components/Picker';
import type { Form } from '../../forms/useForm';
import type { TaskFormValues } from './taskValues';

type UnitField = 'leadUnitIds' | 'cooperatingUnitIds';

/** The lead or co-operating units: archived units are not offered, but stay if already chosen. */
export function UnitPicker({
  form,
  name,
  units,
  required = false,
  hint,
}: {
  form: Form<TaskFormValues>;
  name: UnitField;
  units: readonly Unit[];
  required?: boolean;
  hint?: string;
}) {
  const { t } = useTranslation('tasks');
  const other: UnitField = name === 'leadUnitIds' ? 'cooperatingUnitIds' : 'leadUnitIds';
  const options: PickerOption[] = units
    .filter((u) => !u.archived && !(form.values[other] ?? []).includes(u.id))
    .map((u) => ({ value: u.id, label: u.name, ...(u.shortName ? { detail: u.shortName } : {}) }));
  const labelOf = (id: number): string => units.find((u) => u.id === id)?.name ?? t('unknownRef', { id });
  return (
    <FieldFrame label={t(`fields.${name}`)} required={required} hint={hint} wide error={form.errorOf(name)}>
      {(aria) => (
        <Picker
          aria={aria}
          multiple
          ordered={name === 'leadUnitIds'}
          options={options}
          selected={form.values[name] ?? []}
          onChange={(ids) => form.set(name, ids)}
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
