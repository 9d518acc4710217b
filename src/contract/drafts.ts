import { method } from './define';
import { type Draft, draftKey } from '../core/drafts/model';
import { z } from 'zod';
export * from '../core/drafts/model';

/** What was typed in a form and not yet saved, by the form's key (see core/drafts). */
export const drafts = {
  get: method(z.tuple([draftKey])).returns<Draft | null>(),
  put: method(z.tuple([draftKey, z.unknown()])).returns<Draft>(),
  drop: method(z.tuple([draftKey])).returns<void>(),
};
