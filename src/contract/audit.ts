import { method } from './define';
import type { AuditCheck, AuditLine } from '../core/audit/model';
import { ENTITY_NAMES } from '../core/entities';
import { id, none } from './common';
import { z } from 'zod';
export * from '../core/audit/model';
export * from '../core/entities';

export const audit = {
  /** Entries newest first, in the office's words: records named, codes as words, each field once. */
  list: method(
    z.tuple([
      z
        .object({
          entity: z.enum(ENTITY_NAMES).optional(),
          entityId: id.optional(),
          actor: z.string().max(200).optional(),
          limit: z.number().int().min(1).max(1000).optional(),
          offset: z.number().int().min(0).optional(),
        })
        .optional(),
    ]),
  ).returns<AuditLine[]>(),
  /** A step of the chain's check: the screens ask again while `checked` is short of `entries`. */
  verify: method(none).returns<AuditCheck>(),
  /** The names to filter by: the ledger's people, then other names its history holds. */
  actors: method(none).returns<string[]>(),
};
