import { EnumOptions } from './EnumOptions';

/** A list's filter: one of the values of one of the ledger's lists (named as `EnumOptions` names them), or any (null). */
export function EnumFilter<V extends string>({
  label,
  name,
  values,
  value,
  anyLabel,
  onChange,
}: {
  label: string;
  name: string;
  values: readonly V[];
  value: V | null;
  anyLabel: string;
  onChange: (value: V | null) => void;
}) {
  return (
    <label>
      {label}
      <select value={value ?? ''} onChange={(e) => onChange((e.target.value || null) as V | null)}>
        <option value="">{anyLabel}</option>
        <EnumOptions name={name} values={values} />
      </select>
    </label>
  );
}
