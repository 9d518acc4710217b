import type { Result } from '../../shared/result';
import type { z } from 'zod';
import type { LedgerContext } from '../context';
import { evidenceUses } from '../evidence/service';
import { checkReferences, found, fromRow, type RecordSpec, type Reference, removeUnlessUsed, type Row, saveRecord } from '../records';
import { sqlFilter } from '../sql-filter';
import type { Reader } from '../storage/database';
import { type Finding, type FindingFilter, type FindingInput, findingInput, type FindingOrigin, type FindingSource } from './model';

interface FindingColumns extends Omit<Finding, 'origin'> {
  readonly source: FindingSource;
  readonly siteVisitId: number | null;
  readonly meetingId: number | null;
}

function originOf({ source, siteVisitId, meetingId }: FindingColumns): FindingOrigin {
  if (source === 'visit') return { source, siteVisitId: siteVisitId! };
  if (source === 'meeting') return { source, meetingId: meetingId! };
  return { source };
}

const originColumns = (origin: FindingOrigin) => ({
  source: origin.source,
  siteVisitId: origin.source === 'visit' ? origin.siteVisitId : null,
  meetingId: origin.source === 'meeting' ? origin.meetingId : null,
});

function toFinding(row: Row): Finding {
  const columns = fromRow<FindingColumns>(row, ['rectified']);
  const { source: _s, siteVisitId: _v, meetingId: _m, ...finding } = columns;
  return { ...finding, origin: originOf(columns) };
}

export function loadFinding(db: Reader, id: number): Finding | undefined {
  const row = db.get<Row>('SELECT * FROM findings WHERE id = ?', [id]);
  return row ? toFinding(row) : undefined;
}

export function listFindings(db: Reader, filter: FindingFilter = {}): Finding[] {
  const where = sqlFilter();
  if (filter.siteVisitId !== undefined) where.where('site_visit_id = $siteVisitId', { siteVisitId: filter.siteVisitId });
  if (filter.meetingId !== undefined) where.where('meeting_id = $meetingId', { meetingId: filter.meetingId });
  if (filter.taskId !== undefined) where.where('task_id = $taskId', { taskId: filter.taskId });
  if (filter.unitId !== undefined) where.where('unit_id = $unitId', { unitId: filter.unitId });
  if (filter.rectified !== undefined) where.where('rectified = $rectified', { rectified: filter.rectified ? 1 : 0 });
  return db.all<Row>(`SELECT * FROM findings ${where.clause} ORDER BY id`, where.params).map(toFinding);
}

/** A report names nothing in the ledger; a visit or a meeting must exist. */
function originReferences(origin: FindingOrigin): Reference[] {
  if (origin.source === 'visit') return [['origin.siteVisitId', 'site_visits', origin.siteVisitId]];
  if (origin.source === 'meeting') return [['origin.meetingId', 'meetings', origin.meetingId]];
  return [];
}

const findingReferences = (finding: z.output<typeof findingInput>): Reference[] => [
  ...originReferences(finding.origin),
  ['taskId', 'tasks', finding.taskId],
  ['unitId', 'units', finding.unitId],
];

const FINDING: RecordSpec<Finding, typeof findingInput> = {
  entity: 'finding',
  table: 'findings',
  schema: findingInput,
  load: loadFinding,
  check: (tx, finding) => checkReferences(tx, findingReferences(finding)),
  columns: ({ origin, ...columns }) => ({ ...columns, ...originColumns(origin) }),
};

export function findingService(ctx: LedgerContext) {
  return {
    list: (filter?: FindingFilter) => listFindings(ctx.db, filter),
    get: (id: number): Result<Finding> => found('finding', id, loadFinding(ctx.db, id)),
    create: (input: FindingInput) => saveRecord(ctx, FINDING, null, input),
    update: (id: number, input: FindingInput) => saveRecord(ctx, FINDING, id, input),
    /** A finding that an accountability case names, or that holds evidence, is kept. */
    remove: (id: number) => removeUnlessUsed(ctx, 'finding', 'findings', id, loadFinding, (db) => evidenceUses(db, 'finding', id)),
  };
}

export type FindingService = ReturnType<typeof findingService>;
