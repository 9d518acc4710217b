import { type ReactNode, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import type { DubanError } from '../../shared/errors';
import type { Result } from '../../shared/result';
import { focusFirstInvalid } from '../forms/focus';
import type { Form } from '../forms/useForm';
import { Breadcrumbs } from './Breadcrumbs';
import { ConfirmDialog } from './ConfirmDialog';
import { DraftNotice } from './DraftNotice';
import { ErrorNotice } from './Notice';
import { PageHeader } from './PageHeader';
import { useToast } from './Toasts';

export interface Removal {
  readonly label: string;
  readonly confirmTitle: string;
  readonly confirmMessage: string;
  /** What the notice says once it is gone. */
  readonly done: string;
  readonly run: () => Promise<Result<unknown>>;
  /** Recreates it from what it held (a new id); the page then shows the new record. */
  readonly undo?: () => Promise<Result<{ readonly id: number }>>;
}

/**
 * A record's own page: where it sits (a link back to its list), its fields in sections with the
 * save and cancel buttons always in reach at the bottom, what hangs on it beside them (`side`), and
 * deleting, which asks first and can be undone from the notice that follows.
 */
export function FormPage<V extends Record<string, unknown>, O>({
  list,
  back = list.to,
  title,
  subtitle,
  form,
  save,
  removal,
  side,
  after,
  children,
}: {
  list: { readonly to: string; readonly label: string };
  /** Where cancelling goes: the record's own view, or the list. */
  back?: string;
  title: string;
  subtitle?: string;
  form: Form<V, O>;
  /** Saves the values (as typed, and as the rules made them); on success the page goes where the caller says (usually the saved record). */
  save: (values: V, checked: O) => Promise<Result<unknown>>;
  removal?: Removal;
  side?: ReactNode;
  /** What follows the record's fields on the page (its findings, its subjects). */
  after?: ReactNode;
  children: ReactNode;
}) {
  const { t } = useTranslation();
  const toast = useToast();
  const navigate = useNavigate();
  const element = useRef<HTMLFormElement>(null);
  const [confirming, setConfirming] = useState(false);
  const [removeError, setRemoveError] = useState<DubanError | null>(null);

  const remove = async (): Promise<void> => {
    setConfirming(false);
    const removed = await removal!.run();
    if (!removed.ok) return setRemoveError(removed.error);
    const undo = removal!.undo;
    toast(removal!.done, undo && (() => void undo().then((back) => back.ok && navigate(`${list.to}/${back.value.id}`))));
    navigate(list.to);
  };

  const fields = (
    <form
      ref={element}
      className="form"
      noValidate
      onSubmit={(e) => {
        e.preventDefault();
        void form.submit(save).then((done) => done || focusFirstInvalid(element.current));
      }}
    >
      <DraftNotice offer={form.draft} />
      {children}
      <div className="form__actions form__actions--sticky">
        <ErrorNotice error={form.failure ?? removeError ?? (form.rejected ? { code: 'validation' } : null)} />
        <button
          type="button"
          className="button"
          onClick={() => {
            form.discard();
            navigate(back);
          }}
        >
          {t('actions.cancel')}
        </button>
        <button type="submit" className="button button--primary" disabled={form.saving}>
          {t('actions.save')}
        </button>
      </div>
    </form>
  );

  return (
    <div className="record-page">
      <Breadcrumbs list={list} current={title} />
      <PageHeader
        title={title}
        subtitle={subtitle}
        actions={
          removal && (
            <button type="button" className="button button--danger" onClick={() => setConfirming(true)}>
              {removal.label}
            </button>
          )
        }
      />
      {side ? (
        <div className="record-page__grid">
          <div>{fields}</div>
          <div className="record-page__side">{side}</div>
        </div>
      ) : (
        fields
      )}
      {after}
      {removal && (
        <ConfirmDialog
          open={confirming}
          danger
          title={removal.confirmTitle}
          message={removal.confirmMessage}
          confirmLabel={removal.label}
          onConfirm={() => void remove()}
          onCancel={() => setConfirming(false)}
        />
      )}
    </div>
  );
}
