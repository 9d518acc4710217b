import { searchIndexSchema } from '../storage/search-index';
import { TASK_SEARCH } from '../tasks/search';

/**
 * Schema version 20 (large ledgers): the task list's text search without reading every task, the
 * same index of bigrams the petitions have (version 17); the migration indexes the tasks already there.
 */
export const V20_TASK_SEARCH: readonly string[] = searchIndexSchema(TASK_SEARCH);
