import { method } from './define';
import { type PetitionCase, petitionInput, type PetitionPage, petitionQuery } from '../core/petitions/model';
import { kept } from './common';
import { z } from 'zod';
export * from '../core/petitions/model';

export const petitions = {
  list: method(z.tuple([petitionQuery.optional()])).returns<PetitionPage>(),
  ...kept(petitionInput).returns<PetitionCase>(),
};
