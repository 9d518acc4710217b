import { useTranslation } from 'react-i18next';
import type { ImportPreview } from '../../../contract/exchange';
import { Section } from '../../components/Section';
import { Tag } from '../../components/Tag';

/** Each column of the sheet, a few of its values, and the field it feeds; the user may correct it. */
export function MappingTable({
  preview,
  disabled,
  onChange,
}: {
  preview: ImportPreview;
  disabled: boolean;
  onChange: (column: number, field: string | null) => void;
}) {
  const { t } = useTranslation('exchange');
  const fieldName = (key: string) => t(`fields.${preview.kind}.${key}`);
  return (
    <Section title={t('mapping.title')}>
      <p className="section__intro">{t('mapping.intro')}</p>
      <div className="mapping">
        <table className="mapping__table">
          <thead>
            <tr>
              <th scope="col">{t('mapping.column')}</th>
              <th scope="col">{t('mapping.header')}</th>
              <th scope="col">{t('mapping.samples')}</th>
              <th scope="col">{t('mapping.field')}</th>
            </tr>
          </thead>
          <tbody>
            {preview.columns.map((column) => (
              <tr key={column.column} className={column.field ? undefined : 'mapping__row--ignored'}>
                <td className="mapping__letters">{column.letters}</td>
                <th scope="row" className="mapping__label">
                  {column.label}
                </th>
                <td className="mapping__samples">{column.samples.join(' · ')}</td>
                <td>
                  <select
                    aria-label={t('mapping.field') + ' ' + column.label}
                    value={column.field ?? ''}
                    disabled={disabled}
                    onChange={(e) => onChange(column.column, e.target.value || null)}
                  >
                    <option value="">{preview.keepsExtraColumns ? t('mapping.keep') : t('mapping.ignore')}</option>
                    {preview.fields.map((field) => (
                      <option key={field.key} value={field.key}>
                        {fieldName(field.key)}
                        {field.required ? t('mapping.required') : ''}
                      </option>
                    ))}
                  </select>
                  {(column.source === 'remembered' || column.source === 'chosen') && <Tag tone="info">{t(`mapping.sources.${column.source}`)}</Tag>}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </Section>
  );
}
