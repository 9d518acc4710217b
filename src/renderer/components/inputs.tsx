import { type FieldOf, writer } from '../forms/fields';
import type { Form } from '../forms/useForm';
import { DateControl } from './DateControl';
import { FieldFrame } from './Field';

/**
 * Form controls bound to a field of a `Form`: the value, what was typed, and the error when the
 * user leaves the field. Each shows its label and its error in words. A control writing a `T` binds
 * only to a field that may hold a `T` (`FieldOf`), so the compiler checks every binding.
 */
interface Bound<V, T> {
  readonly form: Form<V>;
  readonly name: FieldOf<V, T>;
  readonly label: string;
  readonly required?: boolean;
  readonly hint?: string;
  readonly wide?: boolean;
}

export function TextInput<V extends Record<string, unknown>>({
  form,
  name,
  label,
  required,
  hint,
  wide,
  type = 'text',
  autoFocus,
  autoComplete,
}: Bound<V, string> & { type?: 'text' | 'tel' | 'password'; autoFocus?: boolean; autoComplete?: 'new-password' | 'current-password' | 'off' }) {
  return (
    <FieldFrame label={label} required={required} hint={hint} wide={wide} error={form.errorOf(name)}>
      {(aria) => (
        <input
          {...aria}
          type={type}
          autoFocus={autoFocus}
          autoComplete={autoComplete ?? (type === 'password' ? 'current-password' : undefined)}
          value={String(form.values[name] ?? '')}
          onChange={(e) => writer(form, name)(e.target.value)}
          onBlur={() => form.touch(name)}
        />
      )}
    </FieldFrame>
  );
}

export function TextArea<V extends Record<string, unknown>>({ form, name, label, required, hint, rows = 3 }: Bound<V, string> & { rows?: number }) {
  return (
    <FieldFrame label={label} required={required} hint={hint} wide error={form.errorOf(name)}>
      {(aria) => (
        <textarea
          {...aria}
          rows={rows}
          value={String(form.values[name] ?? '')}
          onChange={(e) => writer(form, name)(e.target.value)}
          onBlur={() => form.touch(name)}
        />
      )}
    </FieldFrame>
  );
}

/** A required field, emptied, holds '' (the rules say it is missing); one that may be left empty holds null. */
type Emptied<V, Required, Optional> =
  (Omit<Bound<V, Required>, 'required'> & { readonly required: true }) | (Omit<Bound<V, Optional>, 'required'> & { readonly required?: false });

/** A date, or none when it may be left empty (stored as null); a required one left empty is said to be missing. */
export function DateInput<V extends Record<string, unknown>>(props: Emptied<V, string, string | null>) {
  const { form, name, label, required, hint } = props;
  const write = (date: string | null) => (props.required ? writer(props.form, props.name)(date ?? '') : writer(props.form, props.name)(date));
  return (
    <FieldFrame label={label} required={required} hint={hint} error={form.errorOf(name)}>
      {(aria) => <DateControl {...aria} value={(form.values[name] as string | null | undefined) || null} onDate={write} onBlur={() => form.touch(name)} />}
    </FieldFrame>
  );
}

/**
 * A whole number. Emptied, a field that may be left empty holds null (`optional`); any other holds
 * NaN, which the rules read as missing.
 */
export function NumberInput<V extends Record<string, unknown>>(
  props: (Bound<V, number> & { readonly optional?: false; min?: number }) | (Bound<V, number | null> & { readonly optional: true; min?: number }),
) {
  const { form, name, label, required, hint, min = 0 } = props;
  const value = form.values[name];
  const write = (typed: string) =>
    props.optional ? writer(props.form, props.name)(typed === '' ? null : Number(typed)) : writer(props.form, props.name)(typed === '' ? NaN : Number(typed));
  return (
    <FieldFrame label={label} required={required} hint={hint} error={form.errorOf(name)}>
      {(aria) => (
        <input
          {...aria}
          type="number"
          inputMode="numeric"
          min={min}
          value={value === null || value === undefined || Number.isNaN(value) ? '' : String(value)}
          onChange={(e) => write(e.target.value)}
          onBlur={() => form.touch(name)}
        />
      )}
    </FieldFrame>
  );
}

export interface Option<T extends string | number = string> {
  readonly value: T;
  readonly label: string;
}

/**
 * One of `options` (their values are the field's: a kind, a unit's id); with `empty`, also none
 * (null), for a field that may hold it.
 */
export function SelectInput<V extends Record<string, unknown>, T extends string | number>(
  props: (Bound<V, T> & { options: readonly Option<T>[]; empty?: undefined }) | (Bound<V, T | null> & { options: readonly Option<T>[]; empty: string }),
) {
  const { form, name, label, required, hint, wide, options, empty } = props;
  const value = form.values[name];
  const write = (chosen: string) => {
    const option = options.find((o) => String(o.value) === chosen);
    if (props.empty === undefined) return option && writer(props.form, props.name)(option.value);
    writer(props.form, props.name)(option ? option.value : null);
  };
  return (
    <FieldFrame label={label} required={required} hint={hint} wide={wide} error={form.errorOf(name)}>
      {(aria) => (
        <select
          {...aria}
          value={value === null || value === undefined ? '' : String(value)}
          onChange={(e) => write(e.target.value)}
          onBlur={() => form.touch(name)}
        >
          {empty !== undefined && <option value="">{empty}</option>}
          {options.map((o) => (
            <option key={o.value} value={o.value}>
              {o.label}
            </option>
          ))}
        </select>
      )}
    </FieldFrame>
  );
}

export function CheckboxInput<V extends Record<string, unknown>>({ form, name, label, hint }: Bound<V, boolean>) {
  return (
    <div className="field field--check">
      <label>
        <input type="checkbox" checked={Boolean(form.values[name])} onChange={(e) => writer(form, name)(e.target.checked)} />
        {label}
      </label>
      {hint && <div className="field__hint">{hint}</div>}
    </div>
  );
}

/** Several values of a choice, one box each: the field holds the values ticked, in the options' order. */
export function ChecksInput<V extends Record<string, unknown>, T extends string>({
  form,
  name,
  options,
  ...frame
}: Bound<V, T[]> & { options: readonly Option<T>[] }) {
  // FieldOf proved the field holds a list of T (or nothing yet, for a defaulted field).
  const chosen = (form.values[name] as readonly T[] | undefined) ?? [];
  const toggle = (value: T, on: boolean) => {
    writer(form, name)(options.map((o) => o.value).filter((v) => (v === value ? on : chosen.includes(v))));
    form.touch(name);
  };
  return (
    <FieldFrame {...frame} error={form.errorOf(name)}>
      {(aria) => (
        <div className="field__checks" role="group" aria-label={frame.label} aria-describedby={aria['aria-describedby']} id={aria.id}>
          {options.map((o) => (
            <label key={o.value} className="field--check">
              <input type="checkbox" checked={chosen.includes(o.value)} onChange={(e) => toggle(o.value, e.target.checked)} />
              {o.label}
            </label>
          ))}
        </div>
      )}
    </FieldFrame>
  );
}
