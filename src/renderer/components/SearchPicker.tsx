import { useCallback, useEffect, useState } from 'react';
import type { DubanApi } from '../../contract/api';
import { useApi } from '../api/ApiContext';
import type { FieldOf } from '../forms/fields';
import type { Form } from '../forms/useForm';
import { FieldFrame } from './Field';
import { Picker, type PickerOption } from './Picker';

/** How records of one kind are found by what the user types, and named by their id. */
export interface SearchSource {
  search(api: DubanApi, query: string): Promise<readonly PickerOption[]>;
  lookup(api: DubanApi, id: number): Promise<PickerOption | null>;
}

/**
 * Chooses one record or several by searching the ledger (a task by number or problem, a petition by
 * its receipt number). The field `name` holds one id (number or null) or several (number[]).
 */
export function SearchPicker<V extends Record<string, unknown>>({
  form,
  name,
  label,
  hint,
  source,
  placeholder,
}: {
  form: Form<V>;
  /** A field holding one record's id (or none), or several. */
  name: FieldOf<V, number | null> | FieldOf<V, number[]>;
  label: string;
  hint?: string;
  source: SearchSource;
  placeholder?: string;
}) {
  const api = useApi();
  const value = form.values[name] as number | null | number[];
  const multiple = Array.isArray(value);
  const selected = multiple ? value : value === null ? [] : [value];
  const [found, setFound] = useState<readonly PickerOption[]>([]);
  const [known, setKnown] = useState<ReadonlyMap<number, PickerOption>>(new Map());
  const remember = useCallback(
    (options: readonly (PickerOption | null)[]): void =>
      setKnown((all) => new Map([...all, ...options.flatMap((o): [number, PickerOption][] => (o ? [[o.value, o]] : []))])),
    [],
  );

  // The records already chosen are named once, read by their ids. The ids go as text, compared by
  // value: a record no longer found is not asked for again at every render.
  const unnamed = selected.filter((id) => !known.has(id)).join(',');
  useEffect(() => {
    if (unnamed) void Promise.all(unnamed.split(',').map((id) => source.lookup(api, Number(id)))).then(remember);
  }, [api, source, unnamed, remember]);

  const search = (query: string): void =>
    void source.search(api, query.trim()).then((options) => {
      setFound(options);
      remember(options);
    });

  return (
    <FieldFrame label={label} hint={hint} wide={multiple} error={form.errorOf(name)}>
      {(aria) => (
        <Picker
          aria={aria}
          multiple={multiple}
          options={found}
          onQuery={search}
          selected={selected}
          // The field's own value says which it holds: several ids or one.
          onChange={(ids) => form.set(name, (multiple ? ids : (ids[0] ?? null)) as V[typeof name])}
          labelOf={(id) => known.get(id)?.label ?? ''}
          placeholder={placeholder}
          onBlur={() => form.touch(name)}
        />
      )}
    </FieldFrame>
  );
}
