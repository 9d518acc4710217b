import { type ReactNode, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { z } from 'zod';
import { type Person, personName, personRename } from '../../../contract/people';
import { formatDate } from '../../../shared/i18n/format';
import type { Language } from '../../../shared/i18n/setup';
import type { Result } from '../../../shared/result';
import { useSession } from '../../api/session';
import { useContractMutation, useContractQuery } from '../../api/useContract';
import { Dialog } from '../../components/Dialog';
import { FormActions } from '../../components/FormActions';
import { TextInput } from '../../components/inputs';
import { ErrorNotice } from '../../components/Notice';
import { PasswordStrength } from '../../components/PasswordStrength';
import { RecoveryKeyNotice } from '../../components/RecoveryKeyNotice';
import { useToast } from '../../components/Toasts';
import { typedTwice } from '../../forms/typedTwice';
import { type Form, useForm } from '../../forms/useForm';
import { usePasswordVerdict } from '../../hooks/usePasswordVerdict';

const addSchema = typedTwice(z.object({ name: personName, password: z.string(), confirm: z.string() }), 'password');

const removeSchema = z.object({ password: z.string().min(1, { error: 'required' }) });

/**
 * 人员: who opens the ledger with a password of their own, for the administrator to add and remove.
 * Removing someone gives the ledger a new key, so the administrator's password is asked again.
 */
export function PeopleSettings() {
  const { t, i18n } = useTranslation('settings');
  const people = useContractMutation().people;
  const toast = useToast();
  const { status, refresh } = useSession();
  const listed = useContractQuery('people', 'list', []);
  const add = useForm(addSchema, { name: '', password: '', confirm: '' });
  const judgement = usePasswordVerdict(add.values.password);
  const [removing, setRemoving] = useState<Person | null>(null);
  const [renaming, setRenaming] = useState<Person | null>(null);
  const [newKey, setNewKey] = useState<string | null>(null);
  if (status.person?.role !== 'administrator') return null;

  return (
    <section className="card" aria-labelledby="settings-people">
      <h2 id="settings-people">{t('people.title')}</h2>
      <p>{t('people.explain')}</p>
      <ErrorNotice error={listed.error} />
      <ul className="people" aria-label={t('people.title')}>
        {listed.data?.map((person) => (
          <li key={person.id}>
            <span className="people__who">
              <span className="people__name">{person.name}</span>
              <span className={`tag ${person.role === 'administrator' ? 'tag--info' : 'tag--neutral'}`}>{t(`people.roles.${person.role}`)}</span>
              <span className="people__added">{t('people.added', { date: formatDate(person.addedAt.slice(0, 10), i18n.language as Language) })}</span>
            </span>
            <span className="people__actions">
              <button type="button" className="button button--small" onClick={() => setRenaming(person)}>
                {t('people.rename')}
              </button>
              {person.name === status.person?.name ? (
                <span className="people__you">{t('people.you')}</span>
              ) : (
                <button type="button" className="button button--small" onClick={() => setRemoving(person)}>
                  {t('people.remove')}
                </button>
              )}
            </span>
          </li>
        ))}
      </ul>
      {newKey && <RecoveryKeyNotice recoveryKey={newKey} onDone={() => setNewKey(null)} />}
      <h3>{t('people.addTitle')}</h3>
      <form
        className="form"
        onSubmit={(e) => {
          e.preventDefault();
          void add.submit(async ({ name, password }) => {
            const added = await people.add({ name, password });
            if (added.ok) {
              add.reset({ name: '', password: '', confirm: '' });
              toast(t('people.addedToast', { name: added.value.name }));
            }
            return added;
          });
        }}
      >
        <TextInput form={add} name="name" label={t('people.fields.name')} required />
        <TextInput form={add} name="password" type="password" autoComplete="new-password" label={t('people.password')} required />
        <PasswordStrength judgement={judgement} />
        <TextInput form={add} name="confirm" type="password" autoComplete="new-password" label={t('people.confirm')} required />
        <FormActions form={add} disabled={!judgement.accepted} submit={t('people.add')} />
      </form>
      {renaming && (
        <PersonDialog
          title={t('people.renameTitle', { name: renaming.name })}
          schema={personRename}
          initial={{ name: renaming.name }}
          submit={t('app:actions.save')}
          onCancel={() => setRenaming(null)}
          onSubmit={async ({ name }) => {
            const renamed = await people.rename(renaming.id, name);
            if (renamed.ok) {
              toast(t('people.renamed', { name: renamed.value.name }));
              setRenaming(null);
              await refresh(); // the header names who is signed in
            }
            return renamed;
          }}
        >
          {(form) => <TextInput form={form} name="name" label={t('people.fields.name')} required autoFocus />}
        </PersonDialog>
      )}
      {removing && (
        <PersonDialog
          title={t('people.removeTitle', { name: removing.name })}
          message={t('people.removeMessage', { name: removing.name })}
          schema={removeSchema}
          initial={{ password: '' }}
          submit={t('people.removeConfirm')}
          tone="danger"
          onCancel={() => setRemoving(null)}
          onSubmit={async ({ password }) => {
            const removed = await people.remove({ name: removing.name, password });
            if (removed.ok) {
              toast(t('people.removedToast', { name: removing.name }));
              setRemoving(null);
              if (removed.value.recoveryKey) setNewKey(removed.value.recoveryKey);
              await refresh(); // backups a new key could not reach are warned of above every screen
            }
            return removed;
          }}
        >
          {(form) => <TextInput form={form} name="password" type="password" label={t('people.administratorPassword')} required autoFocus />}
        </PersonDialog>
      )}
    </section>
  );
}

/** One small form about one person, in a dialog: their new name, or the administrator's password to remove them. */
function PersonDialog<S extends z.ZodObject<Record<string, z.ZodString>>>({
  title,
  message,
  schema,
  initial,
  submit,
  tone = 'primary',
  onCancel,
  onSubmit,
  children,
}: {
  title: string;
  message?: string;
  schema: S;
  initial: z.input<S>;
  submit: string;
  tone?: 'primary' | 'danger';
  onCancel: () => void;
  onSubmit: (values: z.input<S>) => Promise<Result<unknown>>;
  children: (form: Form<z.input<S>, z.output<S>>) => ReactNode;
}) {
  const form = useForm(schema, initial);
  return (
    <Dialog title={title} open onClose={onCancel}>
      {message && <p>{message}</p>}
      <form
        className="form"
        onSubmit={(e) => {
          e.preventDefault();
          void form.submit((values) => onSubmit(values));
        }}
      >
        {children(form)}
        <FormActions form={form} submit={submit} tone={tone} cancel={onCancel} />
      </form>
    </Dialog>
  );
}
