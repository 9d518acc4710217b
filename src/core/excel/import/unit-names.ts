import type { Reader } from '../../storage/database';
import { listUnits } from '../../units/service';
import type { UnitKind } from '../../units/model';
import { unitService } from '../../units/service';
import { UnitDirectory, unitKey } from '../values/units';
import { guessUnitKind } from '../values/words';
import type { UnitDecision, UnitResolution } from './model';
import type { Placeholders } from './placeholders';

/**
 * The unit names a file uses, resolved once for all its rows: a unit of the ledger by its full or
 * short name, one the user chose for the name, or a new unit the user asked for. A name left
 * unresolved is never written into a record: its rows wait for a decision.
 */
export interface UnitNames {
  /** The unit's id (a placeholder for a unit still to create), or null while the name is unresolved. */
  idOf(name: string): number | null;
  nameOf(id: number): string;
  readonly resolutions: readonly UnitResolution[];
  /** The units the import creates, for the rows that use them. */
  newUnits(placeholders: Placeholders): { name: string; kind: UnitKind }[];
}

export interface UnitChoices {
  readonly decisions: Readonly<Record<string, UnitDecision>>;
  readonly createAll: boolean;
}

export function resolveUnitNames(db: Reader, counts: ReadonlyMap<string, number>, choices: UnitChoices, placeholders: Placeholders): UnitNames {
  const units = listUnits(db, { includeArchived: true });
  const directory = new UnitDirectory(units);
  const names = new Map(units.map((u) => [u.id, u.name]));
  const byKey = new Map<string, number | null>();
  const created: { name: string; kind: UnitKind; id: number }[] = [];
  const resolutions: UnitResolution[] = [];
  const decisionFor = (name: string): UnitDecision | null => {
    const decided = Object.entries(choices.decisions).find(([written]) => unitKey(written) === unitKey(name));
    return decided?.[1] ?? (choices.createAll ? { action: 'create' } : null);
  };
  for (const [name, rows] of counts) {
    const key = unitKey(name);
    if (byKey.has(key)) continue;
    const match = directory.find(name);
    const decision = match ? null : decisionFor(name);
    let id: number | null = match?.unitId ?? null;
    if (decision?.action === 'use' && names.has(decision.unitId)) id = decision.unitId;
    if (decision?.action === 'create') {
      const kind = decision.kind ?? guessUnitKind(name);
      id = placeholders.add((ctx) => {
        const unit = unitService(ctx).create({ name, kind });
        return unit.ok ? { ok: true, value: unit.value.id } : unit;
      });
      created.push({ name, kind, id });
      names.set(id, name);
    }
    byKey.set(key, id);
    resolutions.push({ name, rows, match, suggestions: match ? [] : directory.suggest(name), decision });
  }
  return {
    idOf: (name) => byKey.get(unitKey(name)) ?? null,
    nameOf: (id) => names.get(id) ?? '',
    resolutions,
    newUnits: (p) => created.filter((c) => p.isUsed(c.id)).map(({ name, kind }) => ({ name, kind })),
  };
}
