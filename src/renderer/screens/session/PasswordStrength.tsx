import { useTranslation } from 'react-i18next';
import { passwordStrength } from '../../../shared/password-strength';

const LEVEL = { too_short: 0, weak: 1, fair: 2, strong: 3, very_strong: 4 } as const;

/** A meter and a word for how strong the password being typed is. */
export function PasswordStrength({ password }: { password: string }) {
  const { t } = useTranslation();
  if (password === '') return null;
  const { strength } = passwordStrength(password);
  return (
    <div className={`strength strength--${strength}`} aria-live="polite">
      <meter min={0} max={4} low={2} high={3} optimum={4} value={LEVEL[strength]} aria-label={t('session.strength.label')} />
      <span>{t(`session.strength.${strength}`)}</span>
    </div>
  );
}
