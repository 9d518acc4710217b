import { z } from 'zod';
import { ENTITY_NAMES } from '../../core/entities';
import { inspectionInput } from '../../core/inspections/model';
import { UNIT_KINDS, unitInput } from '../../core/units/model';
import { LANGUAGES } from '../i18n/setup';
import type { DubanApi } from './api';

/**
 * The arguments each method accepts, checked in the main process (and the bridge) before anything
 * reaches the core: a renderer can send nothing else. Forms are checked field by field by the same
 * rules the core applies.
 */
const id = z.number().int().positive();
const path = z.string().min(1).max(4096);
const secret = z.string().min(1).max(1024);
const none = z.tuple([]);

type ArgumentSchemas = { [N in keyof DubanApi]: { [M in keyof DubanApi[N]]: z.ZodType } };

export const ARGUMENTS = {
  platform: {
    info: none,
    chooseLedgerPath: z.tuple([z.enum(['open', 'create'])]),
  },
  session: {
    status: none,
    create: z.tuple([z.object({ path, password: secret, demo: z.boolean() })]),
    open: z.tuple([z.union([z.object({ path, password: secret }), z.object({ path, recoveryKey: secret })])]),
    lock: none,
    close: none,
    touch: none,
    changePassword: z.tuple([z.object({ current: secret, next: secret })]),
    replaceRecoveryKey: z.tuple([z.object({ password: secret })]),
    backups: none,
    restoreBackup: z.tuple([z.string().regex(/^[^/\\]+\.duban$/)]),
    setPreferences: z.tuple([
      z.object({
        language: z.enum(LANGUAGES).optional(),
        idleLockMinutes: z.number().int().min(0).max(240).optional(),
        operator: z.string().max(40).optional(),
      }),
    ]),
    forgetRecent: z.tuple([path]),
  },
  units: {
    list: z.tuple([z.object({ kind: z.enum(UNIT_KINDS).optional(), includeArchived: z.boolean().optional() }).optional()]),
    get: z.tuple([id]),
    create: z.tuple([unitInput]),
    update: z.tuple([id, unitInput]),
    remove: z.tuple([id]),
  },
  inspections: {
    list: none,
    get: z.tuple([id]),
    create: z.tuple([inspectionInput]),
    update: z.tuple([id, inspectionInput]),
    remove: z.tuple([id]),
  },
  audit: {
    list: z.tuple([
      z
        .object({
          entity: z.enum(ENTITY_NAMES).optional(),
          entityId: id.optional(),
          limit: z.number().int().min(1).max(1000).optional(),
          offset: z.number().int().min(0).optional(),
        })
        .optional(),
    ]),
    verify: none,
  },
} satisfies ArgumentSchemas;
