import {
  CHECK_STAGES,
  type CheckStage,
  DEADLINE_KINDS,
  type DeadlineKind,
  TASK_SORTS,
  TASK_STATUSES,
  type TaskQuery,
  type TaskSort,
  type TaskStatus,
  UNIT_ROLES,
  type UnitRole,
} from '../../../contract/tasks';
import { type IsoDate, isIsoDate } from '../../../shared/dates';

/**
 * What the ledger shows, kept in the address (#/tasks?status=in_progress&overdue=1), so that a
 * number on the dashboard can link to the list behind it and the back button restores a filter.
 */
export interface LedgerFilter {
  readonly search: string;
  readonly statuses: readonly TaskStatus[];
  readonly unitId: number | null;
  readonly role: UnitRole | 'any';
  /** 'none': the tasks without a source (imported before it was entered). */
  readonly inspectionId: number | 'none' | null;
  readonly deadlineKind: DeadlineKind | null;
  readonly deadlineFrom: IsoDate | null;
  readonly deadlineTo: IsoDate | null;
  readonly overdue: boolean;
  /** The tasks at this stage of the group's check (单位报完成，待核查 …): where the home page's to-do leads. */
  readonly checkStage: CheckStage | null;
  /** Top-level tasks only, as the statistics count them (sub-tasks are steps of a task). */
  readonly topLevel: boolean;
  readonly sort: TaskSort;
  readonly descending: boolean;
}

export const NO_FILTER: LedgerFilter = {
  search: '',
  statuses: [],
  unitId: null,
  role: 'any',
  inspectionId: null,
  deadlineKind: null,
  deadlineFrom: null,
  deadlineTo: null,
  overdue: false,
  checkStage: null,
  topLevel: false,
  sort: 'number',
  descending: false,
};

const oneOf = <T extends string>(values: readonly T[], value: string | null): T | null => (values.includes(value as T) ? (value as T) : null);
const idOf = (value: string | null): number | null => (value && /^[1-9]\d{0,9}$/.test(value) ? Number(value) : null);
const dateOf = (value: string | null): IsoDate | null => (value && isIsoDate(value) ? value : null);

export function readFilter(params: URLSearchParams): LedgerFilter {
  return {
    search: params.get('q') ?? '',
    statuses: (params.get('status') ?? '').split(',').flatMap((s) => oneOf(TASK_STATUSES, s) ?? []),
    unitId: idOf(params.get('unit')),
    role: oneOf(UNIT_ROLES, params.get('role')) ?? 'any',
    inspectionId: params.get('source') === 'none' ? 'none' : idOf(params.get('source')),
    deadlineKind: oneOf(DEADLINE_KINDS, params.get('deadline')),
    deadlineFrom: dateOf(params.get('from')),
    deadlineTo: dateOf(params.get('to')),
    overdue: params.get('overdue') === '1',
    checkStage: oneOf(CHECK_STAGES, params.get('check')),
    topLevel: params.get('top') === '1',
    sort: oneOf(TASK_SORTS, params.get('sort')) ?? 'number',
    descending: params.get('desc') === '1',
  };
}

/** The address's query for a filter: only what differs from showing everything. */
export function writeFilter(filter: LedgerFilter): URLSearchParams {
  const entries: [string, string | null][] = [
    ['q', filter.search || null],
    ['status', filter.statuses.join(',') || null],
    ['unit', filter.unitId === null ? null : String(filter.unitId)],
    ['role', filter.unitId === null || filter.role === 'any' ? null : filter.role],
    ['source', filter.inspectionId === null ? null : String(filter.inspectionId)],
    ['deadline', filter.deadlineKind],
    ['from', filter.deadlineFrom],
    ['to', filter.deadlineTo],
    ['overdue', filter.overdue ? '1' : null],
    ['check', filter.checkStage],
    ['top', filter.topLevel ? '1' : null],
    ['sort', filter.sort === 'number' ? null : filter.sort],
    ['desc', filter.descending ? '1' : null],
  ];
  return new URLSearchParams(entries.filter((entry): entry is [string, string] => entry[1] !== null));
}

/** The core's query for a filter; overdue is counted as of `asOf` (today). */
export function queryOf(filter: LedgerFilter, asOf: IsoDate): Omit<TaskQuery, 'limit' | 'offset'> {
  return {
    ...(filter.search.trim() ? { search: filter.search.trim() } : {}),
    ...(filter.statuses.length ? { statuses: [...filter.statuses] } : {}),
    ...(filter.unitId !== null ? { unitId: filter.unitId, role: filter.role } : {}),
    ...(filter.inspectionId !== null ? { inspectionId: filter.inspectionId === 'none' ? null : filter.inspectionId } : {}),
    ...(filter.deadlineKind ? { deadlineKind: filter.deadlineKind } : {}),
    ...(filter.deadlineFrom ? { deadlineFrom: filter.deadlineFrom } : {}),
    ...(filter.deadlineTo ? { deadlineTo: filter.deadlineTo } : {}),
    ...(filter.overdue ? { overdueAsOf: asOf } : {}),
    ...(filter.checkStage ? { checkStage: filter.checkStage } : {}),
    ...(filter.topLevel ? { parentId: null } : {}),
    sort: filter.sort,
    descending: filter.descending,
  };
}

/** Whether the filter narrows the list (sorting does not). */
export const isFiltered = (filter: LedgerFilter): boolean => {
  const { sort: _s, descending: _d, ...narrowing } = filter;
  const { sort: _ns, descending: _nd, ...none } = NO_FILTER;
  return JSON.stringify(narrowing) !== JSON.stringify(none);
};
