import type { Result } from '../../shared/result';
import type { LedgerContext } from '../context';
import { evidenceUses } from '../evidence/service';
import { checkReferences, found, fromRow, insertRecord, type RecordSpec, removeUnlessUsed, type Row, saveRecord } from '../records';
import { rowsReferring, type Use } from '../references';
import { sqlFilter } from '../sql-filter';
import type { Reader } from '../storage/database';
import { type SiteVisit, type SiteVisitFilter, type SiteVisitInput, siteVisitInput } from './model';

const SELECT = `SELECT v.*, (SELECT json_group_array(task_id) FROM (SELECT task_id FROM site_visit_tasks WHERE site_visit_id = v.id ORDER BY task_id)) AS task_ids
  FROM site_visits v`;

function toVisit(row: Row): SiteVisit {
  const { taskIds, ...visit } = fromRow<Omit<SiteVisit, 'taskIds'> & { taskIds: string }>(row, ['unannounced']);
  return { ...visit, taskIds: JSON.parse(taskIds) as number[] };
}

export function loadSiteVisit(db: Reader, id: number): SiteVisit | undefined {
  const row = db.get<Row>(`${SELECT} WHERE v.id = ?`, [id]);
  return row ? toVisit(row) : undefined;
}

/** The visits matching the filter, the latest first. */
export function listSiteVisits(db: Reader, filter: SiteVisitFilter = {}): SiteVisit[] {
  const where = sqlFilter();
  if (filter.unitId !== undefined) where.where('v.unit_id = $unitId', { unitId: filter.unitId });
  if (filter.taskId !== undefined) where.where('v.id IN (SELECT site_visit_id FROM site_visit_tasks WHERE task_id = $taskId)', { taskId: filter.taskId });
  if (filter.from) where.where('v.visited_on >= $from', { from: filter.from });
  if (filter.to) where.where('v.visited_on <= $to', { to: filter.to });
  return db.all<Row>(`${SELECT} ${where.clause} ORDER BY v.visited_on DESC, v.id DESC`, where.params).map(toVisit);
}

const SITE_VISIT: RecordSpec<SiteVisit, typeof siteVisitInput> = {
  entity: 'site_visit',
  table: 'site_visits',
  schema: siteVisitInput,
  load: loadSiteVisit,
  check: (tx, visit) =>
    checkReferences(tx, [
      ['unitId', 'units', visit.unitId],
      ['taskIds', 'tasks', visit.taskIds],
    ]),
  columns: ({ taskIds: _taskIds, ...columns }) => columns,
  relations: (tx, siteVisitId, { taskIds }) => {
    tx.run('DELETE FROM site_visit_tasks WHERE site_visit_id = ?', [siteVisitId]);
    for (const taskId of taskIds) insertRecord(tx, 'site_visit_tasks', { siteVisitId, taskId }, false);
  },
};

/** Its findings would cascade away with the visit: a visit with findings or evidence is kept. */
const historyOf = (db: Reader, id: number): Use[] => [
  ...rowsReferring(db, [{ table: 'findings', column: 'site_visit_id' }], id),
  ...evidenceUses(db, 'site_visit', id),
];

export function siteVisitService(ctx: LedgerContext) {
  return {
    list: (filter?: SiteVisitFilter) => listSiteVisits(ctx.db, filter),
    get: (id: number): Result<SiteVisit> => found('site_visit', id, loadSiteVisit(ctx.db, id)),
    create: (input: SiteVisitInput) => saveRecord(ctx, SITE_VISIT, null, input),
    update: (id: number, input: SiteVisitInput) => saveRecord(ctx, SITE_VISIT, id, input),
    remove: (id: number) => removeUnlessUsed(ctx, 'site_visit', 'site_visits', id, loadSiteVisit, historyOf),
  };
}

export type SiteVisitService = ReturnType<typeof siteVisitService>;
