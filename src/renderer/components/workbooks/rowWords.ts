import type { TFunction } from 'i18next';
import type { ImportKind, PreviewRow, RowAction } from '../../../contract/exchange';
import { describeIssue, describeSkip, fieldLabel } from '../../../contract/describe-exchange';
import type { Tone } from '../Tag';

/** How a preview row is marked and summed up in a line: its result's tone, and its note. */
export const ACTION_TONES: Record<RowAction, Tone> = { create: 'ok', update: 'info', unchanged: 'neutral', skip: 'neutral', error: 'danger' };

export function rowNote(t: TFunction, kind: ImportKind, row: PreviewRow): string {
  if (row.skipReason) return describeSkip(t, row.skipReason);
  if (row.issues.length) return row.issues.map((issue) => describeIssue(t, kind, issue)).join(t('common:listSeparator'));
  if (row.action === 'update')
    return t('exchange:rows.changed', { fields: row.changes.map((c) => fieldLabel(t, kind, c.field)).join(t('common:listSeparator')) });
  const kept = row.changes.find((c) => c.field === 'extraColumns')?.after;
  return kept?.t === 'list' ? t('exchange:rows.keptText', { cells: kept.v.join(t('exchange:rows.keptSeparator')) }) : '';
}
