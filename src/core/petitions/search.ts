import { snake } from '../records';
import { type SearchIndex, settleSearchIndex } from '../storage/search-index';
import { onEachWrite } from '../storage/write-hooks';
import type { PetitionCase } from './model';

/** The cases' fields the petition list's text search reads. */
export const SEARCHED_FIELDS = ['receiptNumber', 'subject', 'problem', 'region'] as const satisfies readonly (keyof PetitionCase)[];

/** The petition list's text search (schema 17): receipt number, subject, problem and region. */
export const PETITION_SEARCH: SearchIndex = { name: 'petition_search', table: 'petition_cases', columns: SEARCHED_FIELDS.map(snake) };

onEachWrite((writer) => settleSearchIndex(PETITION_SEARCH, writer));

/**
 * A search's count tests each matching case's filters: read from the cases themselves, each of tens
 * of thousands of matches is a lookup into rows a kilobyte wide. This index (schema 21) holds under
 * each case's id only the columns the list filters on, besides its kinds.
 */
export const MATCH_FILTERS = { name: 'petition_cases_match_filters', columns: ['completion', 'unit_id', 'truth', 'batch'] } as const;
