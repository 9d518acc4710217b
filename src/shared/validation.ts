import { z } from 'zod';
import { isIsoDate, isPeriod, type IsoDate, type Period } from './dates';
import { dubanError, FIELD_ERROR_CODES, type FieldError, type FieldErrorCode } from './errors';
import { err, ok, type Result } from './result';

/**
 * Field rules shared by the forms (validating as the user types) and the core (validating what it
 * is asked to store). Each rule reports a field error code (carried as zod's message) that the UI
 * translates; limits such as a maximum length come from the issue itself.
 */
export const code = (c: FieldErrorCode) => ({ error: c });
/** Nothing given: an empty text, or an emptied number field (NaN, a number a form can hold). */
const isMissing = (input: unknown): boolean => input === undefined || input === null || input === '' || Number.isNaN(input);

/** Reports `required` when nothing was given, `c` when something wrong was. */
export const missingOr = (c: FieldErrorCode) => ({ error: (issue: { input?: unknown }) => (isMissing(issue.input) ? 'required' : c) });

export const text = (max: number) => z.string(missingOr('invalid')).trim().max(max, code('too_long'));
export const requiredText = (max: number) => text(max).min(1, code('required'));
export const optionalText = (max: number) => text(max).default('');

export const isoDate = z.string(missingOr('invalid_date')).trim().refine(isIsoDate, missingOr('invalid_date')) as unknown as z.ZodType<IsoDate, string>;
export const optionalDate = z.union([isoDate, z.null()], missingOr('invalid_date')).default(null);
export const period = z.string(missingOr('invalid_period')).trim().refine(isPeriod, code('invalid_period')) as unknown as z.ZodType<Period, string>;

export const choice = <const T extends readonly [string, ...string[]]>(values: T) => z.enum(values, missingOr('invalid_choice'));

/** A required choice as a form holds it before it is made: null, which is said to be missing. */
export const unchosen = <S extends z.ZodType>(schema: S) =>
  schema.nullable().transform((value, context): z.output<S> => {
    if (value !== null) return value;
    context.addIssue({ code: 'custom', message: 'required' });
    return z.NEVER;
  });

export const count = z.number(missingOr('invalid_number')).int(code('not_integer')).min(0, code('out_of_range'));
export const amount = z.number(missingOr('invalid_number')).min(0, code('out_of_range'));

export const id = z.number(missingOr('unknown_reference')).int(code('unknown_reference')).positive(code('unknown_reference'));
export const optionalId = z.union([id, z.null()]).default(null);

/** A set of ids; listing one twice is harmless and is read as once. */
export const idSet = (max: number) =>
  z
    .array(id)
    .max(max, { error: 'too_long' })
    .readonly()
    .transform((ids) => [...new Set(ids)]);

export const phone = z
  .string(missingOr('invalid_phone'))
  .trim()
  .max(40, code('too_long'))
  .refine((v) => v === '' || /^[0-9+\-()（）\s转,，/、]{3,40}$/.test(v), code('invalid_phone'))
  .default('');

const isFieldCode = (message: string): message is FieldErrorCode => (FIELD_ERROR_CODES as readonly string[]).includes(message);

function limits(issue: z.core.$ZodIssue): Record<string, string | number> | undefined {
  if (issue.code === 'custom' && issue.params) return issue.params as Record<string, string | number>;
  if (issue.code === 'too_big') return { max: Number(issue.maximum) };
  if (issue.code === 'too_small') return { min: Number(issue.minimum) };
  return undefined;
}

/** Turns zod's issues into field errors with our codes (the first per field). */
export function fieldErrors(error: z.ZodError): FieldError[] {
  const seen = new Set<string>();
  const fields: FieldError[] = [];
  for (const issue of error.issues) {
    const field = issue.path.join('.');
    if (seen.has(field)) continue;
    seen.add(field);
    const fieldCode: FieldErrorCode = isFieldCode(issue.message) ? issue.message : issue.code === 'invalid_type' ? 'required' : 'invalid';
    const params = fieldCode === 'required' ? undefined : limits(issue);
    fields.push(params ? { field, code: fieldCode, params } : { field, code: fieldCode });
  }
  return fields;
}

export function validate<S extends z.ZodType>(schema: S, input: unknown): Result<z.output<S>> {
  const parsed = schema.safeParse(input);
  return parsed.success ? ok(parsed.data) : err(dubanError('validation', undefined, fieldErrors(parsed.error)));
}

/** A validation failure for rules that need the ledger (a unique name, a known reference). */
export const invalid = (field: string, fieldCode: FieldErrorCode, params?: Record<string, string | number>) =>
  err(dubanError('validation', undefined, [params ? { field, code: fieldCode, params } : { field, code: fieldCode }]));

/** `date` may not precede `other`: the error names both, so that the sentence can say them. */
export const outOfOrder = (field: string, date: IsoDate, other: IsoDate) => invalid(field, 'date_order', { date, other });

/** The same rule within a schema: the date in `later` may not precede the one in `earlier` (either may be empty). */
export function dateOrder<T extends Record<string, unknown>>(earlier: keyof T & string, later: keyof T & string) {
  return (values: T, context: z.RefinementCtx): void => {
    const [other, date] = [values[earlier], values[later]];
    if (typeof date === 'string' && typeof other === 'string' && date < other)
      context.addIssue({ code: 'custom', message: 'date_order', path: [later], params: { date, other } });
  };
}
