import { dateOf, type IsoDate, type Period, periodOf } from '../../shared/dates';

/** The office's calendar date now: what "overdue" and "this month" are measured against. */
export const today = (): IsoDate => dateOf(new Date());
export const thisPeriod = (): Period => periodOf(today());
