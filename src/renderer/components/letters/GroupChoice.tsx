import { useTranslation } from 'react-i18next';

/**
 * Where some units owe tasks given to their unit group, the office chooses: a letter to each member
 * (as always), or one letter with the group as 主送 (GB/T 9704 7.2.4: the recipients' collective name).
 */
export function GroupChoice({ toGroups, onChange }: { readonly toGroups: boolean; readonly onChange: (toGroups: boolean) => void }) {
  const { t } = useTranslation('documents');
  return (
    <span className="deadline-input__kinds" role="radiogroup" aria-label={t('groupChoice.label')}>
      {[false, true].map((choice) => (
        <label key={String(choice)} className="field--check">
          <input type="radio" name="letters-to-groups" checked={toGroups === choice} onChange={() => onChange(choice)} />
          {t(choice ? 'groupChoice.toGroup' : 'groupChoice.toEachMember')}
        </label>
      ))}
    </span>
  );
}
