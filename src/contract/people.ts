import { z } from 'zod';
import type { Person } from '../core/people/model';
import type { KeyChange } from '../core/storage/model';
import { id, none, secret } from './common';
import { method } from './define';
export * from '../core/people/model';

/** The people who open the ledger with passwords of their own; adding and removing is the administrator's. */
export const people = {
  list: method(none).returns<Person[]>(),
  add: method(z.tuple([z.object({ name: z.string().max(200), password: secret })])).returns<Person>(),
  rename: method(z.tuple([id, z.string().max(200)])).returns<Person>(),
  /** Gives the ledger a new data key: `password` is the administrator's, just typed. */
  remove: method(z.tuple([z.object({ name: z.string().max(200), password: secret })])).returns<KeyChange>(),
};
