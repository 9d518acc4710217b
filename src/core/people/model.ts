import { z } from 'zod';
import { requiredText } from '../../shared/validation';

/** The administrator made the ledger and adds and removes people; a member works in it. */
export type PersonRole = 'administrator' | 'member';

/** A person who opens the ledger with a password of their own (their key slot is named in the table, not here). */
export interface Person {
  readonly id: number;
  readonly name: string;
  readonly role: PersonRole;
  readonly addedAt: string;
}

const PERSON_NAME_MAX = 40;

export const personName = requiredText(PERSON_NAME_MAX);

export const personInput = z.object({ name: personName, password: z.string() });

export const personRename = z.object({ name: personName });

export type PersonInput = z.input<typeof personInput>;
