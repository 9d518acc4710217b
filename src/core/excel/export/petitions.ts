import type { TFunction } from 'i18next';
import { ok, type Result } from '../../../shared/result';
import type { PetitionQuery, PetitionSummary } from '../../petitions/model';
import { listPetitions } from '../../petitions/service';
import type { Reader } from '../../storage/database';
import type { TableColumn } from '../write/table';
import { type Heading, ordinalColumn, startExportTable } from './table';
import type ExcelJS from 'exceljs';

/**
 * Petition cases in the inspectors' own layout (the ledger they hand over), so that an export can
 * be imported back: the accountability figures under one group, as the samples have them.
 */
const PAGE = 1000;

/** The fixed columns, then one for each header of the cases' extra columns (来源, 处理类别 …). */
export function petitionColumns(t: TFunction, extraHeaders: readonly string[] = []): TableColumn[] {
  const field = (key: string) => t(`exchange:fields.petitions.${key}`);
  const group = t('exchange:exports.extra.accountabilityGroup');
  return [
    ordinalColumn(t),
    { header: field('receiptNumber'), width: 10, kind: 'center' },
    { header: field('batch'), width: 4, kind: 'center' },
    { header: field('handedOverOn'), width: 7, kind: 'date' },
    { header: field('subject'), width: 14 },
    { header: field('problem'), width: 20 },
    { header: field('region'), width: 6, kind: 'center' },
    { header: field('pollutionKinds'), width: 4, kind: 'center' },
    { header: field('investigation'), width: 16 },
    { header: field('truth'), width: 5, kind: 'center' },
    { header: field('handling'), width: 16 },
    { header: field('accountability'), width: 10 },
    { header: field('personsHeldAccountable'), width: 4, kind: 'number', group },
    { header: field('entitiesPenalized'), width: 5, kind: 'number', group },
    { header: t('exchange:exports.extra.finesYuan'), width: 6, kind: 'number', group },
    { header: field('personsDetained'), width: 4, kind: 'number', group },
    { header: field('completion'), width: 5, kind: 'center' },
    { header: field('completedOn'), width: 7, kind: 'date' },
    { header: field('unit'), width: 10 },
    { header: field('notes'), width: 8 },
    ...extraHeaders.map((header): TableColumn => ({ header, width: 8 })),
  ];
}

/** The headers of the extra columns the cases keep, in the order first met. */
function extraHeadersOf(db: Reader, query: PetitionQuery): Result<string[]> {
  const headers = new Set<string>();
  for (const page of petitionPages(db, query)) {
    if (!page.ok) return page;
    for (const c of page.value) for (const extra of c.extraColumns) headers.add(extra.header);
  }
  return ok([...headers]);
}

/** Every case the filter matches, a page at a time. */
export function* petitionPages(db: Reader, query: PetitionQuery): Generator<Result<readonly PetitionSummary[]>> {
  for (let offset = 0; ; offset += PAGE) {
    const page = listPetitions(db, { ...query, limit: PAGE, offset });
    if (!page.ok) return yield page;
    yield ok(page.value.rows);
    if (offset + PAGE >= page.value.total) return;
  }
}

export function countPetitions(db: Reader, query: PetitionQuery): Result<number> {
  const page = listPetitions(db, { ...query, limit: 1, offset: 0 });
  return page.ok ? ok(page.value.total) : page;
}

export function writePetitionRows(book: ExcelJS.Workbook, name: string, db: Reader, query: PetitionQuery, t: TFunction, heading: Heading): Result<number> {
  const extraHeaders = extraHeadersOf(db, query);
  if (!extraHeaders.ok) return extraHeaders;
  const table = startExportTable(book, name, t, heading, petitionColumns(t, extraHeaders.value));
  let rows = 0;
  for (const page of petitionPages(db, query)) {
    if (!page.ok) return page;
    for (const c of page.value) {
      rows++;
      table.addRow([
        rows,
        c.receiptNumber,
        c.batch === null ? null : t('exchange:exports.batch', { batch: c.batch }),
        c.handedOverOn,
        c.subject,
        c.problem,
        c.region,
        c.pollutionKinds.map((kind) => t(`common:enums.pollutionKind.${kind}`)).join('、'),
        c.investigation,
        c.truth === null ? null : t(`common:enums.truth.${c.truth}`),
        c.handling,
        c.accountability,
        c.personsHeldAccountable,
        c.entitiesPenalized,
        c.finesYuan,
        c.personsDetained,
        t(`common:enums.completion.${c.completion}`),
        c.completedOn,
        c.unitName,
        c.notes,
        ...extraHeaders.value.map((header) => c.extraColumns.find((extra) => extra.header === header)?.text ?? null),
      ]);
    }
  }
  return ok(rows);
}
