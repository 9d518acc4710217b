import { PETITION_SEARCH } from '../petitions/search';
import { searchIndexOnChange } from '../storage/search-index';
import { TASK_SEARCH } from '../tasks/search';

/**
 * Schema version 23 (large ledgers): the petition and task search indexes (versions 17 and 20) take a
 * row's bigrams out and queue it again only when its searched text changed, not whenever a save sets
 * the columns — an import updating thousands of cases of a large ledger paid for each.
 */
export const V23_SEARCH_ON_CHANGE: readonly string[] = [...searchIndexOnChange(PETITION_SEARCH), ...searchIndexOnChange(TASK_SEARCH)];
