import { ok, type Result } from '../../shared/result';
import { invalid } from '../../shared/validation';
import type { LedgerContext, Tx } from '../context';
import { checkReferences, found, fromRow, insertRecord, type RecordSpec, removeUnlessUsed, type Row, saveRecord } from '../records';
import type { Reader } from '../storage/database';
import { listUnitIds } from '../units/service';
import type { UnitKind } from '../units/model';
import { type GroupMembers, type UnitGroup, type UnitGroupInput, unitGroupInput } from './model';

interface GroupRow {
  readonly id: number;
  readonly name: string;
  readonly memberKind: UnitKind | null;
  readonly notes: string;
  readonly createdAt: string;
  readonly updatedAt: string;
}

const listed = (db: Reader, groupId: number): number[] =>
  db.all<{ unit_id: number }>('SELECT unit_id FROM unit_group_members WHERE group_id = ? ORDER BY sort_order', [groupId]).map((m) => m.unit_id);

/** The units a group holds now, in the ledger's order of units. */
function memberIdsOf(db: Reader, members: GroupMembers): number[] {
  if (members.by === 'kind') return listUnitIds(db, { kind: members.kind });
  const wanted = new Set(members.unitIds);
  return listUnitIds(db).filter((id) => wanted.has(id));
}

const membersOf = (db: Reader, groupId: number, memberKind: UnitKind | null): GroupMembers =>
  memberKind ? { by: 'kind', kind: memberKind } : { by: 'list', unitIds: listed(db, groupId) };

function toGroup(db: Reader, row: Row): UnitGroup {
  const { memberKind, ...group } = fromRow<GroupRow>(row);
  const members = membersOf(db, group.id, memberKind);
  return { ...group, members, memberIds: memberIdsOf(db, members) };
}

export function loadUnitGroup(db: Reader, id: number): UnitGroup | undefined {
  const row = db.get<Row>('SELECT * FROM unit_groups WHERE id = ?', [id]);
  return row ? toGroup(db, row) : undefined;
}

export const listUnitGroups = (db: Reader): UnitGroup[] => db.all<Row>('SELECT * FROM unit_groups ORDER BY name').map((row) => toGroup(db, row));

/** The members of each group, for writing a task's units. */
export function groupMemberIds(db: Reader, groupId: number): readonly number[] {
  const row = db.get<{ member_kind: UnitKind | null }>('SELECT member_kind FROM unit_groups WHERE id = ?', [groupId]);
  return row ? memberIdsOf(db, membersOf(db, groupId, row.member_kind)) : [];
}

/** A group is chosen beside units: its name must not be a unit's, nor another group's. */
const nameTaken = (tx: Tx, name: string, id: number | null): boolean =>
  tx.get('SELECT 1 AS x FROM unit_groups WHERE name = ? AND id <> ? UNION ALL SELECT 1 FROM units WHERE name = ?', [name, id ?? 0, name]) !== undefined;

const GROUP: RecordSpec<UnitGroup, typeof unitGroupInput> = {
  entity: 'unit_group',
  table: 'unit_groups',
  schema: unitGroupInput,
  load: loadUnitGroup,
  check: (tx, values, id) => {
    if (nameTaken(tx, values.name, id)) return invalid('name', 'duplicate');
    return values.members.by === 'list' ? checkReferences(tx, [['members', 'units', values.members.unitIds]]) : ok(undefined);
  },
  columns: ({ name, members, notes }) => ({ name, notes, memberKind: members.by === 'kind' ? members.kind : null }),
  relations: (tx, groupId, { members }) => {
    tx.run('DELETE FROM unit_group_members WHERE group_id = ?', [groupId]);
    if (members.by === 'list') members.unitIds.forEach((unitId, index) => insertRecord(tx, 'unit_group_members', { groupId, unitId, sortOrder: index }, false));
  },
};

export function unitGroupService(ctx: LedgerContext) {
  return {
    list: () => listUnitGroups(ctx.db),
    get: (id: number): Result<UnitGroup> => found('unit_group', id, loadUnitGroup(ctx.db, id)),
    create: (input: UnitGroupInput) => saveRecord(ctx, GROUP, null, input),
    update: (id: number, input: UnitGroupInput) => saveRecord(ctx, GROUP, id, input),
    /** A group that tasks were given to keeps them: it cannot be deleted. */
    remove: (id: number) => removeUnlessUsed(ctx, 'unit_group', 'unit_groups', id, loadUnitGroup),
  };
}

export type UnitGroupService = ReturnType<typeof unitGroupService>;
