import { method } from './define';
import { type DispatchMonth, type DispatchOverview, reportChaseRequest } from '../core/dispatch/model';
import type { DocumentPreview, IssuedDocument } from '../core/documents/model';
import { isoDate, period } from '../shared/validation';
import { z } from 'zod';
export * from '../core/dispatch/model';

/** 每月调度: the month the office collects (last month until it closes that month's collection), and 催报. */
export const dispatch = {
  month: method(z.tuple([isoDate.optional()])).returns<DispatchMonth>(),
  /** Sets the month collected; closing a month's collection sets the next. */
  setMonth: method(z.tuple([period])).returns<DispatchMonth>(),
  overview: method(z.tuple([period])).returns<DispatchOverview>(),
  /** Takes no number: one letter per unit chosen that owes the month's reports, as it would be issued. */
  previewChase: method(z.tuple([reportChaseRequest])).returns<DocumentPreview>(),
  chase: method(z.tuple([reportChaseRequest])).returns<IssuedDocument[]>(),
};
