import type { FieldError } from '../../shared/errors';

/** The fields of a form's values `V` that may be given a `T`: where a control writing a `T` can be bound. */
export type FieldOf<V, T> = { [K in keyof V]-?: [T] extends [V[K]] ? K : never }[keyof V] & string;

/** The part of a form a control needs to write its field (see useForm's Form). */
interface Settable<V> {
  set<K extends keyof V>(field: K, value: V[K]): void;
}

/** Writes a `T` into a field that `FieldOf` proved can hold one (the compiler cannot follow that proof into `V[K]`). */
export const writer =
  <V, T>(form: Settable<V>, name: FieldOf<V, T>) =>
  (value: T): void =>
    form.set(name, value as V[FieldOf<V, T>]);

/** What a form knows of its fields beyond their values: which the user left, whether saving was tried, what the core refused. */
export interface Checks {
  readonly touched: ReadonlySet<string>;
  readonly submitted: boolean;
  /** The fields the core refused on the last save, until the user changes them. */
  readonly refused: readonly FieldError[];
}

export const freshChecks: Checks = { touched: new Set(), submitted: false, refused: [] };

const about = (field: string) => (error: FieldError) => error.field === field || error.field.startsWith(`${field}.`);

/**
 * The error to show under a field: the core's refusal first; the schema's own issues (`local`) once
 * the user has left the field or tried to save — not while they are still typing a first time.
 */
export function shownError(checks: Checks, local: readonly FieldError[], field: string): FieldError | undefined {
  const refused = checks.refused.find(about(field));
  if (refused) return refused;
  if (!checks.submitted && !checks.touched.has(field)) return undefined;
  return local.find(about(field));
}

/** A field changed: what the core said of it no longer applies. */
export const changed = (checks: Checks, field: string): Checks => ({ ...checks, refused: checks.refused.filter((e) => e.field !== field) });

export const touched = (checks: Checks, field: string): Checks => ({ ...checks, touched: new Set(checks.touched).add(field) });
