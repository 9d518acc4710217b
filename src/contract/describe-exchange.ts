import type { TFunction } from 'i18next';
import type { ImportKind, Issue, Keying, Shown, SkipReason } from '../core/excel/import/model';
import type { ReturnWarning } from '../core/excel/packages/model';
import type { GroupMembers } from '../core/unit-groups/model';
import { FIELD_ERROR_CODES } from '../shared/errors';
import { formatDate, formatInstant, formatPeriod } from '../shared/i18n/format';
import type { Language } from '../shared/i18n/setup';

/**
 * Sentences for what an import found, shared by the import wizard and the command line: a row's
 * issues with the field they concern, why a row was passed over, what a returned unit workbook
 * gives cause to check, and values as the preview shows them.
 */
const isFieldCode = (code: string): boolean => (FIELD_ERROR_CODES as readonly string[]).includes(code) && code !== 'required';

export function fieldLabel(t: TFunction, kind: ImportKind, field: string): string {
  return t(`exchange:fields.${kind}.${field}`, { defaultValue: field });
}

export function describeIssue(t: TFunction, kind: ImportKind, issue: Issue): string {
  const params: Record<string, string | number> = { ...issue.params };
  if (issue.code === 'unit_kind_guessed' && typeof params.kind === 'string') params.kind = t(`common:enums.unitKind.${params.kind}`);
  const sentence = isFieldCode(issue.code) ? t(`common:fields.${issue.code}`, params) : t(`exchange:issues.${issue.code}`, params);
  return issue.field ? `${fieldLabel(t, kind, issue.field)}：${sentence}` : sentence;
}

export const describeSkip = (t: TFunction, reason: SkipReason): string => t(`exchange:skip.${reason}`);

/** The columns a preview keeps as text on each record (作为附加列保留), or null when there are none. */
export const describeKept = (t: TFunction, columns: readonly string[]): string | null =>
  columns.length === 0 ? null : t('exchange:wizard.keptColumns', { columns: columns.map((c) => `“${c}”`).join(t('common:listSeparator')) });

/** How cases without receipt numbers are keyed, once the batch is known; null otherwise. */
export const describeOtherSheets = (t: TFunction, sheet: string, others: readonly string[]): string | null =>
  others.length === 0 ? null : t('exchange:wizard.otherSheets', { sheet, sheets: others.map((name) => `“${name}”`).join(t('common:listSeparator')) });

export function describeKeying(t: TFunction, keying: Keying): string | null {
  if (keying.by === 'column')
    return keying.batchOf
      ? t('exchange:wizard.keying.batchOf', { batch: keying.batchOf.batch, from: t(`exchange:wizard.keying.from.${keying.batchOf.from}`) })
      : null;
  if (keying.from === null) return null;
  return keying.from === 'column'
    ? t('exchange:wizard.keying.byColumn')
    : t('exchange:wizard.keying.title', { batch: keying.batch, from: t(`exchange:wizard.keying.from.${keying.from}`) });
}

export function describeReturnWarning(t: TFunction, warning: ReturnWarning, language: Language): string {
  const params: Record<string, string | number> = { ...warning.params };
  for (const key of ['period', 'expected'] as const) if (typeof params[key] === 'string') params[key] = formatPeriod(params[key] as string, language);
  if (typeof params.at === 'string') params.at = formatInstant(params.at, language);
  return t(`exchange:returns.${warning.code}`, params);
}

export function describeShown(t: TFunction, shown: Shown, language: Language): string {
  switch (shown.t) {
    case 'empty':
      return t('exchange:shown.empty');
    case 'text':
      return shown.v;
    case 'number':
      return String(shown.v);
    case 'date':
      return formatDate(shown.v, language);
    case 'period':
      return formatPeriod(shown.v, language);
    case 'deadline':
      return shown.v.kind === 'date' ? formatDate(shown.v.date, language) : t(`common:enums.deadlineKind.${shown.v.kind}`);
    case 'enum':
      return t(`common:enums.${shown.e}.${shown.v}`);
    case 'enums':
      return shown.v.map((v) => t(`common:enums.${shown.e}.${v}`)).join(t('exchange:shown.listSeparator'));
    case 'list':
      return shown.v.join(t('exchange:shown.listSeparator'));
  }
}

/** Who a unit group holds, in a few words: 全部盟市, or 3 个单位. */
export function describeMembers(t: TFunction, members: GroupMembers): string {
  return members.by === 'kind'
    ? t('exchange:groupMembers.allOfKind', { kind: t(`common:enums.unitKind.${members.kind}`) })
    : t('exchange:groupMembers.listed', { count: members.unitIds.length });
}
