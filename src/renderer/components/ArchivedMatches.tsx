import { useTranslation } from 'react-i18next';
import type { ArchivedItem } from '../../contract/archive';
import { useApi } from '../api/ApiContext';
import { useSession } from '../api/session';
import { useContractQuery } from '../api/useContract';

const fileName = (path: string): string => path.split(/[\\/]/).pop() ?? path;

/**
 * What the search found among the rows archived to other files: each with 归档于《file》 and a way to
 * open that archive (read-only, on the open screen, with its password).
 */
export function ArchivedMatches({ text, kind }: { text: string; kind: ArchivedItem['kind'] }) {
  const { t } = useTranslation();
  const api = useApi();
  const { refresh } = useSession();
  const found = useContractQuery('archive', 'search', [text.trim(), kind]).data;
  if (!found || found.total === 0) return null;
  const openArchive = (path: string): void => void api.archive.open(path).then(refresh);
  return (
    <section className="notice notice--info archived-matches" aria-label={t('archive.matchesLabel')}>
      <p>{t('archive.matches', { count: found.total })}</p>
      <ul>
        {found.items.map((item) => (
          <li key={`${item.archivePath}-${item.kind}-${item.number}`}>
            <span className="archived-matches__number">{item.number}</span>
            <span className="archived-matches__text" title={item.text}>
              {item.text}
            </span>
            <span className="archived-matches__where">{t('archive.archivedIn', { file: fileName(item.archivePath), unit: item.unit || '—' })}</span>
            <button type="button" className="button button--small" onClick={() => openArchive(item.archivePath)}>
              {t('archive.openArchive')}
            </button>
          </li>
        ))}
      </ul>
    </section>
  );
}
