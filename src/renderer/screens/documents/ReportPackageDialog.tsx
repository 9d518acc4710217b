import { useTranslation } from 'react-i18next';
import { z } from 'zod';
import type { Period } from '../../../shared/dates';
import { useApi } from '../../api/ApiContext';
import { useContractQuery } from '../../api/useContract';
import { FormActions } from '../../components/FormActions';
import { FormDialog } from '../../components/FormDialog';
import { TextInput } from '../../components/inputs';
import { typedTwice } from '../../forms/typedTwice';
import { useForm } from '../../forms/useForm';
import { useDocumentOutput } from './output';

/** Typed twice: a passphrase mistyped leaves the commission a package it cannot open. */
const packageForm = typedTwice(z.object({ passphrase: z.string().min(1, { error: 'required' }), confirm: z.string() }), 'passphrase', 'passphrases_differ');

/**
 * 保存报送包: the month's figures and rows for the commission, signed with this ledger's key and sealed
 * under the passphrase the two offices agreed; the key's fingerprint shown, for the commission to check
 * by telephone the first time.
 */
export function ReportPackageDialog({ period, onClose }: { period: Period; onClose: () => void }) {
  const { t } = useTranslation('documents');
  const api = useApi();
  const output = useDocumentOutput();
  const key = useContractQuery('rollup', 'signingKey', []);
  const form = useForm(packageForm, { passphrase: '', confirm: '' });
  const save = (): void =>
    void form.submit(async ({ passphrase }) => {
      const file = await api.rollup.package(period, passphrase);
      if (file.ok) {
        await output.saveFile(file);
        onClose();
      }
      return file;
    });
  return (
    <FormDialog
      title={t('monthlyReport.package.title')}
      onClose={onClose}
      onSave={save}
      about={
        <>
          <p className="form__intro">{t('monthlyReport.package.explain')}</p>
          {key.data && (
            <p className="form__intro">
              {t('monthlyReport.package.fingerprint')}
              <code className="fingerprint">{key.data.fingerprint}</code>
            </p>
          )}
        </>
      }
    >
      <TextInput form={form} name="passphrase" type="password" autoComplete="off" label={t('monthlyReport.package.passphrase')} required autoFocus />
      <TextInput form={form} name="confirm" type="password" autoComplete="off" label={t('monthlyReport.package.confirm')} required />
      <FormActions form={form} cancel={onClose} submit={t('monthlyReport.package.save')} />
    </FormDialog>
  );
}
