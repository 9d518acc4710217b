import { useCallback, useMemo, useState } from 'react';
import type { z } from 'zod';
import type { DubanError, FieldError } from '../../shared/errors';
import type { Result } from '../../shared/result';
import { fieldErrors } from '../../shared/validation';
import { type DraftOffer, sameValues, useDraft } from './drafts';
import { changed as fieldChanged, type Checks, freshChecks, shownError, touched } from './fields';
import { useAskBeforeLeaving } from './leaving';

/** A form holding values `V` as typed; `O` is what the rules make of them once they pass (a date as an IsoDate, defaults filled in). */
export interface Form<V, O = unknown> {
  readonly values: V;
  set<K extends keyof V>(field: K, value: V[K]): void;
  /** The error to show under a field (or a part of one, `subjects.0.name`): after the user has left it, or after a first attempt to save. */
  errorOf(field: string): FieldError | undefined;
  touch(field: string): void;
  readonly saving: boolean;
  /** An error of the whole form (not of one field), from the last attempt to save. */
  readonly failure: DubanError | null;
  /** The user tried to save and some field is still wrong: worth saying beside the save button. */
  readonly rejected: boolean;
  /** Validates, then calls `save` with the values and what the rules made of them; the values stay as typed whatever happens. */
  submit(save: (values: V, checked: O) => Promise<Result<unknown>>): Promise<boolean>;
  reset(values: V): void;
  /** What was typed here before and not saved, found as the form opened; shown with the form. */
  readonly draft: DraftOffer | null;
  /** Cancelling: what was typed is let go, and its draft with it. */
  discard(): void;
}

/** A schema a form can hold: its input is an object of fields. */
export type FormSchema = z.ZodType<unknown, Record<string, unknown>>;

/**
 * A form checked as the user types, by the same rules (`schema`) the core applies: its values are
 * the schema's input type, so a field the rules require and the form does not hold fails to compile.
 * While it holds unsaved work, closing the window asks first. With a `draftKey` (the form and its
 * record), what was typed is kept in the ledger as a draft and offered back when the form opens again.
 */
export function useForm<S extends FormSchema>(schema: S, initial: z.input<S>, draftKey?: string): Form<z.input<S>, z.output<S>> {
  type V = z.input<S>;
  const [values, setValues] = useState<V>(initial);
  // What the form opened with, or last saved: the values differ from it when there is work to keep.
  const [baseline, setBaseline] = useState<V>(initial);
  const changed = useMemo(() => !sameValues(values, baseline), [values, baseline]);
  const draft = useDraft(draftKey, values, changed, (kept) => setValues({ ...initial, ...kept }));
  useAskBeforeLeaving(changed);
  const [checks, setChecks] = useState<Checks>(freshChecks);
  const [saving, setSaving] = useState(false);
  const [failure, setFailure] = useState<DubanError | null>(null);

  const parsed = useMemo(() => schema.safeParse(values), [schema, values]);
  const localErrors = parsed.success ? [] : fieldErrors(parsed.error);

  const set = useCallback(<K extends keyof V>(field: K, value: V[K]) => {
    setValues((current) => ({ ...current, [field]: value }));
    setChecks((current) => fieldChanged(current, String(field)));
  }, []);

  const submit = async (save: (values: V, checked: z.output<S>) => Promise<Result<unknown>>): Promise<boolean> => {
    setChecks((current) => ({ ...current, submitted: true }));
    setFailure(null);
    if (!parsed.success) return false;
    setSaving(true);
    const result = await save(values, parsed.data);
    setSaving(false);
    if (result.ok) {
      setBaseline(values);
      draft.drop();
      return true;
    }
    const refused = result.error.code === 'validation' ? (result.error.fields ?? []) : [];
    if (refused.length > 0) setChecks((current) => ({ ...current, refused }));
    else setFailure(result.error);
    return false;
  };

  return {
    values,
    set,
    errorOf: (field) => shownError(checks, localErrors, field),
    touch: (field) => setChecks((current) => touched(current, field)),
    saving,
    failure,
    rejected: checks.submitted && (localErrors.length > 0 || checks.refused.length > 0),
    submit,
    reset: (next) => {
      draft.drop();
      setBaseline(next);
      setValues(next);
      setChecks(freshChecks);
      setFailure(null);
    },
    draft: draft.offer,
    discard: () => {
      draft.drop();
      setBaseline(values);
    },
  };
}
