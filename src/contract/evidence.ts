import { method } from './define';
import { type Evidence, EVIDENCE_OWNER_KINDS, type EvidenceContent, evidenceInput } from '../core/evidence/model';
import { id } from './common';
import { z } from 'zod';
export * from '../core/evidence/model';

export const evidence = {
  list: method(z.tuple([z.object({ kind: z.enum(EVIDENCE_OWNER_KINDS), id }), z.object({ includeRemoved: z.boolean().optional() }).optional()])).returns<
    Evidence[]
  >(),
  add: method(z.tuple([evidenceInput])).returns<Evidence>(),
  content: method(z.tuple([id])).returns<EvidenceContent>(),
  remove: method(z.tuple([id])).returns<Evidence>(),
  restore: method(z.tuple([id])).returns<Evidence>(),
};
