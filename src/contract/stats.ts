import { method } from './define';
import type { LedgerStats } from '../core/stats/model';
import { isoDate, period } from '../shared/validation';
import { z } from 'zod';
export * from '../core/stats/model';

export const stats = {
  /** The ledger's figures as of a day (today when not given), with a month's missing reports. */
  ledger: method(z.tuple([z.object({ asOf: isoDate.optional(), period: period.optional() }).optional()])).returns<LedgerStats>(),
};
