import { QueryClient } from '@tanstack/react-query';
import type { DubanError } from '../../shared/errors';

declare module '@tanstack/react-query' {
  interface Register {
    /** A read that failed failed with the contract's error (see contractQuery). */
    defaultError: DubanError;
  }
}

/**
 * The renderer's cache of what it read from the contract. An error is the core's answer, not a
 * network fault: asking again gets the same answer, so nothing is retried. A desktop window
 * regaining focus has not missed anything: every change refreshes what it touches (changes.ts).
 */
export const createQueryClient = (): QueryClient => new QueryClient({ defaultOptions: { queries: { retry: false, refetchOnWindowFocus: false } } });
