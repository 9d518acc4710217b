import { z } from 'zod';

/**
 * What was typed in a form and not yet saved, kept in the ledger (so encrypted with it) to be offered
 * back when the form opens again, after a reload, a lock or a restart. `key` names the form and the
 * record it was typed in (`task:12`, `petition:new`).
 */
export interface Draft {
  readonly key: string;
  readonly values: unknown;
  readonly savedAt: string;
}

/** A form's values are small; anything beyond this is not a form's. */
export const MAX_DRAFT_CHARACTERS = 200_000;

export const draftKey = z.string().min(1).max(200);

export const draftValues = z.unknown().refine((values) => values !== undefined && JSON.stringify(values).length <= MAX_DRAFT_CHARACTERS, { error: 'too_long' });
