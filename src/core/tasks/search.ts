import { type SearchIndex, settleSearchIndex } from '../storage/search-index';
import { onEachWrite } from '../storage/write-hooks';

/** The task list's text search (schema 20): number, problem, goal and responsible leader. */
export const TASK_SEARCH: SearchIndex = { name: 'task_search', table: 'tasks', columns: ['number', 'problem', 'goal', 'responsible_leader'] };

onEachWrite((writer) => settleSearchIndex(TASK_SEARCH, writer));
