import { z } from 'zod';
import { FINDING_SOURCES, findingFields, findingOrigin, rectifiedWhen } from '../../../contract/findings';
import { choice, id } from '../../../shared/validation';

/**
 * A finding as its dialog holds it: the origin's visit or meeting may not be chosen yet (the
 * finding's rules then say it is missing), so that switching between them keeps the choice open.
 */
export const findingForm = rectifiedWhen(
  findingFields.extend({
    origin: z.object({ source: choice(FINDING_SOURCES), siteVisitId: id.optional(), meetingId: id.optional() }).pipe(findingOrigin),
  }),
);

export type FindingFormValues = z.input<typeof findingForm>;
