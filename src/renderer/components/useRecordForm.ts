import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import type { z } from 'zod';
import type { DubanApi } from '../../contract/api';
import type { Result } from '../../shared/result';
import { useContractMutation } from '../api/useContract';
import { type FormSchema, useForm } from '../forms/useForm';
import type { Removal } from './FormPage';
import type { RecordArea, RecordWord } from './recordWords';
import { useToast } from './Toasts';

/** The contract's calls for a record kept whole. */
export interface RecordCalls<R, I> {
  create(input: I): Promise<Result<R>>;
  update(id: number, input: I): Promise<Result<R>>;
  remove(id: number): Promise<Result<unknown>>;
}

/**
 * The form of a record's page (a petition case, a site visit, a meeting, an accountability case):
 * its values start from the record (`valuesOf`, also what undoing a deletion recreates it from);
 * saving says so, and a new record is then shown at its own address; deleting asks first. The
 * words are the area's own (`saved`, `created`, `remove`, `removeMessage`, `removed`), said with
 * `wordsOf` the record.
 */
export function useRecordForm<S extends FormSchema, R extends { readonly id: number }>({
  area,
  draft,
  schema,
  record,
  valuesOf,
  calls,
  wordsOf = () => ({}),
}: {
  area: RecordArea;
  /** The draft's key: what the form is of (its record's id follows). */
  draft: string;
  schema: S;
  record: R | null;
  valuesOf: (record: R | null) => z.input<S>;
  calls: (api: DubanApi) => RecordCalls<R, z.input<S>>;
  wordsOf?: (record: R) => Record<string, string>;
}) {
  const { t } = useTranslation();
  const say = (word: RecordWord, about?: R) => t(`${area}:${word}`, about ? wordsOf(about) : {});
  const form = useForm(schema, valuesOf(record), `${draft}:${record?.id ?? 'new'}`);
  const changes = useContractMutation();
  const toast = useToast();
  const navigate = useNavigate();
  const list = { to: `/${area}`, label: say('title') };

  const save = async (values: z.input<S>): Promise<Result<R>> => {
    const saved = record ? await calls(changes).update(record.id, values) : await calls(changes).create(values);
    if (saved.ok) {
      toast(say(record ? 'saved' : 'created', saved.value));
      if (!record) navigate(`${list.to}/${saved.value.id}`, { replace: true });
    }
    return saved;
  };

  const removal: Removal | undefined = record
    ? {
        label: say('remove'),
        confirmTitle: say('remove'),
        confirmMessage: say('removeMessage', record),
        done: say('removed', record),
        run: () => calls(changes).remove(record.id),
        undo: () => calls(changes).create(valuesOf(record)),
      }
    : undefined;

  return { form, page: { list, form, save, removal } };
}
