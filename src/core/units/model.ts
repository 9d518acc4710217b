import { z } from 'zod';
import { choice, count, optionalText, phone, requiredText } from '../../shared/validation';

/** 驻在单位 / 综合监督单位 / 盟市: the three kinds of unit a group deals with. */
export const UNIT_KINDS = ['resident', 'supervised', 'city'] as const;
export type UnitKind = (typeof UNIT_KINDS)[number];

export interface UnitContact {
  readonly name: string;
  readonly position: string;
  readonly phone: string;
}

export interface Unit {
  readonly id: number;
  readonly name: string;
  readonly shortName: string;
  readonly kind: UnitKind;
  readonly address: string;
  readonly notes: string;
  readonly sortOrder: number;
  /** An archived unit keeps its history but is no longer offered for new tasks. */
  readonly archived: boolean;
  readonly contacts: readonly UnitContact[];
  readonly createdAt: string;
  readonly updatedAt: string;
}

export const unitContactInput = z.object({
  name: requiredText(40),
  position: optionalText(60),
  phone,
});

export const unitInput = z.object({
  name: requiredText(100),
  shortName: optionalText(30),
  kind: choice(UNIT_KINDS),
  address: optionalText(200),
  notes: optionalText(2000),
  sortOrder: count.default(0),
  archived: z.boolean().default(false),
  contacts: z.array(unitContactInput).max(20).default([]),
});

export type UnitInput = z.input<typeof unitInput>;
