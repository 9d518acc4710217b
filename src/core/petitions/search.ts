import { type SearchIndex, settleSearchIndex } from '../storage/search-index';
import { onEachWrite } from '../storage/write-hooks';

/** The petition list's text search (schema 17): receipt number, subject, problem and region. */
export const PETITION_SEARCH: SearchIndex = { name: 'petition_search', table: 'petition_cases', columns: ['receipt_number', 'subject', 'problem', 'region'] };

onEachWrite((writer) => settleSearchIndex(PETITION_SEARCH, writer));
