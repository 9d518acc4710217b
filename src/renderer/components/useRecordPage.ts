import { useNavigate } from 'react-router';
import type { DubanApi } from '../../contract/api';
import type { Result } from '../../shared/result';
import { useContractMutation } from '../api/useContract';
import type { Removal } from './FormPage';
import { useToast } from './Toasts';

/** The contract's calls for a record kept whole: petition cases, site visits, meetings, accountability cases. */
export interface RecordCalls<R, I> {
  create(input: I): Promise<Result<R>>;
  update(id: number, input: I): Promise<Result<R>>;
  remove(id: number): Promise<Result<unknown>>;
}

/**
 * Saving and deleting the record of a FormPage: saving says so, and a new record is then shown at
 * its own address (`path`/id); deleting is undone by creating it again from what it held.
 */
export function useRecordPage<R extends { readonly id: number }, V, I>({
  record,
  calls,
  path,
  inputOf,
  valuesOf,
  words,
}: {
  record: R | null;
  calls: (api: DubanApi) => RecordCalls<R, I>;
  /** The list's address. */
  path: string;
  inputOf: (values: V) => I;
  valuesOf: (record: R) => V;
  /** What the notices and the confirmation say (the saved ones of the record as saved). */
  words: { saved: (saved: R) => string; created: (saved: R) => string; remove: string; removeMessage: string; removed: string };
}): { save: (values: V) => Promise<Result<R>>; removal: Removal | undefined } {
  const changes = useContractMutation();
  const toast = useToast();
  const navigate = useNavigate();

  const save = async (values: V): Promise<Result<R>> => {
    const saved = record ? await calls(changes).update(record.id, inputOf(values)) : await calls(changes).create(inputOf(values));
    if (saved.ok) {
      toast(record ? words.saved(saved.value) : words.created(saved.value));
      if (!record) navigate(`${path}/${saved.value.id}`, { replace: true });
    }
    return saved;
  };

  const removal: Removal | undefined = record
    ? {
        label: words.remove,
        confirmTitle: words.remove,
        confirmMessage: words.removeMessage,
        done: words.removed,
        run: () => calls(changes).remove(record.id),
        undo: () => calls(changes).create(inputOf(valuesOf(record))),
      }
    : undefined;

  return { save, removal };
}
