import type { Ledger } from '../../core/ledger';
import { MIN_PASSWORD_CHARS } from '../../shared/password-strength';
import { ok, type Result } from '../../shared/result';
import { type Command, type CommandContext, openLedger } from '../command';
import { type CliFailure, cliFailure, ledgerFailure } from '../failure';
import { reportKeyChange } from '../key-change';

/**
 * `duban user add|remove|list FILE`: the people who open the ledger with passwords of their own.
 * Adding and removing take the administrator's password (the first one asked); removing gives the
 * ledger a new data key, so that the removed person's password opens nothing any more.
 */
const ACTIONS = ['add', 'remove', 'list'] as const;
type Action = (typeof ACTIONS)[number];

function nameOption(ctx: CommandContext): Result<string, CliFailure> {
  const name = ctx.values.name;
  return typeof name === 'string' ? ok(name) : cliFailure('missing_option', { name: '--name' }, true);
}

async function add(ctx: CommandContext, ledger: Ledger): Promise<Result<void, CliFailure>> {
  const name = nameOption(ctx);
  if (!name.ok) return name;
  const password = await ctx.secrets.askNew(
    ctx.t('cli:prompts.personPassword', { name: name.value, min: MIN_PASSWORD_CHARS }),
    ctx.t('cli:prompts.confirmPassword'),
  );
  if (!password.ok) return password;
  const added = await ledger.people.add({ name: name.value, password: password.value });
  if (!added.ok) return ledgerFailure(added.error);
  ctx.out(ctx.t('cli:user.added', { name: added.value.name }));
  return ok(undefined);
}

/** The administrator's password opened the ledger a moment ago: removing asks for nothing more. */
async function remove(ctx: CommandContext, ledger: Ledger, administratorPassword: string): Promise<Result<void, CliFailure>> {
  const name = nameOption(ctx);
  if (!name.ok) return name;
  const removed = await ledger.people.remove(name.value, administratorPassword);
  if (!removed.ok) return ledgerFailure(removed.error);
  ctx.out(ctx.t('cli:user.removed', { name: name.value.trim() }));
  reportKeyChange(ctx, removed.value);
  return ok(undefined);
}

function list(ctx: CommandContext, ledger: Ledger): Result<void, CliFailure> {
  const you = ledger.people.signedIn()?.id;
  const people = ledger.people.list();
  const width = Math.max(...people.map((p) => p.name.length));
  for (const person of people) {
    const mark = person.id === you ? '*' : ' ';
    ctx.out(`${mark} ${person.name.padEnd(width + 2, '\u3000')}${ctx.t(`cli:user.roles.${person.role}`)}  ${person.addedAt.slice(0, 10)}`);
  }
  return ok(undefined);
}

export const user: Command = {
  name: 'user',
  positionals: ['ACTION', 'FILE'],
  options: { name: { type: 'string' } },
  async run(ctx) {
    const [action, path] = ctx.positionals as [string, string];
    if (!ACTIONS.includes(action as Action)) return cliFailure('bad_user_action', { action }, true);
    const password = await ctx.secrets.ask(ctx.t(action === 'list' ? 'cli:prompts.password' : 'cli:prompts.administratorPassword'));
    if (!password.ok) return password;
    const opened = await openLedger(ctx, path, action === 'list', { password: password.value });
    if (!opened.ok) return opened;
    try {
      if (action === 'add') return await add(ctx, opened.value);
      if (action === 'remove') return await remove(ctx, opened.value, password.value);
      return list(ctx, opened.value);
    } finally {
      opened.value.close();
    }
  },
};
