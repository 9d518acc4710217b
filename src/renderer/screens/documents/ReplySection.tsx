import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { type IssuedDocument, replyInput } from '../../../contract/documents';
import type { Evidence } from '../../../contract/evidence';
import type { DubanError } from '../../../shared/errors';
import { useContractMutation, useContractQuery } from '../../api/useContract';
import { FormActions } from '../../components/FormActions';
import { DateInput, TextArea } from '../../components/inputs';
import { ErrorNotice } from '../../components/Notice';
import { useToast } from '../../components/Toasts';
import { useForm } from '../../forms/useForm';
import { useFormat } from '../../hooks/useFormat';

/**
 * A document's reply (回复情况): entered once it came, with its date and what came (its text, files,
 * or both; nothing is filled in for the user), then shown as recorded. Correcting it is a step of its
 * own, kept in the change history with the reply before and after.
 */
export function ReplySection({ doc }: { doc: IssuedDocument }) {
  const [correcting, setCorrecting] = useState(false);
  const attachments = useContractQuery('evidence', 'list', [{ kind: 'document', id: doc.id }]);
  const files = attachments.data ?? [];
  if (doc.repliedOn !== null && !correcting)
    return <RecordedReply doc={doc} files={files} onCorrect={doc.state === 'issued' ? () => setCorrecting(true) : null} />;
  if (doc.state !== 'issued') return null;
  return <ReplyForm doc={doc} files={files} correcting={correcting} onDone={() => setCorrecting(false)} onCancel={() => setCorrecting(false)} />;
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
  onDone,
  onCancel,
}: {
  doc: IssuedDocument;
  files: readonly Evidence[];
  correcting: boolean;
  onDone: () => void;
  onCancel: () => void;
}) {
  const { t } = useTranslation('documents');
  const documents = useContractMutation().documents;
  const evidence = useContractMutation().evidence;
  const toast = useToast();
  const [failure, setFailure] = useState<DubanError | null>(null);
  // A correction starts from what was recorded; a first reply from nothing (an empty date is said to be missing), kept as a draft while it is typed.
  const form = useForm(replyInput, { repliedOn: doc.repliedOn ?? '', replyText: doc.replyText }, correcting ? undefined : `document-reply:${doc.id}`);
  const title = correcting ? t('reply.correct') : t('reply.title');

  const save = (): void =>
    void form
      .submit((values) => documents.reply(doc.id, values))
      .then((saved) => {
        if (!saved) return;
        toast(t(correcting ? 'reply.corrected' : 'reply.saved', { number: doc.number }));
        onDone();
      });
  const attach = async (list: FileList | null): Promise<void> => {
    setFailure(null);
    for (const file of Array.from(list ?? [])) {
      const added = await evidence.add({
        ownerKind: 'document',
        ownerId: doc.id,
        fileName: file.name,
        mediaType: file.type || 'application/octet-stream',
        bytes: new Uint8Array(await file.arrayBuffer()),
      });
      if (!added.ok) return setFailure(added.error);
    }
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
