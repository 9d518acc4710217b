import { ok, type Result } from '../../../shared/result';
import type { LedgerContext } from '../../context';
import type { Reader } from '../../storage/database';
import { listUnits } from '../../units/service';
import type { UnitKind } from '../../units/model';
import { unitService } from '../../units/service';
import { isCollectiveName, likelyMembers } from '../../unit-groups/collective';
import { listUnitGroups, unitGroupService } from '../../unit-groups/service';
import { UnitDirectory, unitKey } from '../values/units';
import { guessUnitKind } from '../values/words';
import type { NewGroup, UnitDecision, UnitResolution } from './model';
import type { Placeholders } from './placeholders';

/**
 * The unit names a file uses, resolved once for all its rows: a unit of the ledger by its full or
 * short name, one the user chose for the name, or a new unit the user asked for. A collective name
 * (各盟市人民政府（行政公署）) stands for a unit group: the ledger's group of that name, one the user
 * chose, or a new group with the members the user gave. A name left unresolved is never written into
 * a record: its rows wait for a decision.
 */
export interface UnitNames {
  /** The unit's id (a placeholder for a unit still to create), or null while the name is unresolved. */
  idOf(name: string): number | null;
  nameOf(id: number): string;
  /** Whether the name stands for a group rather than a unit. */
  isGroup(name: string): boolean;
  /** The group's id (a placeholder for a group still to create), or null while the name is unresolved. */
  groupOf(name: string): number | null;
  groupNameOf(id: number): string;
  readonly resolutions: readonly UnitResolution[];
  /** The units the import creates, for the rows that use them. */
  newUnits(placeholders: Placeholders): { name: string; kind: UnitKind }[];
  newGroups(placeholders: Placeholders): NewGroup[];
}

export interface UnitChoices {
  readonly decisions: Readonly<Record<string, UnitDecision>>;
  readonly createAll: boolean;
}

type Resolved = { readonly unit: number | null } | { readonly group: number | null };

/** A unit or group the import creates when a row using it is written: its placeholder id. */
const creating = (placeholders: Placeholders, create: (ctx: LedgerContext) => Result<{ id: number }>): number =>
  placeholders.add((ctx) => {
    const made = create(ctx);
    return made.ok ? ok(made.value.id) : made;
  });

const isGroupDecision = (decision: UnitDecision | null): boolean => decision?.action === 'group' || decision?.action === 'createGroup';

export function resolveUnitNames(db: Reader, counts: ReadonlyMap<string, number>, choices: UnitChoices, placeholders: Placeholders): UnitNames {
  const units = listUnits(db, { includeArchived: true });
  const directory = new UnitDirectory(units);
  const names = new Map(units.map((u) => [u.id, u.name]));
  const groups = listUnitGroups(db);
  const groupNames = new Map(groups.map((g) => [g.id, g.name]));
  const groupByKey = new Map(groups.map((g) => [unitKey(g.name), g]));
  const byKey = new Map<string, Resolved>();
  const created: { name: string; kind: UnitKind; id: number }[] = [];
  const createdGroups: (NewGroup & { id: number })[] = [];
  const resolutions: UnitResolution[] = [];
  const decisionFor = (name: string): UnitDecision | null =>
    Object.entries(choices.decisions).find(([written]) => unitKey(written) === unitKey(name))?.[1] ?? null;

  const resolveUnit = (name: string, decision: UnitDecision | null): number | null => {
    if (decision?.action === 'use' && names.has(decision.unitId)) return decision.unitId;
    if (decision?.action !== 'create') return null;
    const kind = decision.kind ?? guessUnitKind(name);
    const id = creating(placeholders, (ctx) => unitService(ctx).create({ name, kind }));
    created.push({ name, kind, id });
    names.set(id, name);
    return id;
  };

  const resolveGroup = (name: string, existing: number | null, decision: UnitDecision | null): number | null => {
    if (existing !== null) return existing;
    if (decision?.action === 'group' && groupNames.has(decision.groupId)) return decision.groupId;
    if (decision?.action !== 'createGroup') return null;
    const { members } = decision;
    const id = creating(placeholders, (ctx) => unitGroupService(ctx).create({ name, members }));
    createdGroups.push({ name, members, id });
    groupNames.set(id, name);
    return id;
  };

  for (const [name, rows] of counts) {
    const key = unitKey(name);
    if (byKey.has(key)) continue;
    const match = directory.find(name);
    const group = match ? undefined : groupByKey.get(key);
    const asked = match || group ? null : decisionFor(name);
    const collective = !match && (group !== undefined || isGroupDecision(asked) || isCollectiveName(name));
    // A collective name is never created as a unit, whatever --create-units says.
    const decision = asked ?? (choices.createAll && !collective && !match ? { action: 'create' as const } : null);
    byKey.set(key, collective ? { group: resolveGroup(name, group?.id ?? null, decision) } : { unit: match?.unitId ?? resolveUnit(name, decision) });
    resolutions.push({
      name,
      rows,
      match,
      suggestions: match || collective ? [] : directory.suggest(name),
      decision,
      collective,
      group: group ? { groupId: group.id, name: group.name } : null,
      suggestedMembers: collective && !group ? likelyMembers(name) : null,
    });
  }
  const resolved = (name: string) => byKey.get(unitKey(name));
  return {
    idOf: (name) => {
      const found = resolved(name);
      return found && 'unit' in found ? found.unit : null;
    },
    nameOf: (id) => names.get(id) ?? '',
    isGroup: (name) => {
      const found = resolved(name);
      return found !== undefined && 'group' in found;
    },
    groupOf: (name) => {
      const found = resolved(name);
      return found && 'group' in found ? found.group : null;
    },
    groupNameOf: (id) => groupNames.get(id) ?? '',
    resolutions,
    newUnits: (p) => created.filter((c) => p.isUsed(c.id)).map(({ name, kind }) => ({ name, kind })),
    newGroups: (p) => createdGroups.filter((c) => p.isUsed(c.id)).map(({ name, members }) => ({ name, members })),
  };
}
