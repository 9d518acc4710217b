import type { TFunction } from 'i18next';
import { loadPetitionSummaries } from '../../petitions/service';
import type { Reader } from '../../storage/database';
import type { TableColumn } from '../write/table';
import { rememberedWords } from '../words';
import { type Heading, ordinalColumn, sharesOf, startExportTable } from './table';
import type ExcelJS from 'exceljs';

/**
 * Petition cases in the inspectors' own layout (the ledger they hand over), so that an export can
 * be imported back: the accountability figures under one group, as the samples have them. The
 * fixed columns, then one for each header of the cases' extra columns (来源, 处理类别 …).
 */
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

/** Cases are read this many at a time, by id. */
const SHARE = 1000;

/** The headers of the extra columns the cases keep, in the order first met: only those columns are read. */
function extraHeadersOf(db: Reader, ids: readonly number[]): string[] {
  const headers = new Set<string>();
  for (const share of sharesOf(ids, SHARE)) {
    const rows = db.all<{ extra: string }>(
      `SELECT p.extra_columns AS extra FROM json_each(?) AS asked JOIN petition_cases p ON p.id = asked.value
       WHERE p.extra_columns IS NOT NULL ORDER BY asked.key`,
      [JSON.stringify(share)],
    );
    for (const row of rows) for (const extra of JSON.parse(row.extra) as { header: string }[]) headers.add(extra.header);
  }
  return [...headers];
}

/** The cases `ids` names (`matchingPetitionIds`), in that order, a share at a time. */
export function writePetitionRows(book: ExcelJS.Workbook, name: string, db: Reader, ids: readonly number[], t: TFunction, heading: Heading): void {
  const extraHeaders = extraHeadersOf(db, ids);
  const table = startExportTable(book, name, t, heading, petitionColumns(t, extraHeaders));
  const word = rememberedWords(t);
  let ordinal = 0;
  for (const share of sharesOf(ids, SHARE)) {
    for (const c of loadPetitionSummaries(db, share)) {
      ordinal++;
      table.addRow([
        ordinal,
        c.receiptNumber,
        c.batch === null ? null : word('exchange:exports.batch', { batch: c.batch }),
        c.handedOverOn,
        c.subject,
        c.problem,
        c.region,
        c.pollutionKinds.map((kind) => word(`common:enums.pollutionKind.${kind}`)).join('、'),
        c.investigation,
        c.truth === null ? null : word(`common:enums.truth.${c.truth}`),
        c.handling,
        c.accountability,
        c.personsHeldAccountable,
        c.entitiesPenalized,
        c.finesYuan,
        c.personsDetained,
        word(`common:enums.completion.${c.completion}`),
        c.completedOn,
        c.unitName,
        c.notes,
        ...extraHeaders.map((header) => c.extraColumns.find((extra) => extra.header === header)?.text ?? null),
      ]);
    }
  }
}
