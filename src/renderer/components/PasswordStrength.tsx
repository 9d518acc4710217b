import { useTranslation } from 'react-i18next';
import { describeError } from '../../shared/i18n/describe';
import { passwordRefusal } from '../../shared/password-strength';
import type { PasswordJudgement } from '../hooks/usePasswordVerdict';

/** The words for zxcvbn's scores 0 to 4: below 3 a password is refused. */
const LEVELS = ['very_weak', 'weak', 'fair', 'strong', 'very_strong'] as const;

/** A meter and a word for how strong the new password is and, while it is refused, why and what to do instead. */
export function PasswordStrength({ judgement }: { judgement: PasswordJudgement }) {
  const { t } = useTranslation();
  const { verdict } = judgement;
  // Empty but of the meter's height until the first verdict: judging moves nothing below it.
  if (!verdict) return <div className="strength" aria-live="polite" />;
  const refusal = passwordRefusal(verdict);
  const level = verdict.weakness === 'too_short' ? 'too_short' : LEVELS[verdict.score];
  return (
    <div className={`strength strength--${level}`} aria-live="polite">
      <meter min={0} max={4} low={2} high={3} optimum={4} value={verdict.score} aria-label={t('session.strength.label')} />
      <span>{t(`session.strength.${level}`)}</span>
      {refusal && <p className="strength__reason">{describeError(t, refusal)}</p>}
    </div>
  );
}
