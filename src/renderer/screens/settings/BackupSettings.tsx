import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { stillChecking } from '../../../contract/audit';
import type { BackupEntry } from '../../../contract/session-model';
import type { DubanError } from '../../../shared/errors';
import type { Result } from '../../../shared/result';
import { formatInstant } from '../../../shared/i18n/format';
import type { Language } from '../../../shared/i18n/setup';
import { useContractMutation, useContractQuery } from '../../api/useContract';
import { useSession } from '../../api/session';
import { ConfirmDialog } from '../../components/ConfirmDialog';
import { ErrorNotice } from '../../components/Notice';
import { useToast } from '../../components/Toasts';
import { useFormat } from '../../hooks/useFormat';

const megabytes = (bytes: number): string => `${(bytes / 1024 / 1024).toFixed(1)} MB`;

/** The rotating backups beside the ledger, and restoring one (the present state is kept as a backup). */
export function BackupSettings() {
  const { t, i18n } = useTranslation('settings');
  const session = useContractMutation().session;
  const toast = useToast();
  const format = useFormat();
  const { status, refresh } = useSession();
  const backups = useContractQuery('session', 'backups', []);
  const verified = useContractQuery('audit', 'verify', [], { askAgainWhile: stillChecking });
  const [restoring, setRestoring] = useState<BackupEntry | null>(null);
  const [removing, setRemoving] = useState<BackupEntry | null>(null);
  const [error, setError] = useState<DubanError | null>(null);
  const when = (time: number): string => formatInstant(time, i18n.language as Language);

  /** Restoring or deleting the backup the user confirmed; the list, and the warnings about backups, follow. */
  const act = async (backup: BackupEntry, call: (fileName: string) => Promise<Result<void>>, done: 'backups.restored' | 'backups.removed'): Promise<void> => {
    setRestoring(null);
    setRemoving(null);
    const result = await call(backup.fileName);
    if (!result.ok) return setError(result.error);
    toast(t(done, { when: when(backup.takenAt) }));
    await refresh();
  };

  return (
    <section className="card" aria-labelledby="settings-backups">
      <h2 id="settings-backups">{t('backups.title')}</h2>
      <p className="settings__path">{t('backups.file', { path: status.path })}</p>
      <p>
        {verified.data ? (
          stillChecking(verified.data) ? (
            t('backups.auditChecking', { checked: format.number(verified.data.checked), total: format.number(verified.data.entries) })
          ) : (
            t('backups.auditOk', { count: verified.data.entries })
          )
        ) : verified.error ? (
          <ErrorNotice error={verified.error} />
        ) : null}
      </p>
      <p>{t('backups.explain')}</p>
      <ErrorNotice error={backups.error ?? error} />
      {backups.data && backups.data.length === 0 && <p>{t('backups.none')}</p>}
      <ul className="backups">
        {backups.data?.map((backup) => (
          <li key={backup.fileName}>
            <span>{when(backup.takenAt)}</span>
            <span className="backups__size">{megabytes(backup.size)}</span>
            {backup.earlierKey ? (
              <>
                <span className="tag tag--warn" title={t('backups.earlierKeyExplain')}>
                  {t('backups.earlierKey')}
                </span>
                <button type="button" className="button button--small" onClick={() => setRemoving(backup)}>
                  {t('backups.remove')}
                </button>
              </>
            ) : (
              <button type="button" className="button button--small" onClick={() => setRestoring(backup)}>
                {t('backups.restore')}
              </button>
            )}
          </li>
        ))}
      </ul>
      <ConfirmDialog
        open={restoring !== null}
        title={t('backups.confirmTitle')}
        message={t('backups.confirmMessage', { when: restoring ? when(restoring.takenAt) : '' })}
        confirmLabel={t('backups.restore')}
        onConfirm={() => void act(restoring!, session.restoreBackup, 'backups.restored')}
        onCancel={() => setRestoring(null)}
      />
      <ConfirmDialog
        open={removing !== null}
        title={t('backups.removeTitle')}
        message={t('backups.removeMessage', { when: removing ? when(removing.takenAt) : '' })}
        confirmLabel={t('backups.remove')}
        danger
        onConfirm={() => void act(removing!, session.removeBackup, 'backups.removed')}
        onCancel={() => setRemoving(null)}
      />
    </section>
  );
}
