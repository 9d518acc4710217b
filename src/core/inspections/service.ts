import type { Result } from '../../shared/result';
import type { LedgerContext } from '../context';
import { found, fromRow, type RecordSpec, removeUnlessUsed, type Row, saveRecord } from '../records';
import type { Reader } from '../storage/database';
import { type Inspection, type InspectionInput, inspectionInput } from './model';

export function loadInspection(db: Reader, id: number): Inspection | undefined {
  const row = db.get<Row>('SELECT * FROM inspections WHERE id = ?', [id]);
  return row ? fromRow<Inspection>(row) : undefined;
}

export const listInspections = (db: Reader): Inspection[] =>
  db.all<Row>('SELECT * FROM inspections ORDER BY feedback_date DESC, id DESC').map((row) => fromRow<Inspection>(row));

const INSPECTION: RecordSpec<Inspection, typeof inspectionInput> = {
  entity: 'inspection',
  table: 'inspections',
  schema: inspectionInput,
  load: loadInspection,
};

export function inspectionService(ctx: LedgerContext) {
  return {
    list: () => listInspections(ctx.db),
    get: (id: number): Result<Inspection> => found('inspection', id, loadInspection(ctx.db, id)),
    create: (input: InspectionInput) => saveRecord(ctx, INSPECTION, null, input),
    update: (id: number, input: InspectionInput) => saveRecord(ctx, INSPECTION, id, input),
    remove: (id: number) => removeUnlessUsed(ctx, 'inspection', 'inspections', id, loadInspection),
  };
}

export type InspectionService = ReturnType<typeof inspectionService>;
