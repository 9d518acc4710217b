import { useCallback, useMemo, useState } from 'react';
import type { z } from 'zod';
import type { DubanError, FieldError } from '../../shared/errors';
import type { Result } from '../../shared/result';
import { fieldErrors } from '../../shared/validation';
import { dropDraft, readDraft, writeDraft } from './drafts';

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
}

/**
 * A form checked as the user types, by the same rules (`schema`) the core applies. With a `draftKey`,
 * what was typed survives the form being closed by a lock.
 */
export function useForm<V extends Record<string, unknown>>(schema: z.ZodType, initial: V, draftKey?: string): Form<V> {
  const [values, setValues] = useState<V>(() => (draftKey ? (readDraft<V>(draftKey) ?? initial) : initial));
  const [touched, setTouched] = useState<ReadonlySet<string>>(new Set());
  const [submitted, setSubmitted] = useState(false);
  const [saving, setSaving] = useState(false);
  const [failure, setFailure] = useState<DubanError | null>(null);
  const [serverErrors, setServerErrors] = useState<readonly FieldError[]>([]);

  const localErrors = useMemo(() => {
    const parsed = schema.safeParse(values);
    return parsed.success ? [] : fieldErrors(parsed.error);
  }, [schema, values]);

  const set = useCallback(
    <K extends keyof V>(field: K, value: V[K]) => {
      setValues((current) => {
        const next = { ...current, [field]: value };
        if (draftKey) writeDraft(draftKey, next);
        return next;
      });
      setServerErrors((errors) => errors.filter((e) => e.field !== field));
    },
    [draftKey],
  );

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
      if (draftKey) dropDraft(draftKey);
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
      if (draftKey) dropDraft(draftKey);
      setValues(next);
      setTouched(new Set());
      setSubmitted(false);
      setServerErrors([]);
      setFailure(null);
    },
  };
}
