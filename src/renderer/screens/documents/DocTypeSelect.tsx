import { useTranslation } from 'react-i18next';
import { useContractQuery } from '../../api/useContract';
import { SelectInput } from '../../components/inputs';
import type { Form } from '../../forms/useForm';

/** The document type a letter is issued as: the types in use (archived ones left out), by their names. */
export function DocTypeSelect({ form }: { form: Form<{ docType: string }> }) {
  const { t } = useTranslation('documents');
  const types = useContractQuery('documents', 'types', []);
  return (
    <SelectInput
      form={form}
      name="docType"
      label={t('fields.docType')}
      required
      options={(types.data ?? []).map((type) => ({ value: type.code, label: type.name }))}
    />
  );
}
