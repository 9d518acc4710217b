import type { DubanError } from '../../src/shared/errors';
import type { Result } from '../../src/shared/result';

/** The value of a result that must have succeeded; otherwise the test fails with the error's code. */
export function unwrap<T>(result: Result<T>): T {
  if (!result.ok) throw new Error(`expected success, got ${JSON.stringify(result.error)}`);
  return result.value;
}

export function failure<T>(result: Result<T>): DubanError {
  if (result.ok) throw new Error(`expected an error, got ${JSON.stringify(result.value)}`);
  return result.error;
}
