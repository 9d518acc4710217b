import type { z } from 'zod';
import type { Result } from '../shared/result';

/**
 * One method of the contract, declared once: the schema of its arguments (a tuple, checked on every
 * call before it reaches the core) and, as a type only, what it answers. Everything else — the
 * method names, the screens' `DubanApi`, the host's handler types, the check, the proxy — is derived.
 */
export interface Method<A extends z.ZodTuple = z.ZodTuple, R = unknown> {
  readonly args: A;
  /** Never set: carries the result type. */
  readonly result?: R;
}

export const method = <A extends z.ZodTuple>(args: A) => ({ returns: <R>(): Method<A, R> => ({ args }) });

export type Methods = Readonly<Record<string, Method>>;

type ArgsOf<M> = M extends Method<infer A, unknown> ? A : never;
type ResultOf<M> = M extends Method<z.ZodTuple, infer R> ? R : never;

/** What a caller sends: the schema's input types (a date as the string a form holds). */
export type CallsOf<N extends Methods> = { [K in keyof N]: (...args: z.input<ArgsOf<N[K]>>) => Promise<Result<ResultOf<N[K]>>> };

/** What an implementation receives, checked: the schema's output types (a date as an IsoDate, defaults filled in). */
export type HandlersOf<N extends Methods> = { [K in keyof N]: (...args: z.output<ArgsOf<N[K]>>) => Result<ResultOf<N[K]>> | Promise<Result<ResultOf<N[K]>>> };
