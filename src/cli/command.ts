import type { ParseArgsConfig } from 'node:util';
import type { TFunction } from 'i18next';
import { Ledger } from '../core/ledger';
import type { Unlock } from '../core/storage/ledger-file';
import type { Language } from '../shared/i18n/setup';
import { ok, type Result } from '../shared/result';
import { type CliFailure, ledgerFailure } from './failure';
import type { Secrets } from './secrets';

export interface CommandContext {
  readonly t: TFunction;
  readonly language: Language;
  readonly positionals: readonly string[];
  readonly values: Readonly<Record<string, string | boolean | undefined>>;
  readonly secrets: Secrets;
  out(line?: string): void;
  warn(line: string): void;
}

export interface Command {
  readonly name: string;
  /** Names of the positional arguments, all required. */
  readonly positionals: readonly string[];
  readonly options?: NonNullable<ParseArgsConfig['options']>;
  run(ctx: CommandContext): Promise<Result<void, CliFailure>>;
}

/** The secret that opens a ledger: the recovery key with --recovery-key-stdin, else the password. */
export async function askUnlock(ctx: CommandContext): Promise<Result<Unlock, CliFailure>> {
  if (ctx.values['recovery-key-stdin']) {
    const key = await ctx.secrets.ask(ctx.t('cli:prompts.recoveryKey'));
    return key.ok ? ok({ recoveryKey: key.value }) : key;
  }
  const password = await ctx.secrets.ask(ctx.t('cli:prompts.password'));
  return password.ok ? ok({ password: password.value }) : password;
}

/** Opens the ledger at `path`; read-only opens take no lock, so they work while the app has it open. */
export async function openLedger(ctx: CommandContext, path: string, readOnly: boolean): Promise<Result<Ledger, CliFailure>> {
  const unlock = await askUnlock(ctx);
  if (!unlock.ok) return unlock;
  const opened = await Ledger.open(path, unlock.value, { readOnly, actor: 'duban-cli' });
  return opened.ok ? opened : ledgerFailure(opened.error);
}
