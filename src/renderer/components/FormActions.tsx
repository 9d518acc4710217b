import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { DubanError } from '../../shared/errors';
import type { Result } from '../../shared/result';
import type { Form } from '../forms/useForm';
import { ConfirmDialog } from './ConfirmDialog';
import { DraftNotice } from './DraftNotice';
import { ErrorNotice } from './Notice';

/** Deleting the record a form edits: asked first; what it says afterwards is the caller's. */
export interface FormRemoval {
  /** The button's words, and the confirmation's. */
  readonly label: string;
  /** The confirmation's title, where it is not the button's words. */
  readonly title?: string;
  readonly message: string;
  /** Deletes; a failure is shown above the buttons. */
  readonly run: () => Promise<Result<unknown>>;
}

/** What the foot needs of a form: its state, its draft and how to let what was typed go. */
export type FormFoot = Pick<Form<unknown>, 'failure' | 'saving' | 'draft' | 'discard'>;

const TONE_CLASS = { primary: 'button button--primary', danger: 'button button--danger', plain: 'button' } as const;

/**
 * The foot of a form: a draft left from before (to restore), what went wrong with it, then its
 * buttons: deleting at the start (it asks first), cancelling (a function, or a place to go back to;
 * either lets what was typed go), and the one that submits.
 */
export function FormActions({
  form,
  failure = null,
  submit,
  tone = 'primary',
  disabled = false,
  cancel,
  removal,
  wide = false,
}: {
  form: FormFoot;
  /** Another error of the form's (a preview that failed), shown after the form's own. */
  failure?: DubanError | null;
  /** The submit button's words; save when not given. */
  submit?: string;
  tone?: keyof typeof TONE_CLASS;
  /** Besides while saving. */
  disabled?: boolean;
  cancel?: (() => void) | { readonly to: string };
  removal?: FormRemoval;
  /** Across the whole of a grid form. */
  wide?: boolean;
}) {
  const { t } = useTranslation();
  const [confirming, setConfirming] = useState(false);
  const [removeError, setRemoveError] = useState<DubanError | null>(null);

  const remove = async (): Promise<void> => {
    setConfirming(false);
    const removed = await removal!.run();
    if (!removed.ok) setRemoveError(removed.error);
  };

  return (
    <>
      <DraftNotice offer={form.draft} />
      <ErrorNotice error={form.failure ?? failure ?? removeError} />
      <div className={`form__actions${wide ? ' field--wide' : ''}`}>
        {removal && (
          <button type="button" className="button button--danger form__actions-start" onClick={() => setConfirming(true)}>
            {removal.label}
          </button>
        )}
        {typeof cancel === 'function' && (
          <button
            type="button"
            className="button"
            onClick={() => {
              form.discard();
              cancel();
            }}
          >
            {t('app:actions.cancel')}
          </button>
        )}
        {cancel && typeof cancel !== 'function' && (
          <Link className="button" to={cancel.to} onClick={form.discard}>
            {t('app:actions.cancel')}
          </Link>
        )}
        <button type="submit" className={TONE_CLASS[tone]} disabled={form.saving || disabled}>
          {submit ?? t('app:actions.save')}
        </button>
      </div>
      {removal && (
        <ConfirmDialog
          open={confirming}
          danger
          title={removal.title ?? removal.label}
          message={removal.message}
          confirmLabel={removal.label}
          onConfirm={() => void remove()}
          onCancel={() => setConfirming(false)}
        />
      )}
    </>
  );
}
