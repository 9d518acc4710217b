import { method } from './define';
import { type Finding, findingInput } from '../core/findings/model';
import { id, kept } from './common';
import { z } from 'zod';
export * from '../core/findings/model';

export const findings = {
  list: method(
    z.tuple([
      z
        .object({ siteVisitId: id.optional(), meetingId: id.optional(), taskId: id.optional(), unitId: id.optional(), rectified: z.boolean().optional() })
        .optional(),
    ]),
  ).returns<Finding[]>(),
  ...kept(findingInput).returns<Finding>(),
};
