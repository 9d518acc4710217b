import { z } from 'zod';
import { choice, idSet, optionalText, requiredText } from '../../shared/validation';
import { UNIT_KINDS, type UnitKind } from '../units/model';

/**
 * Who belongs to a unit group: every unit of a kind (all 盟市), as the ledger's units are when it is
 * read, or the units listed (各有关部门, 州直部门).
 */
export type GroupMembers = { readonly by: 'kind'; readonly kind: UnitKind } | { readonly by: 'list'; readonly unitIds: readonly number[] };

/** 各盟市人民政府（行政公署）: units named as one, as published task lists assign work to them. */
export interface UnitGroup {
  readonly id: number;
  readonly name: string;
  readonly members: GroupMembers;
  /** The units it holds now, in the ledger's order of units; archived units are not members. */
  readonly memberIds: readonly number[];
  readonly notes: string;
  readonly createdAt: string;
  readonly updatedAt: string;
}

export const groupMembersInput = z.discriminatedUnion('by', [
  z.object({ by: z.literal('kind'), kind: choice(UNIT_KINDS) }),
  z.object({ by: z.literal('list'), unitIds: idSet(500).refine((ids) => ids.length > 0, { error: 'required' }) }),
]);

export const unitGroupInput = z.object({
  name: requiredText(100),
  members: groupMembersInput,
  notes: optionalText(2000),
});

export type UnitGroupInput = z.input<typeof unitGroupInput>;
