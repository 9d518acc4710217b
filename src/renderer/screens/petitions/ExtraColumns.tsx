import { useTranslation } from 'react-i18next';
import type { ExtraColumn } from '../../../contract/petitions';
import { Section } from '../../components/Section';

/** 附加列: the columns of an imported table the ledger has no field for, as they were written. */
export function ExtraColumns({ columns }: { columns: readonly ExtraColumn[] }) {
  const { t } = useTranslation('petitions');
  if (columns.length === 0) return null;
  return (
    <Section title={t('fields.extraColumns')}>
      <p className="field__hint">{t('extraColumnsHint')}</p>
      <dl className="details">
        {columns.map((column) => (
          <div key={column.header} className="details__item details__item--wide">
            <dt>{column.header}</dt>
            <dd className="details__text">{column.text}</dd>
          </div>
        ))}
      </dl>
    </Section>
  );
}
