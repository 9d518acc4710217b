import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { type IssuedDocument, type ReplyInput, replyInput } from '../../../contract/documents';
import type { Evidence } from '../../../contract/evidence';
import type { DubanError } from '../../../shared/errors';
import { useApi, useLoad } from '../../api/ApiContext';
import { FormActions } from '../../components/FormActions';
import { DateInput, TextArea } from '../../components/inputs';
import { ErrorNotice } from '../../components/Notice';
import { useToast } from '../../components/Toasts';
import { useForm } from '../../forms/useForm';
import { useFormat } from '../../hooks/useFormat';

interface ReplyValues extends Record<string, unknown> {
  /** None until the user gives it: an empty required date is said to be missing. */
  repliedOn: string | undefined;
  replyText: string;
}

/**
 * A document's reply (回复情况): entered once it came, with its date and what came (its text, files,
 * or both; nothing is filled in for the user), then shown as recorded. Correcting it is a step of its
 * own, kept in the change history with the reply before and after.
 */
export function ReplySection({ doc, onSaved }: { doc: IssuedDocument; onSaved: () => void }) {
  const [correcting, setCorrecting] = useState(false);
  const attachments = useLoad((a) => a.evidence.list({ kind: 'document', id: doc.id }), [doc.id]);
  const files = attachments.data ?? [];
  if (doc.repliedOn !== null && !correcting)
    return <RecordedReply doc={doc} files={files} onCorrect={doc.state === 'issued' ? () => setCorrecting(true) : null} />;
  if (doc.state !== 'issued') return null;
  const done = (): void => {
    setCorrecting(false);
    onSaved();
  };
  return <ReplyForm doc={doc} files={files} correcting={correcting} onAttached={attachments.reload} onDone={done} onCancel={() => setCorrecting(false)} />;
}

function RecordedReply({ doc, files, onCorrect }: { doc: IssuedDocument; files: readonly Evidence[]; onCorrect: (() => void) | null }) {
  const { t } = useTranslation('documents');
  const format = useFormat();
  return (
    <section className="card reply" aria-labelledby="reply-title">
      <h3 id="reply-title">{t('reply.title')}</h3>
      <dl className="facts">
        <dt>{t('fields.repliedOn')}</dt>
        <dd>{format.date(doc.repliedOn)}</dd>
        <dt>{t('fields.replyText')}</dt>
        <dd className="reply__text">{doc.replyText || t('none')}</dd>
        <dt>{t('reply.attachments')}</dt>
        <dd>{files.length ? <Files files={files} /> : t('none')}</dd>
      </dl>
      {onCorrect && (
        <button type="button" className="button" onClick={onCorrect}>
          {t('reply.correct')}
        </button>
      )}
    </section>
  );
}

const Files = ({ files }: { files: readonly Evidence[] }) => (
  <ul className="attachments">
    {files.map((file) => (
      <li key={file.id}>{file.fileName}</li>
    ))}
  </ul>
);

function ReplyForm({
  doc,
  files,
  correcting,
  onAttached,
  onDone,
  onCancel,
}: {
  doc: IssuedDocument;
  files: readonly Evidence[];
  correcting: boolean;
  onAttached: () => void;
  onDone: () => void;
  onCancel: () => void;
}) {
  const { t } = useTranslation('documents');
  const api = useApi();
  const toast = useToast();
  const [failure, setFailure] = useState<DubanError | null>(null);
  // A correction starts from what was recorded; a first reply from nothing, kept as a draft while it is typed.
  const form = useForm<ReplyValues>(
    replyInput,
    { repliedOn: doc.repliedOn ?? undefined, replyText: doc.replyText },
    correcting ? undefined : `document-reply:${doc.id}`,
  );
  const title = correcting ? t('reply.correct') : t('reply.title');

  const save = (): void =>
    void form
      .submit((values) => api.documents.reply(doc.id, values as ReplyInput))
      .then((saved) => {
        if (!saved) return;
        toast(t(correcting ? 'reply.corrected' : 'reply.saved', { number: doc.number }));
        onDone();
      });
  const attach = async (list: FileList | null): Promise<void> => {
    setFailure(null);
    for (const file of Array.from(list ?? [])) {
      const added = await api.evidence.add({
        ownerKind: 'document',
        ownerId: doc.id,
        fileName: file.name,
        mediaType: file.type || 'application/octet-stream',
        bytes: new Uint8Array(await file.arrayBuffer()),
      });
      if (!added.ok) return setFailure(added.error);
    }
    onAttached();
  };

  return (
    <form
      className="form form--grid card"
      aria-label={title}
      onSubmit={(e) => {
        e.preventDefault();
        save();
      }}
    >
      <h3 className="field--wide">{title}</h3>
      <p className="form__intro field--wide">{t(correcting ? 'reply.correctIntro' : 'reply.intro')}</p>
      <DateInput form={form} name="repliedOn" label={t('fields.repliedOn')} required />
      <TextArea form={form} name="replyText" label={t('fields.replyText')} rows={3} />
      <div className="field field--wide">
        <span className="field__label">{t('reply.attachments')}</span>
        <Files files={files} />
        <input type="file" aria-label={t('reply.attach')} multiple onChange={(e) => void attach(e.target.files)} />
        <ErrorNotice error={failure} />
      </div>
      <FormActions form={form} submit={t(correcting ? 'reply.saveCorrection' : 'reply.save')} cancel={correcting ? onCancel : undefined} wide />
    </form>
  );
}
