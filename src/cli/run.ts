import { parseArgs } from 'node:util';
import enCli from '../shared/i18n/locales/en/cli.json' with { type: 'json' };
import enExchange from '../shared/i18n/locales/en/exchange.json' with { type: 'json' };
import zhCli from '../shared/i18n/locales/zh-CN/cli.json' with { type: 'json' };
import zhExchange from '../shared/i18n/locales/zh-CN/exchange.json' with { type: 'json' };
import { createI18n, type Language, languageOf } from '../shared/i18n/setup';
import { join } from 'node:path';
import { anchorFolder } from '../core/storage/anchor';
import { type Command, type CommandContext } from './command';
import { configDirOf } from './config-dir';
import { archiveCommand } from './commands/archive';
import { backup } from './commands/backup';
import { dump } from './commands/dump';
import { exportCommand } from './commands/export';
import { importCommand } from './commands/import';
import { init } from './commands/init';
import { letter } from './commands/letter';
import { packageCommand } from './commands/package';
import { passwd } from './commands/passwd';
import { report } from './commands/report';
import { restore } from './commands/restore';
import { rollup } from './commands/rollup';
import { stats } from './commands/stats';
import { user } from './commands/user';
import { verify } from './commands/verify';
import { type CliFailure, describeFailure } from './failure';
import { type Secrets, stdinSecrets, terminalSecrets } from './secrets';

const COMMANDS: readonly Command[] = [
  init,
  verify,
  passwd,
  stats,
  backup,
  restore,
  dump,
  letter,
  importCommand,
  exportCommand,
  packageCommand,
  report,
  rollup,
  user,
  archiveCommand,
];

const COMMON_OPTIONS = {
  'password-stdin': { type: 'boolean' },
  'recovery-key-stdin': { type: 'boolean' },
  lang: { type: 'string' },
  help: { type: 'boolean', short: 'h' },
} as const;

export interface CliIo {
  readonly stdin: NodeJS.ReadStream;
  readonly stdout: NodeJS.WritableStream;
  readonly stderr: NodeJS.WriteStream;
  readonly env: NodeJS.ProcessEnv;
}

export const EXIT_OK = 0;
export const EXIT_FAILED = 1;
export const EXIT_USAGE = 2;

function languageFrom(argv: readonly string[], env: NodeJS.ProcessEnv): Language {
  const flag = argv.findIndex((a) => a === '--lang' || a.startsWith('--lang='));
  const value = flag < 0 ? undefined : argv[flag]!.includes('=') ? argv[flag]!.split('=')[1] : argv[flag + 1];
  return languageOf(value ?? env.DUBAN_LANG ?? env.LC_ALL ?? env.LC_MESSAGES ?? env.LANG ?? Intl.DateTimeFormat().resolvedOptions().locale);
}

/** Runs one command line; the exit code. Errors are one clear sentence on stderr. */
export async function runCli(argv: readonly string[], io: CliIo): Promise<number> {
  const language = languageFrom(argv, io.env);
  const { t } = createI18n(language, { cli: { 'zh-CN': zhCli, en: enCli }, exchange: { 'zh-CN': zhExchange, en: enExchange } });
  const fail = (failure: CliFailure, code = EXIT_FAILED): number => {
    for (const line of describeFailure(t, failure)) io.stderr.write(`${line}\n`);
    if (failure.kind === 'cli' && failure.usage) io.stderr.write(`\n${t('cli:usage')}\n`);
    return code;
  };
  const [name, ...rest] = argv;
  if (!name || name === '--help' || name === '-h' || name === 'help') {
    io.stdout.write(`${t('cli:usage')}\n`);
    return name ? EXIT_OK : EXIT_USAGE;
  }
  const command = COMMANDS.find((c) => c.name === name);
  if (!command) return fail({ kind: 'cli', key: 'unknown_command', params: { command: name }, usage: true }, EXIT_USAGE);
  let parsed;
  try {
    parsed = parseArgs({ args: rest, options: { ...COMMON_OPTIONS, ...command.options }, allowPositionals: true, strict: true });
  } catch (error) {
    return fail({ kind: 'cli', key: 'bad_arguments', params: { detail: (error as Error).message }, usage: true }, EXIT_USAGE);
  }
  if (parsed.values.help) {
    io.stdout.write(`${t('cli:usage')}\n`);
    return EXIT_OK;
  }
  const missing = command.positionals[parsed.positionals.length];
  if (missing) return fail({ kind: 'cli', key: 'missing_argument', params: { name: missing }, usage: true }, EXIT_USAGE);
  const fromStdin = parsed.values['password-stdin'] || parsed.values['recovery-key-stdin'];
  const secrets: Secrets = fromStdin ? stdinSecrets(io.stdin) : terminalSecrets(io.stdin, io.stderr);
  const ctx: CommandContext = {
    t,
    language,
    positionals: parsed.positionals,
    values: parsed.values as CommandContext['values'],
    secrets,
    anchors: anchorFolder(join(configDirOf(io.env), 'anchors')),
    out: (line = '') => io.stdout.write(`${line}\n`),
    warn: (line) => io.stderr.write(`${line}\n`),
  };
  const result = await command.run(ctx);
  return result.ok ? EXIT_OK : fail(result.error);
}
