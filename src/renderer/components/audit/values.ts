import type { TFunction } from 'i18next';
import type { AuditValue } from '../../../contract/audit';
import type { useFormat } from '../../hooks/useFormat';

/**
 * A recorded value in words, as the core described it: dates as 2026年11月24日, codes by their
 * names, records by theirs, lists joined with 、, a thing and what qualifies it as 张某某（诫勉）.
 */
export function valueText(value: AuditValue, t: TFunction, format: ReturnType<typeof useFormat>): string {
  const words = (values: readonly AuditValue[]): string => values.map((v) => valueText(v, t, format)).join(t('common:listSeparator'));
  switch (value.t) {
    case 'empty':
      return '—';
    case 'text':
      return value.v;
    case 'number':
      return format.number(value.v);
    case 'flag':
      return value.v ? t('audit:yes') : t('audit:no');
    case 'date':
      return format.date(value.v);
    case 'period':
      return format.period(value.v);
    case 'instant':
      return format.instant(value.v);
    case 'deadline':
      return format.deadline(value.v);
    case 'word':
      return t(value.k);
    case 'list':
      return words(value.v);
    case 'group': {
      const [head, ...rest] = value.v;
      if (!head) return '—';
      return rest.length ? t('audit:group', { head: valueText(head, t, format), rest: words(rest) }) : valueText(head, t, format);
    }
  }
}
