import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { DubanError } from '../../shared/errors';
import { describeError } from '../../shared/i18n/describe';

/** An error of the whole form or screen, in one calm sentence. */
export function ErrorNotice({ error }: { error: DubanError | null | undefined }) {
  const { t } = useTranslation();
  if (!error) return null;
  return (
    <div className="notice notice--error" role="alert">
      {describeError(t, error)}
    </div>
  );
}

export function InfoNotice({ children }: { children: ReactNode }) {
  return <div className="notice notice--info">{children}</div>;
}
