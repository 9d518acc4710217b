import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { DubanError } from '../../../shared/errors';
import { FormActions, type FormFoot } from '../../components/FormActions';
import { InfoNotice } from '../../components/Notice';
import { PageHeader } from '../../components/PageHeader';
import { DocumentFrame } from '../../components/letters/DocumentFrame';
import { useDocumentOutput } from './output';

/** Issuing (one document or a batch), before: the form beside the pages as they will print. */
export function DraftPage({
  title,
  subtitle,
  form,
  failure,
  submit,
  disabled,
  onSubmit,
  html,
  children,
}: {
  title: string;
  subtitle: string;
  form: FormFoot;
  /** The preview's error, shown after the form's own. */
  failure: DubanError | null;
  /** The issue button's words. */
  submit: string;
  disabled?: boolean;
  onSubmit: () => void;
  html: string | null;
  children: ReactNode;
}) {
  const { t } = useTranslation('documents');
  return (
    <>
      <PageHeader title={title} subtitle={subtitle} />
      <div className="document-editor">
        <form
          className="form"
          aria-label={title}
          onSubmit={(e) => {
            e.preventDefault();
            onSubmit();
          }}
        >
          {children}
          <FormActions form={form} failure={failure} cancel={{ to: '/documents' }} submit={submit} disabled={disabled} />
        </form>
        <DocumentFrame html={html} title={t('preview.title')} />
      </div>
    </>
  );
}

/**
 * Issuing, after: what was issued (said once, as a status), printing it and saving it as PDF (and, one
 * document issued, as Word), what else the caller offers (`tools`), the way back to the register, then `children` and the pages.
 */
export function IssuedPage({
  title,
  done,
  html,
  print,
  pdf,
  word,
  tools,
  children,
}: {
  title: string;
  done: string;
  html: string;
  /** The print button's words. */
  print: string;
  pdf: { readonly label: string; readonly fileName: string };
  /** The one document issued, to save as Word. */
  word?: { readonly id: number; readonly fileName: string };
  tools?: ReactNode;
  children?: ReactNode;
}) {
  const { t } = useTranslation('documents');
  const output = useDocumentOutput();
  return (
    <>
      <PageHeader title={title} />
      <InfoNotice>
        <span role="status">{done}</span>
      </InfoNotice>
      <div className="toolbar">
        <button type="button" className="button button--primary" onClick={() => void output.print(html)}>
          {print}
        </button>
        <button type="button" className="button" onClick={() => void output.savePdf(html, pdf.fileName)}>
          {pdf.label}
        </button>
        {word && (
          <button type="button" className="button" onClick={() => void output.saveDocx(word.id, word.fileName)}>
            {t('output.docx')}
          </button>
        )}
        {tools}
        <Link className="button" to="/documents">
          {t('issue.toRegister')}
        </Link>
      </div>
      {children}
      <DocumentFrame html={html} title={t('preview.title')} />
    </>
  );
}
