import type { Form } from '../forms/useForm';
import { DateControl } from './DateControl';
import { FieldFrame } from './Field';

/**
 * Form controls bound to a field of a `Form`: the value, what was typed, and the error when the
 * user leaves the field. Each shows its label and its error in words.
 */
interface Bound<V> {
  readonly form: Form<V>;
  readonly name: keyof V & string;
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
}: Bound<V> & { type?: 'text' | 'tel' | 'password'; autoFocus?: boolean; autoComplete?: 'new-password' | 'current-password' | 'off' }) {
  return (
    <FieldFrame label={label} required={required} hint={hint} wide={wide} error={form.errorOf(name)}>
      {(aria) => (
        <input
          {...aria}
          type={type}
          autoFocus={autoFocus}
          autoComplete={autoComplete ?? (type === 'password' ? 'current-password' : undefined)}
          value={String(form.values[name] ?? '')}
          onChange={(e) => form.set(name, e.target.value as V[typeof name])}
          onBlur={() => form.touch(name)}
        />
      )}
    </FieldFrame>
  );
}

export function TextArea<V extends Record<string, unknown>>({ form, name, label, required, hint, rows = 3 }: Bound<V> & { rows?: number }) {
  return (
    <FieldFrame label={label} required={required} hint={hint} wide error={form.errorOf(name)}>
      {(aria) => (
        <textarea
          {...aria}
          rows={rows}
          value={String(form.values[name] ?? '')}
          onChange={(e) => form.set(name, e.target.value as V[typeof name])}
          onBlur={() => form.touch(name)}
        />
      )}
    </FieldFrame>
  );
}

/** A date, or none when it may be left empty (stored as null); a required one left empty is said to be missing. */
export function DateInput<V extends Record<string, unknown>>({ form, name, label, required, hint }: Bound<V>) {
  return (
    <FieldFrame label={label} required={required} hint={hint} error={form.errorOf(name)}>
      {(aria) => (
        <DateControl
          {...aria}
          value={(form.values[name] as string | null | undefined) ?? null}
          onDate={(date) => form.set(name, (date ?? (required ? undefined : null)) as V[typeof name])}
          onBlur={() => form.touch(name)}
        />
      )}
    </FieldFrame>
  );
}

export function NumberInput<V extends Record<string, unknown>>({ form, name, label, required, hint, min = 0 }: Bound<V> & { min?: number }) {
  const value = form.values[name];
  return (
    <FieldFrame label={label} required={required} hint={hint} error={form.errorOf(name)}>
      {(aria) => (
        <input
          {...aria}
          type="number"
          inputMode="numeric"
          min={min}
          value={value === null || value === undefined || Number.isNaN(value) ? '' : String(value)}
          onChange={(e) => form.set(name, (e.target.value === '' ? null : Number(e.target.value)) as V[typeof name])}
          onBlur={() => form.touch(name)}
        />
      )}
    </FieldFrame>
  );
}

export interface Option {
  readonly value: string;
  readonly label: string;
}

export function SelectInput<V extends Record<string, unknown>>({
  form,
  name,
  label,
  required,
  hint,
  wide,
  options,
  empty,
  numeric = false,
}: Bound<V> & { options: readonly Option[]; empty?: string; numeric?: boolean }) {
  const value = form.values[name];
  return (
    <FieldFrame label={label} required={required} hint={hint} wide={wide} error={form.errorOf(name)}>
      {(aria) => (
        <select
          {...aria}
          value={value === null || value === undefined ? '' : String(value)}
          onChange={(e) => form.set(name, (e.target.value === '' ? null : numeric ? Number(e.target.value) : e.target.value) as V[typeof name])}
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

export function CheckboxInput<V extends Record<string, unknown>>({ form, name, label, hint }: Bound<V>) {
  return (
    <div className="field field--check">
      <label>
        <input type="checkbox" checked={Boolean(form.values[name])} onChange={(e) => form.set(name, e.target.checked as V[typeof name])} />
        {label}
      </label>
      {hint && <div className="field__hint">{hint}</div>}
    </div>
  );
}

/** Several values of a choice, one box each: the field holds the values ticked, in the options' order. */
export function ChecksInput<V extends Record<string, unknown>>({ form, name, options, ...frame }: Bound<V> & { options: readonly Option[] }) {
  const chosen = (form.values[name] as readonly string[] | undefined) ?? [];
  const toggle = (value: string, on: boolean) => {
    const next = options.map((o) => o.value).filter((v) => (v === value ? on : chosen.includes(v)));
    form.set(name, next as V[typeof name]);
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
