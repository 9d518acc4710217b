import { type IsoDate, isPeriod, periodOf, shiftPeriod } from '../../shared/dates';
import { ok, type Result } from '../../shared/result';
import { z } from 'zod';
import { period, validate } from '../../shared/validation';
import type { LedgerContext } from '../context';
import { readSetting, writeSetting } from '../settings';
import type { Reader } from '../storage/database';
import type { DispatchMonth } from './model';

/** The settings row holding the month the office set (a Period as JSON). */
export const DISPATCH_SETTING = 'progress.dispatch_period';

export function dispatchMonth(db: Reader, asOf: IsoDate): DispatchMonth {
  const chosen = readSetting<string>(db, DISPATCH_SETTING);
  return chosen !== undefined && isPeriod(chosen) ? { period: chosen, chosen: true } : { period: shiftPeriod(periodOf(asOf), -1), chosen: false };
}

/** Sets the month collected: closing a month's collection sets the one after it. Audited as a setting. */
export function setDispatchMonth(ctx: LedgerContext, input: string): Result<DispatchMonth> {
  const valid = validate(z.object({ period }), { period: input });
  if (!valid.ok) return valid;
  return ctx.write((tx) => {
    writeSetting(tx, DISPATCH_SETTING, valid.value.period);
    return ok(dispatchMonth(tx, tx.today));
  });
}
