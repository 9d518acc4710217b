import { z } from 'zod';
import { typedTwice } from '../../forms/typedTwice';

/**
 * The rules of the session forms; the core checks the same and more (a wrong password, an existing
 * file). How strong a new password must be is judged apart, as it is typed (usePasswordVerdict).
 */
const path = z
  .string()
  .trim()
  .min(1, { error: 'required' })
  .refine((p) => p.toLowerCase().endsWith('.duban'), { error: 'ledger_extension' });

export const createSchema = typedTwice(z.object({ path, password: z.string(), confirm: z.string(), demo: z.boolean(), commission: z.boolean() }), 'password');

export const openSchema = z
  .object({ path, password: z.string(), recoveryKey: z.string(), useRecoveryKey: z.boolean() })
  .refine((v) => v.useRecoveryKey || v.password !== '', { path: ['password'], error: 'required' })
  .refine((v) => !v.useRecoveryKey || v.recoveryKey.trim() !== '', { path: ['recoveryKey'], error: 'required' });
