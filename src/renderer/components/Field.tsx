import { type ReactNode, useId } from 'react';
import { useTranslation } from 'react-i18next';
import type { FieldError } from '../../shared/errors';
import { describeField } from '../../shared/i18n/describe';

export interface FieldFrameProps {
  readonly label: string;
  readonly error?: FieldError | undefined;
  readonly hint?: string;
  readonly required?: boolean;
  readonly wide?: boolean;
  /** Renders the control, given the id and the aria attributes that tie it to the label and the error. */
  readonly children: (control: { id: string; 'aria-invalid': boolean; 'aria-describedby': string | undefined; 'aria-required': boolean }) => ReactNode;
}

/** A label, a control, and what is wrong with it in words (or a hint). */
export function FieldFrame({ label, error, hint, required = false, wide = false, children }: FieldFrameProps) {
  const { t } = useTranslation();
  const id = useId();
  const noteId = `${id}-note`;
  const note = error ? describeField(t, error) : hint;
  return (
    <div className={`field${wide ? ' field--wide' : ''}${error ? ' field--invalid' : ''}`}>
      <div className="field__label">
        <label htmlFor={id}>{label}</label>
        {required && (
          <span className="field__required" aria-hidden="true">
            ＊
          </span>
        )}
      </div>
      {children({ id, 'aria-invalid': Boolean(error), 'aria-describedby': note ? noteId : undefined, 'aria-required': required })}
      {note && (
        <div id={noteId} className={error ? 'field__error' : 'field__hint'} role={error ? 'alert' : undefined}>
          {note}
        </div>
      )}
    </div>
  );
}
