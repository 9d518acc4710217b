import { useTranslation } from 'react-i18next';
import type { DraftOffer } from '../forms/drafts';
import { useFormat } from '../hooks/useFormat';

/** “What you typed here last time was not saved”: restore it into the form, or let it go. */
export function DraftNotice({ offer }: { offer: DraftOffer | null }) {
  const { t } = useTranslation();
  const format = useFormat();
  if (!offer) return null;
  return (
    <div className="notice notice--info draft-notice" role="status">
      <span>{t('drafts.offer', { time: format.instant(offer.savedAt) })}</span>
      <span className="draft-notice__actions">
        <button type="button" className="button button--small button--primary" onClick={offer.restore}>
          {t('drafts.restore')}
        </button>
        <button type="button" className="button button--small" onClick={offer.discard}>
          {t('drafts.discard')}
        </button>
      </span>
    </div>
  );
}
