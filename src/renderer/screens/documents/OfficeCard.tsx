import { useTranslation } from 'react-i18next';
import { LATIN_FACES, type OfficeProfile, officeProfileInput } from '../../../contract/documents';
import { useContractMutation } from '../../api/useContract';
import { FormActions } from '../../components/FormActions';
import { NumberInput, SelectInput, TextInput } from '../../components/inputs';
import { useToast } from '../../components/Toasts';
import { useForm } from '../../forms/useForm';
import { ISSUER_MARK_MIN_SCALE, ISSUER_MARK_PT, issuerMarkSize } from '../../../shared/documents/geometry';

/** What every document carries: the issuer mark, the signature, the contact, the copy-to, the reply period; and how soon a unit may be sent another letter about the same tasks without a warning. */
export function OfficeCard({ office }: { office: OfficeProfile }) {
  const { t } = useTranslation('documents');
  const documents = useContractMutation().documents;
  const toast = useToast();
  const form = useForm(officeProfileInput, { ...office }, 'document-office');
  const save = (): void =>
    void form
      .submit((values) => documents.setOffice(values))
      .then((saved) => {
        if (!saved) return;
        toast(t('office.saved'));
      });
  /** The range, and the size the mark will really print at for the name as typed (condensed, or smaller, when it is long). */
  const issuerMarkHint = ({ issuer, issuerMarkPt = NaN }: { issuer: string; issuerMarkPt?: number }): string => {
    const range = t('office.issuerMarkHint', ISSUER_MARK_PT);
    if (!issuer.trim() || !(issuerMarkPt >= ISSUER_MARK_PT.min && issuerMarkPt <= ISSUER_MARK_PT.max)) return range;
    const mark = issuerMarkSize(issuer.trim(), issuerMarkPt, true);
    return `${range}${t('office.issuerMarkPrinted', { pt: mark.pt, percent: Math.round(mark.scaleX * 100), least: ISSUER_MARK_MIN_SCALE * 100 })}`;
  };
  return (
    <section className="card" aria-labelledby="office-title">
      <h2 id="office-title">{t('office.title')}</h2>
      <form
        className="form form--grid"
        onSubmit={(e) => {
          e.preventDefault();
          save();
        }}
      >
        <TextInput form={form} name="issuer" label={t('office.issuer')} hint={t('office.issuerHint')} required wide />
        <TextInput form={form} name="signature" label={t('office.signature')} required wide />
        <TextInput form={form} name="contact" label={t('office.contact')} />
        <TextInput form={form} name="phone" label={t('office.phone')} />
        <TextInput form={form} name="copyTo" label={t('office.copyTo')} hint={t('office.copyToHint')} wide />
        <NumberInput form={form} name="issuerMarkPt" label={t('office.issuerMarkPt')} hint={issuerMarkHint(form.values)} min={ISSUER_MARK_PT.min} />
        <SelectInput
          form={form}
          name="latinFace"
          label={t('office.latinFace')}
          hint={t('office.latinFaceHint')}
          options={LATIN_FACES.map((face) => ({ value: face, label: t(`office.latinFaces.${face}`) }))}
        />
        <NumberInput form={form} name="replyDays" label={t('office.replyDays')} min={1} />
        <NumberInput form={form} name="reminderIntervalDays" label={t('office.reminderIntervalDays')} hint={t('office.reminderIntervalHint')} min={1} />
        <FormActions form={form} wide />
      </form>
    </section>
  );
}
