import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import type { TaskSummary } from '../../../contract/tasks';
import { SearchPicker, type SearchSource } from '../SearchPicker';
import type { FieldOf } from '../../forms/fields';
import type { Form } from '../../forms/useForm';

const SHOWN = 20;

/**
 * Chooses one task or several by number or problem: a parent task, the tasks a visit looked at,
 * the task a finding belongs to. `exclude` is never offered (the task itself).
 */
export function TaskSearchPicker<V extends Record<string, unknown>>({
  form,
  name,
  label,
  hint,
  exclude,
}: {
  form: Form<V>;
  name: FieldOf<V, number | null> | FieldOf<V, number[]>;
  label: string;
  hint?: string;
  exclude?: number;
}) {
  const { t } = useTranslation('tasks');
  const source = useMemo<SearchSource>(() => {
    const option = (task: Pick<TaskSummary, 'id' | 'number' | 'problem'>) => ({
      value: task.id,
      label: t('taskRef', { number: task.number }),
      detail: task.problem,
    });
    return {
      search: async (api, query) => {
        const page = await api.tasks.list({ ...(query ? { search: query } : {}), limit: SHOWN });
        return page.ok ? page.value.rows.filter((task) => task.id !== exclude).map(option) : [];
      },
      lookup: async (api, id) => {
        const task = await api.tasks.get(id);
        return task.ok ? option(task.value) : null;
      },
    };
  }, [t, exclude]);
  return <SearchPicker form={form} name={name} label={label} hint={hint} source={source} placeholder={t('form.parentPlaceholder')} />;
}
