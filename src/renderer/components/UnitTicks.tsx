import type { Unit } from '../../contract/units';

/** Units ticked one by one (a unit group's members): the ticked ids kept in the order they were ticked. */
export function UnitTicks({ units, ticked, onChange }: { units: readonly Unit[]; ticked: readonly number[]; onChange: (ticked: number[]) => void }) {
  return (
    <ul className="group-members__list">
      {units.map((unit) => (
        <li key={unit.id}>
          <label className="field--check">
            <input
              type="checkbox"
              checked={ticked.includes(unit.id)}
              onChange={(e) => onChange(e.target.checked ? [...ticked, unit.id] : ticked.filter((id) => id !== unit.id))}
            />
            {unit.name}
          </label>
        </li>
      ))}
    </ul>
  );
}
