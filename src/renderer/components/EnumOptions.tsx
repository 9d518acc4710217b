import { useTranslation } from 'react-i18next';

/** The options of a select for the values of one of the ledger's lists, in their order, each named as `common:enums.<name>` names it. */
export function EnumOptions({ name, values }: { name: string; values: readonly string[] }) {
  const { t } = useTranslation();
  return values.map((value) => (
    <option key={value} value={value}>
      {t(`common:enums.${name}.${value}`)}
    </option>
  ));
}
