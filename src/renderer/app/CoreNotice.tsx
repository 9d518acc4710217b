import { useTranslation } from 'react-i18next';
import { describeError } from '../../shared/i18n/describe';
import type { SessionChange } from '../api/connect';

export type CoreStop = Exclude<SessionChange, 'ledger.closed'>;

/** The program's background part stopped under the window: restarted (unlock again), or for good (start the program again). */
export function CoreNotice({ stop }: { stop: CoreStop }) {
  const { t } = useTranslation();
  return (
    <div className="notice notice--warn core-notice" role="alert">
      {describeError(t, { code: stop })}
    </div>
  );
}
