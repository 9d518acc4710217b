import { method } from './define';
import { type SiteVisit, siteVisitInput } from '../core/visits/model';
import { isoDate } from '../shared/validation';
import { id, kept } from './common';
import { z } from 'zod';
export * from '../core/visits/model';

export const siteVisits = {
  list: method(z.tuple([z.object({ unitId: id.optional(), taskId: id.optional(), from: isoDate.optional(), to: isoDate.optional() }).optional()])).returns<
    SiteVisit[]
  >(),
  ...kept(siteVisitInput).returns<SiteVisit>(),
};
