import type { Result } from '../../shared/result';
import type { z } from 'zod';
import type { LedgerContext } from '../context';
import { evidenceUses } from '../evidence/service';
import { checkReferences, found, fromRow, insertRecord, type RecordSpec, type Reference, removeUnlessUsed, type Row, saveRecord } from '../records';
import type { Reader } from '../storage/database';
import { type AccountabilityCase, type AccountabilityInput, accountabilityInput, type AccountabilitySubject } from './model';

function subjectsOf(db: Reader, caseId: number): AccountabilitySubject[] {
  return db
    .all<Row>(
      'SELECT kind, name, position, unit_id, form, party_sanction, government_sanction, fine_yuan, decided_on, notes FROM accountability_subjects WHERE case_id = ? ORDER BY id',
      [caseId],
    )
    .map((row) => fromRow<AccountabilitySubject>(row));
}

function toCase(db: Reader, row: Row): AccountabilityCase {
  const record = fromRow<Omit<AccountabilityCase, 'subjects'>>(row);
  return { ...record, subjects: subjectsOf(db, record.id) };
}

export function loadAccountabilityCase(db: Reader, id: number): AccountabilityCase | undefined {
  const row = db.get<Row>('SELECT * FROM accountability_cases WHERE id = ?', [id]);
  return row ? toCase(db, row) : undefined;
}

/** The cases, those still under investigation first, then the latest handed over. */
export const listAccountabilityCases = (db: Reader): AccountabilityCase[] =>
  db.all<Row>("SELECT * FROM accountability_cases ORDER BY state = 'concluded', handed_over_on DESC, id DESC").map((row) => toCase(db, row));

const caseReferences = (values: z.output<typeof accountabilityInput>): Reference[] => [
  ['petitionCaseId', 'petition_cases', values.petitionCaseId],
  ['findingId', 'findings', values.findingId],
  ...values.subjects.map((subject, index): Reference => [`subjects.${index}.unitId`, 'units', subject.unitId]),
];

const ACCOUNTABILITY: RecordSpec<AccountabilityCase, typeof accountabilityInput> = {
  entity: 'accountability_case',
  table: 'accountability_cases',
  schema: accountabilityInput,
  load: loadAccountabilityCase,
  check: (tx, values) => checkReferences(tx, caseReferences(values)),
  columns: ({ subjects: _subjects, ...columns }) => columns,
  relations: (tx, caseId, { subjects }) => {
    tx.run('DELETE FROM accountability_subjects WHERE case_id = ?', [caseId]);
    for (const subject of subjects) insertRecord(tx, 'accountability_subjects', { caseId, ...subject }, false);
  },
};

export function accountabilityService(ctx: LedgerContext) {
  return {
    list: () => listAccountabilityCases(ctx.db),
    get: (id: number): Result<AccountabilityCase> => found('accountability_case', id, loadAccountabilityCase(ctx.db, id)),
    create: (input: AccountabilityInput) => saveRecord(ctx, ACCOUNTABILITY, null, input),
    update: (id: number, input: AccountabilityInput) => saveRecord(ctx, ACCOUNTABILITY, id, input),
    remove: (id: number) =>
      removeUnlessUsed(ctx, 'accountability_case', 'accountability_cases', id, loadAccountabilityCase, (db) => evidenceUses(db, 'accountability_case', id)),
  };
}

export type AccountabilityService = ReturnType<typeof accountabilityService>;
