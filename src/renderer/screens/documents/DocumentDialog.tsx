import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { type IssuedDocument, voidInput } from '../../../contract/documents';
import { ok } from '../../../shared/result';
import { useApi } from '../../api/ApiContext';
import { contractQuery } from '../../api/contractQuery';
import { useContractMutation, useContractQuery } from '../../api/useContract';
import { today } from '../../hooks/today';
import { useFormat } from '../../hooks/useFormat';
import { Dialog } from '../../components/Dialog';
import { DateInput, TextInput } from '../../components/inputs';
import { DocumentFrame } from '../../components/letters/DocumentFrame';
import { IssueDialog } from '../../components/letters/IssueDialog';
import { ErrorNotice } from '../../components/Notice';
import { useToast } from '../../components/Toasts';
import { useForm } from '../../forms/useForm';
import { fileNameOf, useDocumentOutput } from './output';
import { ReplySection } from './ReplySection';

interface DialogProps {
  readonly id: number;
  readonly typeName: (code: string) => string;
  onClose(): void;
  onOpen(id: number): void;
}

/** One register entry: what it printed, its outputs, the reply (with attachments), void and chase (asked first, as any issue). */
export function DocumentDialog(props: DialogProps) {
  const { t } = useTranslation('documents');
  const doc = useContractQuery('documents', 'get', [props.id]);
  if (!doc.data) {
    return (
      <Dialog title={t('loading')} open onClose={props.onClose}>
        <ErrorNotice error={doc.error} />
      </Dialog>
    );
  }
  return <Details key={`${doc.data.id}:${doc.data.updatedAt}`} doc={doc.data} {...props} />;
}

function Details({ doc: d, typeName, onClose, onOpen }: DialogProps & { doc: IssuedDocument }) {
  const { t } = useTranslation('documents');
  const format = useFormat();
  const api = useApi();
  const documents = useContractMutation().documents;
  const toast = useToast();
  const output = useDocumentOutput();
  const id = d.id;
  const page = useContractQuery('documents', 'html', [[id]]);
  const now = today();
  const [voiding, setVoiding] = useState(false);
  const [chasing, setChasing] = useState(false);
  const voidForm = useForm(voidInput, { voidedOn: now, reason: '' });

  const date = (value: string | null): string => (value ? format.date(value) : t('none'));
  const voidDocument = (): void =>
    void voidForm
      .submit((values) => documents.void(id, values))
      .then((done) => {
        if (!done) return;
        setVoiding(false);
        toast(t('void.done', { number: d.number }));
      });
  const chased = (issued: readonly IssuedDocument[]): void => {
    const chase = issued[0]!;
    toast(t('chase.done', { number: chase.number }));
    onOpen(chase.id);
  };
  const issued = d.state === 'issued';

  return (
    <Dialog title={t('dialog.title', { number: d.number })} open onClose={onClose} wide>
      <dl className="facts">
        <dt>{t('fields.docType')}</dt>
        <dd>{typeName(d.docType)}</dd>
        <dt>{t('fields.recipient')}</dt>
        <dd>{d.recipient}</dd>
        <dt>{t('fields.issuedOn')}</dt>
        <dd>{date(d.issuedOn)}</dd>
        <dt>{t('fields.replyDue')}</dt>
        <dd>{date(d.replyDue)}</dd>
        <dt>{t('fields.tasks')}</dt>
        <dd>{t('taskCount', { count: d.taskIds.length })}</dd>
        {d.chaseOf !== null && (
          <>
            <dt>{t('fields.chaseOf')}</dt>
            <dd>
              <button type="button" className="button button--link" onClick={() => onOpen(d.chaseOf!)}>
                {t('chase.original')}
              </button>
            </dd>
          </>
        )}
        {!issued && (
          <>
            <dt>{t('fields.state')}</dt>
            <dd>{t('void.state', { date: date(d.voidedOn), reason: d.voidReason })}</dd>
          </>
        )}
      </dl>
      <div className="toolbar">
        <button type="button" className="button" disabled={!page.data} onClick={() => void output.print(page.data!)}>
          {t('output.print')}
        </button>
        <button
          type="button"
          className="button"
          disabled={!page.data}
          onClick={() => void output.savePdf(page.data!, fileNameOf(d.number, d.recipient, 'pdf'))}
        >
          {t('output.pdf')}
        </button>
        <button type="button" className="button" onClick={() => void output.saveDocx(id, fileNameOf(d.number, d.recipient, 'docx'))}>
          {t('output.docx')}
        </button>
        {issued && d.repliedOn === null && d.recipientUnitId !== null && (
          <button type="button" className="button" onClick={() => setChasing(true)}>
            {t('chase.action')}
          </button>
        )}
        {issued && (
          <button type="button" className="button button--danger" onClick={() => setVoiding(true)}>
            {t('void.action')}
          </button>
        )}
      </div>
      <ErrorNotice error={page.error} />
      {voiding && (
        <form
          className="form form--grid card"
          onSubmit={(e) => {
            e.preventDefault();
            voidDocument();
          }}
        >
          <p className="form__intro field--wide">{t('void.explain')}</p>
          <DateInput form={voidForm} name="voidedOn" label={t('fields.voidedOn')} required />
          <TextInput form={voidForm} name="reason" label={t('fields.voidReason')} required wide />
          <div className="form__actions field--wide">
            <button type="button" className="button" onClick={() => setVoiding(false)}>
              {t('app:actions.cancel')}
            </button>
            <button type="submit" className="button button--danger">
              {t('void.confirm')}
            </button>
          </div>
        </form>
      )}
      <ReplySection doc={d} />
      {chasing && (
        <IssueDialog
          title={t('chase.title', { number: d.number })}
          intro={t('chase.intro', { recipient: d.recipient, count: d.taskIds.length })}
          confirm={() => t('chase.confirm')}
          preview={(dates) => contractQuery(api, 'documents', 'previewChase', [id, dates])}
          issue={(dates) => documents.chase(id, dates).then((chase) => (chase.ok ? ok([chase.value]) : chase))}
          onIssued={chased}
          onClose={() => setChasing(false)}
        />
      )}
      <DocumentFrame html={page.data ?? null} title={t('preview.title')} zoom={0.6} height={520} />
      <div className="dialog__actions">
        <button type="button" className="button" onClick={onClose}>
          {t('app:actions.close')}
        </button>
      </div>
    </Dialog>
  );
}
