import { useTranslation } from 'react-i18next';
import { useApi } from '../../api/ApiContext';
import { useSession } from '../../api/session';
import { FormActions } from '../../components/FormActions';
import { TextInput } from '../../components/inputs';
import { useForm } from '../../forms/useForm';
import { PathField } from './PathField';
import { openSchema } from './schemas';

/**
 * Opens a ledger with its password, or with the recovery key when the password is lost. With a
 * `fixedPath` (the unlock screen) the file is not asked for; with `knownPath` (the file the app was
 * started with) it is asked for, but the password comes first. A ledger another program holds names
 * it; the user may take it over once sure that program has closed it (a crash, a computer since switched off).
 */
export function OpenLedger({ path = '', fixedPath = false, knownPath = false }: { path?: string; fixedPath?: boolean; knownPath?: boolean }) {
  const { t } = useTranslation();
  const api = useApi();
  const session = useSession();
  const form = useForm(openSchema, { path, password: '', recoveryKey: '', useRecoveryKey: false });

  /** `takeOver`: the lock the user chose to take over, having made sure its holder has closed the ledger. */
  const open = (takeOver?: string): void =>
    void form.submit(async ({ path: file, password, recoveryKey, useRecoveryKey }) => {
      const opened = await api.session.open(useRecoveryKey ? { path: file.trim(), recoveryKey, takeOver } : { path: file.trim(), password, takeOver });
      if (opened.ok) await session.refresh();
      return opened;
    });
  const held = form.failure?.code === 'ledger.in_use' ? form.failure.params : undefined;

  return (
    <form
      className="form"
      onSubmit={(e) => {
        e.preventDefault();
        open();
      }}
    >
      {fixedPath ? <p className="session__path">{form.values.path}</p> : <PathField form={form} mode="open" />}
      {form.values.useRecoveryKey ? (
        <TextInput form={form} name="recoveryKey" label={t('session.recoveryKeyLabel')} required hint={t('session.recoveryKeyHint')} autoFocus />
      ) : (
        <TextInput form={form} name="password" type="password" label={t('session.password')} required autoFocus={fixedPath || knownPath} />
      )}
      <button type="button" className="button button--link" onClick={() => form.set('useRecoveryKey', !form.values.useRecoveryKey)}>
        {form.values.useRecoveryKey ? t('session.usePassword') : t('session.useRecoveryKey')}
      </button>
      <FormActions form={form} submit={form.saving ? t('session.open.opening') : fixedPath ? t('session.unlock.submit') : t('session.open.submit')} />
      {held && (
        <div className="notice notice--info draft-notice" role="status">
          <span>{t('takeOver.explain', { host: held.host })}</span>
          <span className="draft-notice__actions">
            <button type="button" className="button button--small" disabled={form.saving} onClick={() => open(String(held.lock))}>
              {t('takeOver.submit')}
            </button>
          </span>
        </div>
      )}
    </form>
  );
}
