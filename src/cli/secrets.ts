import { read } from 'read';
import type { Result } from '../shared/result';
import { ok } from '../shared/result';
import { type CliFailure, cliFailure } from './failure';

/** Where passwords and recovery keys come from: the terminal (hidden), or lines of standard input. */
export interface Secrets {
  ask(prompt: string): Promise<Result<string, CliFailure>>;
  /** A new secret: typed twice at a terminal, given once on standard input. */
  askNew(prompt: string, confirmPrompt: string): Promise<Result<string, CliFailure>>;
  /** A plain answer, shown as typed, with `fallback` when none is given; standard input keeps its lines for secrets. */
  askText(prompt: string, fallback: string): Promise<string>;
  /** A yes or no typed at the terminal; null where no one can answer (standard input holds the secrets). */
  confirm(prompt: string): Promise<boolean | null>;
}

async function readAll(stdin: NodeJS.ReadableStream): Promise<string[]> {
  let text = '';
  for await (const chunk of stdin) text += chunk.toString();
  return text.split(/\r?\n/);
}

/** Each request takes the next line of standard input (read once, in full). */
export function stdinSecrets(stdin: NodeJS.ReadableStream): Secrets {
  let lines: Promise<string[]> | null = null;
  let used = 0;
  const next = async (): Promise<Result<string, CliFailure>> => {
    const all = await (lines ??= readAll(stdin));
    const available = all.length > 0 && all[all.length - 1] === '' ? all.length - 1 : all.length;
    if (used >= available) return cliFailure('stdin_lines', { count: used + 1, got: available });
    return ok(all[used++]!);
  };
  return { ask: next, askNew: next, askText: (_prompt, fallback) => Promise.resolve(fallback), confirm: () => Promise.resolve(null) };
}

export function terminalSecrets(stdin: NodeJS.ReadStream, stderr: NodeJS.WriteStream): Secrets {
  const ask = async (prompt: string): Promise<Result<string, CliFailure>> => {
    if (!stdin.isTTY) return cliFailure('no_terminal');
    return ok(await read({ prompt, silent: true, replace: '*', input: stdin, output: stderr }));
  };
  return {
    ask,
    askText: async (prompt, fallback) =>
      stdin.isTTY ? (await read({ prompt, default: fallback, input: stdin, output: stderr })).trim() || fallback : fallback,
    confirm: async (prompt) => (stdin.isTTY ? /^\s*(y|yes|是|确认)\s*$/i.test(await read({ prompt, input: stdin, output: stderr })) : null),
    askNew: async (prompt, confirmPrompt) => {
      const first = await ask(prompt);
      if (!first.ok) return first;
      const second = await ask(confirmPrompt);
      if (!second.ok) return second;
      return first.value === second.value ? first : cliFailure('passwords_differ');
    },
  };
}
