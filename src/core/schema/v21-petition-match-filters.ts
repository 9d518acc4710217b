import { MATCH_FILTERS } from '../petitions/search';

/** Schema version 21 (large ledgers): the filters of a searched petition list counted from an index. */
export const V21_PETITION_MATCH_FILTERS: readonly string[] = [`CREATE INDEX ${MATCH_FILTERS.name} ON petition_cases (id, ${MATCH_FILTERS.columns.join(', ')})`];
