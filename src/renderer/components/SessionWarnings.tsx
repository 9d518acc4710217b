import { useTranslation } from 'react-i18next';
import type { DubanError } from '../../shared/errors';
import { describeError } from '../../shared/i18n/describe';

/** The file is behind what this machine saw of it: the user must look before going on. Backups only need attention. */
const SERIOUS = new Set(['ledger.rolled_back', 'ledger.journal_trimmed', 'ledger.history_diverged', 'ledger.audit_rewritten', 'ledger.anchor_unverifiable']);

/** What the open ledger found amiss without refusing to open, above every screen until it is dealt with. */
export function SessionWarnings({ warnings }: { warnings: readonly DubanError[] }) {
  const { t } = useTranslation();
  if (warnings.length === 0) return null;
  return (
    <div className="session-warnings">
      {warnings.map((warning) => (
        <div key={warning.code} className={`notice ${SERIOUS.has(warning.code) ? 'notice--error' : 'notice--warn'}`} role="alert">
          {describeError(t, warning)}
        </div>
      ))}
    </div>
  );
}
