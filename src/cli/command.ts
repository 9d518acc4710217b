import type { ParseArgsConfig } from 'node:util';
import type { TFunction } from 'i18next';
import { Ledger } from '../core/ledger';
import { type AnchorBook, anchorWarning } from '../core/storage/anchor';
import type { Unlock } from '../core/storage/store';
import { describeError } from '../shared/i18n/describe';
import type { Language } from '../shared/i18n/setup';
import { ok, type Result } from '../shared/result';
import { type CliFailure, ledgerFailure } from './failure';
import type { Secrets } from './secrets';

export interface CommandContext {
  readonly t: TFunction;
  readonly language: Language;
  readonly positionals: readonly string[];
  /** An option given several times (`multiple`) is a list. */
  readonly values: Readonly<Record<string, string | boolean | readonly string[] | undefined>>;
  readonly secrets: Secrets;
  /** This machine's record of each ledger it opened (the settings folder's anchors). */
  readonly anchors: AnchorBook;
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

/** A ledger's secret (line 1 of standard input), then a report package's passphrase (line 2). */
export async function askUnlockAndPassphrase(ctx: CommandContext): Promise<Result<{ unlock: Unlock; passphrase: string }, CliFailure>> {
  const unlock = await askUnlock(ctx);
  if (!unlock.ok) return unlock;
  const passphrase = await ctx.secrets.ask(ctx.t('cli:prompts.passphrase'));
  return passphrase.ok ? ok({ unlock: unlock.value, passphrase: passphrase.value }) : passphrase;
}

/** Says on stderr what opening found amiss but did not stop it: the file behind what this machine saw, backups left over. */
export function warnAbout(ctx: CommandContext, ledger: Ledger): void {
  const info = ledger.store.info();
  for (const warning of [anchorWarning(info.anchor), ...info.backupWarnings]) if (warning) ctx.warn(describeError(ctx.t, warning));
}

/** Opens the ledger at `path`; read-only opens take no lock, so they work while the app has it open. */
export async function openLedger(ctx: CommandContext, path: string, readOnly: boolean, unlock?: Unlock): Promise<Result<Ledger, CliFailure>> {
  const secret = unlock ? ok(unlock) : await askUnlock(ctx);
  if (!secret.ok) return secret;
  // Changes are recorded under the name of the person whose password opened the ledger.
  const opened = await Ledger.open(path, secret.value, { readOnly, anchors: ctx.anchors });
  if (!opened.ok) return ledgerFailure(opened.error);
  warnAbout(ctx, opened.value);
  return opened;
}
