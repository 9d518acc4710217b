import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';

/** Where a record's page sits: a link back to its list, then the record. */
export function Breadcrumbs({ list, current }: { list: { readonly to: string; readonly label: string }; current: string }) {
  const { t } = useTranslation();
  return (
    <nav className="breadcrumbs" aria-label={t('breadcrumbs')}>
      <Link to={list.to}>{list.label}</Link>
      <span aria-hidden="true">›</span>
      <span aria-current="page">{current}</span>
    </nav>
  );
}
