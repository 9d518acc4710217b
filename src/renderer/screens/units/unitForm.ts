import { z } from 'zod';
import { type UnitContact, unitContactInput, unitInput } from '../../../contract/units';

export const isBlank = (c: UnitContact): boolean => !c.name.trim() && !c.position.trim() && !c.phone.trim();

/** As the core's rules, except that a contact row left entirely blank is simply not a contact. */
export const unitForm = unitInput.extend({
  contacts: z.array(z.union([z.object({ name: z.literal(''), position: z.literal(''), phone: z.literal('') }), unitContactInput])).max(20),
});

export type UnitFormValues = z.input<typeof unitForm>;
