import { PETITION_SEARCH } from '../petitions/search';
import { searchIndexSchema } from '../storage/search-index';

/**
 * Schema version 17 (large ledgers): the petition list's text search without reading every case,
 * an index of the bigrams of the columns it searches (storage/search-index.ts); the migration
 * indexes the cases already there.
 */
export const V17_PETITION_SEARCH: readonly string[] = searchIndexSchema(PETITION_SEARCH);
