import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Measure } from '../../../core/measures/model';
import type { TaskSummary } from '../../../core/tasks/model';
import type { Unit } from '../../../core/units/model';
import { useApi } from '../../api/ApiContext';
import { FieldFrame } from '../../components/Field';
import { Picker, type PickerOption } from '../../components/Picker';
import type { Form } from '../../forms/useForm';
import type { TaskValues } from './taskValues';

type UnitField = 'leadUnitIds' | 'cooperatingUnitIds';

/** The lead or co-operating units: archived units are not offered, but stay if already chosen. */
export function UnitPicker({ form, name, units, required = false, hint }: { form: Form<TaskValues>; name: UnitField; units: readonly Unit[]; required?: boolean; hint?: string }) {
  const { t } = useTranslation('tasks');
  const other: UnitField = name === 'leadUnitIds' ? 'cooperatingUnitIds' : 'leadUnitIds';
  const options: PickerOption[] = units
    .filter((u) => !u.archived && !form.values[other].includes(u.id))
    .map((u) => ({ value: u.id, label: u.name, ...(u.shortName ? { detail: u.shortName } : {}) }));
  const labelOf = (id: number): string => units.find((u) => u.id === id)?.name ?? t('unknownRef', { id });
  return (
    <FieldFrame label={t(`fields.${name}`)} required={required} hint={hint} wide error={form.errorOf(name)}>
      {(aria) => <Picker aria={aria} multiple ordered={name === 'leadUnitIds'} options={options} selected={form.values[name]} onChange={(ids) => form.set(name, ids)} labelOf={labelOf} onBlur={() => form.touch(name)} />}
    </FieldFrame>
  );
}

/** The measures the task carries out, with "新建措施" for one not yet in the ledger. */
export function MeasurePicker({ form, measures, onCreate }: { form: Form<TaskValues>; measures: readonly Measure[]; onCreate: (content: string) => void }) {
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
          selected={form.values.measureIds}
          onChange={(ids) => form.set('measureIds', ids)}
          labelOf={labelOf}
          create={{ label: (query) => t('form.createMeasure', { content: query }), run: onCreate }}
          onBlur={() => form.touch('measureIds')}
        />
      )}
    </FieldFrame>
  );
}

/** The parent task, found by searching the ledger (number or problem); never the task itself. */
type TaskRef = Pick<TaskSummary, 'id' | 'number' | 'problem'>;

export function ParentPicker({ form, taskId, parent }: { form: Form<TaskValues>; taskId: number | null; parent: TaskRef | null }) {
  const { t } = useTranslation('tasks');
  const api = useApi();
  const [found, setFound] = useState<readonly TaskSummary[]>([]);
  const known = useMemo(() => new Map<number, TaskRef>([...(parent ? [parent] : []), ...found].map((task) => [task.id, task])), [parent, found]);
  const search = (query: string): void =>
    void api.tasks.list({ ...(query.trim() ? { search: query.trim() } : {}), limit: 20 }).then((page) => page.ok && setFound(page.value.rows.filter((task) => task.id !== taskId)));
  const label = (task: TaskRef): string => t('taskRef', { number: task.number });
  return (
    <FieldFrame label={t('fields.parentId')} hint={t('form.parentHint')} error={form.errorOf('parentId')}>
      {(aria) => (
        <Picker
          aria={aria}
          multiple={false}
          options={found.map((task) => ({ value: task.id, label: label(task), detail: task.problem }))}
          onQuery={search}
          selected={form.values.parentId === null ? [] : [form.values.parentId]}
          onChange={(ids) => form.set('parentId', ids[0] ?? null)}
          labelOf={(id) => {
            const task = known.get(id);
            return task ? label(task) : t('unknownRef', { id });
          }}
          placeholder={t('form.parentPlaceholder')}
          onBlur={() => form.touch('parentId')}
        />
      )}
    </FieldFrame>
  );
}
