import { accountability } from './accountability';
import { audit } from './audit';
import { closeOuts } from './closeOuts';
import { dispatch } from './dispatch';
import { documents } from './documents';
import { drafts } from './drafts';
import { evidence } from './evidence';
import { exchange } from './exchange';
import { findings } from './findings';
import { inspections } from './inspections';
import { measures } from './measures';
import { meetings } from './meetings';
import { monthlyReport } from './monthlyReport';
import { petitions } from './petitions';
import { platform } from './platform';
import { progress } from './progress';
import { rollup } from './rollup';
import { session } from './session';
import { siteVisits } from './siteVisits';
import { stats } from './stats';
import { tasks } from './tasks';
import { todo } from './todo';
import { units } from './units';
import { people } from './people';
import { unitGroups } from './unitGroups';
import { archive } from './archive';
import type { Methods } from './define';

/**
 * The contract: every method the screens may call, by namespace, each declared once in its
 * namespace's file (its argument schema and its result). The preload, the main process, the
 * browser bridge and the core host all follow this one object.
 */
export const CONTRACT = {
  platform,
  session,
  units,
  unitGroups,
  inspections,
  tasks,
  measures,
  progress,
  dispatch,
  todo,
  closeOuts,
  drafts,
  evidence,
  petitions,
  siteVisits,
  findings,
  meetings,
  accountability,
  stats,
  audit,
  documents,
  exchange,
  people,
  rollup,
  monthlyReport,
  archive,
} as const satisfies Readonly<Record<string, Methods>>;

export type Contract = typeof CONTRACT;
export type Namespace = keyof Contract;
export type MethodOf<N extends Namespace> = keyof Contract[N] & string;
export type MethodName = { [N in Namespace]: `${N}.${MethodOf<N>}` }[Namespace];

export const METHOD_NAMES: readonly MethodName[] = (Object.keys(CONTRACT) as Namespace[]).flatMap((ns) =>
  Object.keys(CONTRACT[ns]).map((method) => `${ns}.${method}` as MethodName),
);

export const isMethodName = (name: unknown): name is MethodName => typeof name === 'string' && (METHOD_NAMES as readonly string[]).includes(name);
