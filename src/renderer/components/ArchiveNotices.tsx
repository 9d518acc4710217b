import { useTranslation } from 'react-i18next';
import { useContractQuery } from '../api/useContract';
import { useFormat } from '../hooks/useFormat';

/** Above every screen of an archive file: it is read-only, and what it holds. */
export function ArchiveBanner() {
  const { t } = useTranslation();
  const format = useFormat();
  const mark = useContractQuery('archive', 'state', []).data?.mark;
  if (!mark) return null;
  return (
    <div className="notice notice--info archive-banner" role="status" data-testid="archive-banner">
      <strong>{t('archive.banner.title')}</strong>{' '}
      {t('archive.banner.text', { inspection: mark.inspection, source: mark.source, date: format.date(mark.archivedAt) })}
    </div>
  );
}

/** On the home page and in 设置 once the ledger nears the size one machine serves well: archive a closed round. */
export function LedgerSizeNotice() {
  const { t } = useTranslation();
  const state = useContractQuery('archive', 'state', []).data;
  if (!state || state.mark || state.databaseBytes < state.noticeBytes) return null;
  const megabytes = (bytes: number): number => Math.round(bytes / (1024 * 1024));
  return (
    <div className="notice notice--warn" role="note" data-testid="ledger-size-notice">
      {t('archive.large', { size: megabytes(state.databaseBytes) })}
    </div>
  );
}
