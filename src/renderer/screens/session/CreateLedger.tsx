import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { MIN_PASSWORD_CHARS } from '../../../shared/password-strength';
import { useApi } from '../../api/ApiContext';
import { useSession } from '../../api/session';
import { FormActions } from '../../components/FormActions';
import { CheckboxInput, TextInput } from '../../components/inputs';
import { PasswordStrength } from '../../components/PasswordStrength';
import { useForm } from '../../forms/useForm';
import { usePasswordVerdict } from '../../hooks/usePasswordVerdict';
import { PathField } from './PathField';
import { RecoveryKeyNotice } from '../../components/RecoveryKeyNotice';
import { createSchema } from './schemas';

/** A new ledger: where, the password twice; then its recovery key, once. */
export function CreateLedger() {
  const { t } = useTranslation();
  const api = useApi();
  const session = useSession();
  const form = useForm(createSchema, { path: '', password: '', confirm: '', demo: false, commission: false });
  const judgement = usePasswordVerdict(form.values.password);
  const [recoveryKey, setRecoveryKey] = useState<string | null>(null);

  if (recoveryKey) {
    return (
      <RecoveryKeyNotice
        recoveryKey={recoveryKey}
        onDone={() => {
          session.holdWelcome(false);
          void session.refresh();
        }}
      />
    );
  }

  const create = (): void =>
    void form.submit(async ({ path, password, demo: withDemo, commission }) => {
      session.holdWelcome(true);
      const created = await api.session.create({ path: path.trim(), password, demo: withDemo && !commission, commission });
      if (created.ok) setRecoveryKey(created.value.recoveryKey);
      else session.holdWelcome(false);
      return created;
    });

  return (
    <form
      className="form"
      onSubmit={(e) => {
        e.preventDefault();
        create();
      }}
    >
      <p className="form__intro">{t('session.create.intro')}</p>
      <PathField form={form} mode="create" />
      <TextInput
        form={form}
        name="password"
        type="password"
        autoComplete="new-password"
        label={t('session.password')}
        required
        hint={t('session.create.passwordHint', { min: MIN_PASSWORD_CHARS })}
      />
      <PasswordStrength judgement={judgement} />
      <TextInput form={form} name="confirm" type="password" autoComplete="new-password" label={t('session.create.confirm')} required />
      <CheckboxInput form={form} name="commission" label={t('session.create.commission')} hint={t('session.create.commissionHint')} />
      {!form.values.commission && <CheckboxInput form={form} name="demo" label={t('session.create.withDemo')} />}
      <FormActions form={form} disabled={!judgement.accepted} submit={form.saving ? t('session.create.creating') : t('session.create.submit')} />
    </form>
  );
}
