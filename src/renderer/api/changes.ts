import type { QueryClient } from '@tanstack/react-query';
import type { DubanApi } from '../../contract/api';
import { CONTRACT, type MethodOf, type Namespace } from '../../contract/methods';
import { contractProxy } from '../../contract/proxy';
import type { Result } from '../../shared/result';
import { type ArgsOf, callOf, type ValueOf } from './contractQuery';

/** What any change to the ledger's records may move: the home page's figures, the to-do list, the history. */
const LEDGER_VIEWS = ['stats', 'todo', 'audit', 'monthlyReport'] as const;
/** The records a workbook brings in. */
const RECORDS = [
  'units',
  'unitGroups',
  'inspections',
  'tasks',
  'measures',
  'progress',
  'petitions',
  'siteVisits',
  'findings',
  'meetings',
  'accountability',
] as const;

/**
 * What a change through a namespace touches: after it succeeds, every read of these namespaces is
 * asked again (the reads on screen at once, the others when next shown).
 */
export const TOUCHES: Readonly<Record<Namespace, readonly Namespace[]>> = {
  platform: ['platform'],
  // A restored backup replaces every record.
  session: Object.keys(CONTRACT) as Namespace[],
  units: ['units', 'unitGroups', 'tasks', 'dispatch', 'progress', 'documents', ...LEDGER_VIEWS],
  // A group by kind follows its units; a group's members are the units of its tasks when saved.
  unitGroups: ['unitGroups', 'audit'],
  inspections: ['inspections', 'tasks', ...LEDGER_VIEWS],
  tasks: ['tasks', 'measures', 'progress', 'dispatch', 'closeOuts', 'findings', 'documents', ...LEDGER_VIEWS],
  measures: ['measures', 'tasks', 'audit'],
  progress: ['progress', 'dispatch', 'tasks', ...LEDGER_VIEWS],
  dispatch: ['dispatch', 'progress', 'documents', ...LEDGER_VIEWS],
  todo: ['todo'],
  closeOuts: ['closeOuts', 'tasks', 'evidence', ...LEDGER_VIEWS],
  // A draft is what a form holds, not a record: nothing else shows it.
  drafts: ['drafts'],
  evidence: ['evidence', 'closeOuts', 'tasks', 'audit'],
  petitions: ['petitions', ...LEDGER_VIEWS],
  siteVisits: ['siteVisits', 'findings', 'tasks', ...LEDGER_VIEWS],
  findings: ['findings', 'siteVisits', 'meetings', 'tasks', ...LEDGER_VIEWS],
  meetings: ['meetings', 'findings', ...LEDGER_VIEWS],
  accountability: ['accountability', ...LEDGER_VIEWS],
  stats: ['stats'],
  audit: ['audit'],
  documents: ['documents', 'dispatch', 'tasks', ...LEDGER_VIEWS],
  exchange: ['exchange', 'dispatch', 'documents', ...RECORDS, ...LEDGER_VIEWS],
  // The header names who is signed in; a removal gives the ledger a new key (its backups are sealed again).
  people: ['people', 'session', 'audit'],
  rollup: ['rollup', 'audit'],
  monthlyReport: ['documents', ...LEDGER_VIEWS],
  // A round archived leaves with every record it held; opening an archive closes the ledger.
  archive: Object.keys(CONTRACT) as Namespace[],
};

/** Calls a changing method; once it succeeded, marks every read of what it touches stale. */
export async function runChange<N extends Namespace, M extends MethodOf<N>>(
  api: DubanApi,
  client: QueryClient,
  ns: N,
  method: M,
  args: ArgsOf<N, M>,
): Promise<Result<ValueOf<N, M>>> {
  const result = (await callOf(api, ns, method)(...args)) as Result<ValueOf<N, M>>;
  if (result.ok) await Promise.all(TOUCHES[ns].map((touched) => client.invalidateQueries({ queryKey: [touched] })));
  return result;
}

/** The contract whose every call is a change: each refreshes what its namespace touches once it succeeded. */
export const changesOf = (api: DubanApi, client: QueryClient): DubanApi =>
  contractProxy((name, args) => {
    const [ns, method] = name.split('.') as [Namespace, string];
    return runChange(api, client, ns, method as MethodOf<Namespace>, args as never);
  });
