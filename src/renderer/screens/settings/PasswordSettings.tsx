import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { z } from 'zod';
import { useApi } from '../../api/ApiContext';
import { useSession } from '../../api/session';
import { FormActions } from '../../components/FormActions';
import { TextInput } from '../../components/inputs';
import { PasswordStrength } from '../../components/PasswordStrength';
import { useToast } from '../../components/Toasts';
import { typedTwice } from '../../forms/typedTwice';
import { useForm } from '../../forms/useForm';
import { usePasswordVerdict } from '../../hooks/usePasswordVerdict';
import { RecoveryKeyNotice } from '../../components/RecoveryKeyNotice';

const passwordSchema = typedTwice(z.object({ current: z.string().min(1, { error: 'required' }), next: z.string(), confirm: z.string() }), 'next');

const recoverySchema = z.object({ password: z.string().min(1, { error: 'required' }) });

/**
 * Changing the password, and a new recovery key: either gives the ledger, its attachments and its
 * backups a new data key, so that no old copy opened with the old secret reads what is saved from now on.
 * A member changes their own password only (their slot is made again under the same key).
 */
export function PasswordSettings() {
  const { t } = useTranslation('settings');
  const api = useApi();
  const toast = useToast();
  const { status, refresh } = useSession();
  const password = useForm(passwordSchema, { current: '', next: '', confirm: '' });
  const recovery = useForm(recoverySchema, { password: '' });
  const judgement = usePasswordVerdict(password.values.next);
  const [newKey, setNewKey] = useState<string | null>(null);
  // A member's new password remakes their own key slot only; the data key and the recovery key are the administrator's.
  const member = status.person?.role === 'member';

  return (
    <>
      <section className="card" aria-labelledby="settings-password">
        <h2 id="settings-password">{t('password.title')}</h2>
        <p>{t(member ? 'password.explainMember' : 'password.explain')}</p>
        <form
          className="form"
          onSubmit={(e) => {
            e.preventDefault();
            void password.submit(async ({ current, next }) => {
              const changed = await api.session.changePassword({ current, next });
              if (changed.ok) {
                password.reset({ current: '', next: '', confirm: '' });
                toast(t(member ? 'password.changedMember' : 'password.changed'));
                // A ledger first made in format 1 gets a new recovery key with its new data key.
                if (changed.value.recoveryKey) setNewKey(changed.value.recoveryKey);
                await refresh(); // backups a new key could not reach are warned of above every screen
              }
              return changed;
            });
          }}
        >
          <TextInput form={password} name="current" type="password" label={t('password.current')} required />
          <TextInput form={password} name="next" type="password" autoComplete="new-password" label={t('password.next')} required />
          <PasswordStrength judgement={judgement} />
          <TextInput form={password} name="confirm" type="password" autoComplete="new-password" label={t('password.confirm')} required />
          <FormActions form={password} disabled={!judgement.accepted} submit={t('password.submit')} />
        </form>
      </section>
      {!member && (
        <section className="card" aria-labelledby="settings-recovery">
          <h2 id="settings-recovery">{t('recovery.title')}</h2>
          {newKey ? (
            <RecoveryKeyNotice recoveryKey={newKey} onDone={() => setNewKey(null)} />
          ) : (
            <form
              className="form"
              onSubmit={(e) => {
                e.preventDefault();
                void recovery.submit(async ({ password: current }) => {
                  const replaced = await api.session.replaceRecoveryKey({ password: current });
                  if (replaced.ok) {
                    recovery.reset({ password: '' });
                    setNewKey(replaced.value.recoveryKey);
                    await refresh();
                  }
                  return replaced;
                });
              }}
            >
              <p>{t('recovery.explain')}</p>
              <TextInput form={recovery} name="password" type="password" label={t('password.current')} required />
              <FormActions form={recovery} submit={t('recovery.submit')} tone="plain" />
            </form>
          )}
        </section>
      )}
    </>
  );
}
