import { method } from './define';
import { type Unit, UNIT_KINDS, unitInput } from '../core/units/model';
import { kept } from './common';
import { z } from 'zod';
export * from '../core/units/model';

export const units = {
  list: method(z.tuple([z.object({ kind: z.enum(UNIT_KINDS).optional(), includeArchived: z.boolean().optional() }).optional()])).returns<Unit[]>(),
  ...kept(unitInput).returns<Unit>(),
};
