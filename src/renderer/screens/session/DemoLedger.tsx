import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { DubanError } from '../../../shared/errors';
import { useApi } from '../../api/ApiContext';
import { useSession } from '../../api/session';
import { ErrorNotice } from '../../components/Notice';

/** The demo ledger, with one click: nothing to type, since it holds only invented data (host/demo-ledger.ts). */
export function OpenDemoButton() {
  const { t } = useTranslation();
  const api = useApi();
  const { refresh } = useSession();
  const [opening, setOpening] = useState(false);
  const [failure, setFailure] = useState<DubanError | null>(null);

  const open = async (): Promise<void> => {
    setOpening(true);
    const opened = await api.session.openDemo();
    setOpening(false);
    if (opened.ok) return void refresh();
    setFailure(opened.error);
  };

  return (
    <div className="demo-open">
      <ErrorNotice error={failure} />
      <button type="button" className="button" disabled={opening} onClick={() => void open()}>
        {opening ? t('session.demo.opening') : t('session.demo.open')}
      </button>
    </div>
  );
}

/** On the welcome screen, below the forms: what the demo holds, and the button. */
export function DemoLedger() {
  const { t } = useTranslation();
  return (
    <section className="demo-ledger" aria-labelledby="demo-title">
      <h2 id="demo-title">{t('session.demo.title')}</h2>
      <p>{t('session.demo.explain')}</p>
      <OpenDemoButton />
    </section>
  );
}
