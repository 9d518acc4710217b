import { useEffect, useState } from 'react';
import { judgePassword, loadPasswordEstimator, type PasswordVerdict } from '../../shared/password-strength';

/** A pause in typing long enough to judge what was typed: a check takes some tens of milliseconds, about a tenth of a second at worst. */
const PAUSE_MS = 150;

export interface PasswordJudgement {
  /** The last verdict, shown while the next is awaited; null while nothing is typed or judged. */
  readonly verdict: PasswordVerdict | null;
  /** The password as typed now is judged and accepted: the form may be sent. */
  readonly accepted: boolean;
}

/**
 * The verdict of the rule the core applies on the new password being typed, once typing pauses.
 * The estimator starts loading with the form (half a second), so that it is ready by the first pause.
 */
export function usePasswordVerdict(password: string): PasswordJudgement {
  const [judged, setJudged] = useState<{ password: string; verdict: PasswordVerdict } | null>(null);
  useEffect(() => {
    void loadPasswordEstimator();
  }, []);
  useEffect(() => {
    if (password === '') return;
    let wanted = true;
    const timer = setTimeout(() => {
      void judgePassword(password).then((verdict) => {
        if (wanted) setJudged({ password, verdict });
      });
    }, PAUSE_MS);
    return () => {
      wanted = false;
      clearTimeout(timer);
    };
  }, [password]);
  if (password === '' || !judged) return { verdict: null, accepted: false };
  return { verdict: judged.verdict, accepted: judged.password === password && judged.verdict.weakness === null };
}
