import { useCallback, useMemo, useState } from 'react';
import type { z } from 'zod';
import type { DubanError, FieldError } from '../../shared/errors';
import type { Result } from '../../shared/result';
import { fieldErrors } from '../../shared/validation';
import { type DraftOffer, sameValues, useDraft } from './drafts';
import { useAskBeforeLeaving } from './leaving';

export interface Form<V> {
  readonly values: V;
  set<K extends keyof V>(field: K, value: V[K]): void;
  /** The error to show under a field: after the user has left it, or after a first attempt to save. */
  errorOf(field: string): FieldError | undefined;
  touch(field: string): void;
  readonly saving: boolean;
  /** An error of the whole form (not of one field), from the last attempt to save. */
  readonly failure: DubanError | null;
  /** The user tried to save and some field is still wrong: worth saying beside the save button. */
  readonly rejected: boolean;
  /** Validates, then calls `save`; the values stay as typed whatever happens. */
  submit(save: (values: V) => Promise<Result<unknown>>): Promise<boolean>;
  reset(values: V): void;
  /** What was typed here before and not saved, found as the form opened; shown with the form. */
  readonly draft: DraftOffer | null;
  /** Cancelling: what was typed is let go, and its draft with it. */
  discard(): void;
}

/**
 * A form checked as the user types, by the same rules (`schema`) the core applies. While it holds
 * unsaved work, closing the window asks first. With a `draftKey` (the form and its record), what was
 * typed is kept in the ledger as a draft and offered back when the form opens again.
 */
export function useForm<V extends Record<string, unknown>>(schema: z.ZodType, initial: V, draftKey?: string): Form<V> {
  const [values, setValues] = useState<V>(initial);
  // What the form opened with, or last saved: the values differ from it when there is work to keep.
  const [baseline, setBaseline] = useState<V>(initial);
  const changed = useMemo(() => !sameValues(values, baseline), [values, baseline]);
  const draft = useDraft(draftKey, values, changed, (kept) => setValues({ ...initial, ...kept }));
  useAskBeforeLeaving(changed);
  const [touched, setTouched] = useState<ReadonlySet<string>>(new Set());
  const [submitted, setSubmitted] = useState(false);
  const [saving, setSaving] = useState(false);
  const [failure, setFailure] = useState<DubanError | null>(null);
  const [serverErrors, setServerErrors] = useState<readonly FieldError[]>([]);

  const localErrors = useMemo(() => {
    const parsed = schema.safeParse(values);
    return parsed.success ? [] : fieldErrors(parsed.error);
  }, [schema, values]);

  const set = useCallback(<K extends keyof V>(field: K, value: V[K]) => {
    setValues((current) => ({ ...current, [field]: value }));
    setServerErrors((errors) => errors.filter((e) => e.field !== field));
  }, []);

  const errorOf = (field: string): FieldError | undefined => {
    const server = serverErrors.find((e) => e.field === field || e.field.startsWith(`${field}.`));
    if (server) return server;
    if (!submitted && !touched.has(field)) return undefined;
    return localErrors.find((e) => e.field === field || e.field.startsWith(`${field}.`));
  };

  const submit = async (save: (values: V) => Promise<Result<unknown>>): Promise<boolean> => {
    setSubmitted(true);
    setFailure(null);
    if (localErrors.length > 0) return false;
    setSaving(true);
    const result = await save(values);
    setSaving(false);
    if (result.ok) {
      setBaseline(values);
      draft.drop();
      return true;
    }
    if (result.error.code === 'validation' && result.error.fields?.length) setServerErrors(result.error.fields);
    else setFailure(result.error);
    return false;
  };

  return {
    values,
    set,
    errorOf,
    touch: (field) => setTouched((t) => new Set(t).add(field)),
    saving,
    failure,
    rejected: submitted && (localErrors.length > 0 || serverErrors.length > 0),
    submit,
    reset: (next) => {
      draft.drop();
      setBaseline(next);
      setValues(next);
      setTouched(new Set());
      setSubmitted(false);
      setServerErrors([]);
      setFailure(null);
    },
    draft: draft.offer,
    discard: () => {
      draft.drop();
      setBaseline(values);
    },
  };
}
