import { useTranslation } from 'react-i18next';
import type { Unit } from '../../contract/units';
import type { Option } from './inputs';

/** A filter's choice of unit ("全部单位" when none), for the list screens' tool bars. */
export function UnitSelect({ units, value, onChange, label }: { units: readonly Unit[]; value: string; onChange: (value: string) => void; label: string }) {
  const { t } = useTranslation();
  return (
    <label>
      {label}
      <select value={value} onChange={(e) => onChange(e.target.value)}>
        <option value="">{t('filters.allUnits')}</option>
        <UnitOptions units={units} />
      </select>
    </label>
  );
}

/** The options of a choice of unit, one per unit by its name, its id as the value. */
export function UnitOptions({ units }: { units: readonly Unit[] }) {
  return (
    <>
      {units.map((unit) => (
        <option key={unit.id} value={unit.id}>
          {unit.name}
        </option>
      ))}
    </>
  );
}

/** The same choice for a form's SelectInput: one option per unit by its name, its id as the value. */
export function unitChoices(units: readonly Unit[]): Option<number>[] {
  return units.map((unit) => ({ value: unit.id, label: unit.name }));
}
