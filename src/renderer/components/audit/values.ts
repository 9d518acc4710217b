import type { TFunction } from 'i18next';
import type { EntityName } from '../../../core/entities';
import type { Deadline } from '../../../core/tasks/model';
import type { useFormat } from '../../hooks/useFormat';
import type { ValueText } from './changes';

export interface Names {
  readonly units: ReadonlyMap<number, string>;
  readonly inspections: ReadonlyMap<number, string>;
  readonly measures: ReadonlyMap<number, string>;
}

/** The enumeration (common:enums.<name>) a field's codes belong to, by entity. */
const ENUM_FIELDS: Partial<Record<EntityName, Record<string, string>>> = {
  unit: { kind: 'unitKind' },
  task: { status: 'taskStatus' },
  close_out: { state: 'closeOutState' },
  progress_report: { state: 'progressState' },
  petition_case: { pollutionKind: 'pollutionKind', truth: 'truth', completion: 'completion' },
  meeting: { kind: 'meetingKind' },
  accountability_case: { state: 'accountabilityState' },
};

const DATE = /^\d{4}-\d{2}-\d{2}$/;
const PERIOD = /^\d{4}-\d{2}$/;
const INSTANT = /^\d{4}-\d{2}-\d{2}T/;

/**
 * A recorded value in words: unit and inspection ids by their names, dates as 2026年11月24日,
 * codes by their Chinese names, deadlines as the office writes them, lists joined with 、.
 */
export function valueText(entity: EntityName, t: TFunction, format: ReturnType<typeof useFormat>, names: Names): ValueText {
  const asText: ValueText = (field, value) => {
    if (value === null || value === undefined || value === '') return '—';
    if (typeof value === 'boolean') return value ? t('audit:yes') : t('audit:no');
    if (Array.isArray(value)) return value.length === 0 ? '—' : value.map((item) => asText(field, item)).join(t('common:listSeparator'));
    if (typeof value === 'number' && /unitIds?$/i.test(field)) return names.units.get(value) ?? t('audit:ref', { id: value });
    if (typeof value === 'number' && field === 'inspectionId') return names.inspections.get(value) ?? t('audit:ref', { id: value });
    if (typeof value === 'number' && /^measureIds?$/.test(field)) return names.measures.get(value) ?? t('audit:ref', { id: value });
    if (typeof value === 'number' && /Ids?$/.test(field)) return t('audit:ref', { id: value });
    if (field === 'deadline' && typeof value === 'object') return format.deadline(value as Deadline);
    if (field === 'ownerKind') return t(`common:entities.${String(value)}`);
    if (field === 'origin' && typeof value === 'object') return t(`common:enums.findingSource.${(value as { source: string }).source}`);
    if (typeof value === 'object') return 'name' in value ? String((value as { name: unknown }).name) : JSON.stringify(value);
    const enumName = ENUM_FIELDS[entity]?.[field];
    if (enumName) return t(`common:enums.${enumName}.${String(value)}`);
    if (typeof value === 'string' && DATE.test(value)) return format.date(value);
    if (typeof value === 'string' && PERIOD.test(value)) return format.period(value);
    if (typeof value === 'string' && INSTANT.test(value)) return format.instant(value);
    return String(value);
  };
  return asText;
}
