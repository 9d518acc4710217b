import type { TFunction } from 'i18next';
import type { Reader } from '../../storage/database';
import { listUnits } from '../../units/service';
import type { TableColumn } from '../write/table';
import { type Heading, ordinalColumn, startExportTable } from './table';
import type ExcelJS from 'exceljs';

/** The units with their first contact in columns (as the units sample has them) and the others after. */
export function unitColumns(t: TFunction): TableColumn[] {
  const field = (key: string) => t(`exchange:fields.units.${key}`);
  return [
    ordinalColumn(t),
    { header: field('name'), width: 14 },
    { header: field('shortName'), width: 8 },
    { header: field('kind'), width: 7, kind: 'center' },
    { header: field('contactName'), width: 5, kind: 'center' },
    { header: field('contactPosition'), width: 7, kind: 'center' },
    { header: field('contactPhone'), width: 8, kind: 'center' },
    { header: t('exchange:exports.extra.otherContacts'), width: 14 },
    { header: field('address'), width: 14 },
    { header: field('notes'), width: 10 },
  ];
}

export function writeUnitRows(book: ExcelJS.Workbook, name: string, db: Reader, t: TFunction, heading: Heading): number {
  const units = listUnits(db, { includeArchived: true });
  const table = startExportTable(book, name, t, heading, unitColumns(t));
  units.forEach((unit, index) => {
    const [first, ...others] = unit.contacts;
    table.addRow([
      index + 1,
      unit.name,
      unit.shortName,
      t(`common:enums.unitKind.${unit.kind}`),
      first?.name,
      first?.position,
      first?.phone,
      others.map((c) => [c.name, c.position, c.phone].filter(Boolean).join(' ')).join('\n'),
      unit.address,
      unit.notes,
    ]);
  });
  return units.length;
}
