import type { z } from 'zod';
import type { FieldErrorCode } from '../../shared/errors';

/**
 * A secret typed twice: the second typing (`confirm`) must equal the first, or the form says so under
 * it. A mistyped password locks its owner out; a mistyped passphrase leaves a package nobody can open.
 */
export function typedTwice<Schema extends z.ZodType<{ confirm: string }>>(
  schema: Schema,
  first: keyof z.output<Schema> & string,
  error: Extract<FieldErrorCode, 'passwords_differ' | 'passphrases_differ'> = 'passwords_differ',
): Schema {
  return schema.refine((v) => (v as z.output<Schema>)[first] === v.confirm, { path: ['confirm'], error });
}
