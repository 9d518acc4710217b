import type { z } from 'zod';
import { dubanError } from '../shared/errors';
import { err, ok, type Result } from '../shared/result';
import { fieldErrors } from '../shared/validation';
import { CONTRACT, isMethodName, type MethodName } from './methods';

/** The schema of a method's arguments. */
export function argumentsOf(method: MethodName): z.ZodTuple {
  const [ns, name] = method.split('.') as [keyof typeof CONTRACT, string];
  return (CONTRACT[ns] as Readonly<Record<string, { args: z.ZodTuple }>>)[name]!.args;
}

/**
 * Checks a call from a renderer: a known method, arguments of the declared shape. A form that fails
 * its rules comes back as the same field errors the core would give (without the argument's index).
 */
export function checkCall(method: unknown, args: unknown): Result<{ method: MethodName; args: unknown[] }> {
  if (!isMethodName(method)) return err(dubanError('bad_request', { detail: 'method' }));
  const parsed = argumentsOf(method).safeParse(args);
  if (parsed.success) return ok({ method, args: parsed.data as unknown[] });
  const fields = fieldErrors(parsed.error).map((f) => ({ ...f, field: f.field.replace(/^\d+\.?/, '') }));
  const formLike = fields.every((f) => f.field !== '');
  return err(formLike ? dubanError('validation', undefined, fields) : dubanError('bad_request', { detail: 'arguments' }));
}
