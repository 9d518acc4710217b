import type { TFunction } from 'i18next';
import type { DubanError } from '../shared/errors';
import { describeError, describeField } from '../shared/i18n/describe';
import { err, type Err } from '../shared/result';

/** Why a command failed: an error of the ledger, or one of the command line itself (cli.json `errors`). */
export type CliFailure =
  | { readonly kind: 'ledger'; readonly error: DubanError }
  | { readonly kind: 'cli'; readonly key: string; readonly params?: Record<string, string | number>; readonly usage?: boolean };

export const cliFailure = (key: string, params?: Record<string, string | number>, usage = false): Err<CliFailure> =>
  err({ kind: 'cli', key, ...(params ? { params } : {}), usage });

export const ledgerFailure = (error: DubanError): Err<CliFailure> => err({ kind: 'ledger', error });

/** One clear sentence, and for a form-like error one line per field. */
export function describeFailure(t: TFunction, failure: CliFailure): string[] {
  if (failure.kind === 'cli') return [t(`cli:errors.${failure.key}`, failure.params ?? {})];
  const fields = (failure.error.fields ?? []).map((f) => `  ${f.field}: ${describeField(t, f)}`);
  return [describeError(t, failure.error), ...fields];
}
