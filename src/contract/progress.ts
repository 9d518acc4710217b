import { method } from './define';
import { progressInput, type ProgressReport, type ProgressReportRow } from '../core/progress/model';
import { period } from '../shared/validation';
import { id } from './common';
import { z } from 'zod';
export * from '../core/progress/model';

export const progress = {
  /** Reports a unit's month on a task; a second report for the same month replaces the first. */
  submit: method(z.tuple([progressInput])).returns<ProgressReport>(),
  ofPeriod: method(z.tuple([period, id.optional()])).returns<ProgressReportRow[]>(),
  history: method(z.tuple([id])).returns<ProgressReportRow[]>(),
};
