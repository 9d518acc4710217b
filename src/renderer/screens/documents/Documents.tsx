import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { type DocumentRecord, replyStanding } from '../../../core/documents/model';
import { dateOf } from '../../../shared/dates';
import { formatDate } from '../../../shared/i18n/format';
import type { Language } from '../../../shared/i18n/setup';
import { useLoad } from '../../api/ApiContext';
import { type Column, DataTable } from '../../components/DataTable';
import { ErrorNotice } from '../../components/Notice';
import { PageHeader } from '../../components/PageHeader';
import { DocumentDialog } from './DocumentDialog';

/** The register (发文登记): every document issued, its number, recipient, reply; filters; reply, void, chase. */
export function Documents() {
  const { t, i18n } = useTranslation('documents');
  const language = i18n.language as Language;
  const today = dateOf(new Date());
  const [docType, setDocType] = useState('');
  const [search, setSearch] = useState('');
  const [overdueOnly, setOverdueOnly] = useState(false);
  const [open, setOpen] = useState<number | null>(null);
  const types = useLoad((api) => api.documents.types({ includeArchived: true }), []);
  const documents = useLoad(
    (api) => api.documents.list({ ...(docType ? { docType } : {}), ...(search.trim() ? { search: search.trim() } : {}), ...(overdueOnly ? { replyOverdueAsOf: today } : {}) }),
    [docType, search, overdueOnly],
  );
  const typeName = (code: string): string => types.data?.find((type) => type.code === code)?.name ?? code;
  const date = (value: string | null): string => (value ? formatDate(value, language) : '');

  const columns: Column<DocumentRecord>[] = [
    { key: 'number', header: t('fields.number'), width: 'minmax(13em, 1.2fr)', render: (d) => (d.state === 'voided' ? t('voidedNumber', { number: d.number }) : d.number) },
    { key: 'type', header: t('fields.docType'), width: '6em', render: (d) => typeName(d.docType) },
    { key: 'title', header: t('fields.title'), width: 'minmax(14em, 2fr)', render: (d) => d.title },
    { key: 'recipient', header: t('fields.recipient'), width: 'minmax(10em, 1fr)', render: (d) => d.recipient },
    { key: 'issuedOn', header: t('fields.issuedOn'), width: '9em', render: (d) => date(d.issuedOn) },
    { key: 'replyDue', header: t('fields.replyDue'), width: '9em', render: (d) => date(d.replyDue) },
    {
      key: 'reply',
      header: t('fields.reply'),
      width: '8em',
      render: (d) => {
        const standing = replyStanding(d, today);
        return <span className={`standing standing--${standing}`}>{t(`standing.${standing}`, { date: date(d.repliedOn) })}</span>;
      },
    },
  ];

  return (
    <>
      <PageHeader
        title={t('title')}
        subtitle={t('subtitle', { count: documents.data?.length ?? 0 })}
        actions={
          <>
            <Link className="button" to="/documents/templates">
              {t('templates.open')}
            </Link>
            <Link className="button" to="/documents/batch">
              {t('batch.open')}
            </Link>
            <Link className="button button--primary" to="/documents/new">
              {t('issue.open')}
            </Link>
          </>
        }
      />
      <div className="toolbar">
        <label>
          {t('fields.docType')}
          <select value={docType} onChange={(e) => setDocType(e.target.value)}>
            <option value="">{t('allTypes')}</option>
            {(types.data ?? []).map((type) => (
              <option key={type.code} value={type.code}>
                {type.name}
              </option>
            ))}
          </select>
        </label>
        <label>
          {t('app:actions.search')}
          <input type="search" value={search} placeholder={t('searchHint')} onChange={(e) => setSearch(e.target.value)} />
        </label>
        <label className="field--check">
          <input type="checkbox" checked={overdueOnly} onChange={(e) => setOverdueOnly(e.target.checked)} />
          {t('overdueOnly')}
        </label>
      </div>
      <ErrorNotice error={documents.error ?? types.error} />
      <DataTable label={t('title')} columns={columns} rows={documents.data ?? []} rowKey={(d) => d.id} onOpen={(d) => setOpen(d.id)} empty={t('empty')} />
      {open !== null && <DocumentDialog id={open} typeName={typeName} onClose={() => setOpen(null)} onChanged={documents.reload} onOpen={setOpen} />}
    </>
  );
}
