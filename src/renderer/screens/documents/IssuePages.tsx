import type { ReactNode } from 'react';
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { DubanError } from '../../../shared/errors';
import { FormActions, type FormFoot } from '../../components/FormActions';
import { InfoNotice } from '../../components/Notice';
import { PageHeader } from '../../components/PageHeader';
import { DocumentFrame } from '../../components/letters/DocumentFrame';
import { fileNameOf, useDocumentOutput } from './output';

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

/** What was issued: one document (printed, saved as PDF and as Word under its number and `name`), or a batch printed as one. */
export type Issued =
  | { readonly one: { readonly id: number; readonly number: string; readonly name: string } }
  | { readonly batch: { readonly print: string; readonly pdfLabel: string; readonly pdfName: string } };

function outputsOf(issued: Issued, t: TFunction<'documents'>) {
  if ('one' in issued) {
    const { id, number, name } = issued.one;
    return {
      print: t('output.print'),
      pdf: { label: t('output.pdf'), fileName: fileNameOf(number, name, 'pdf') },
      word: { id, fileName: fileNameOf(number, name, 'docx') },
    };
  }
  const { print, pdfLabel, pdfName } = issued.batch;
  return { print, pdf: { label: pdfLabel, fileName: pdfName }, word: null };
}

/**
 * Issuing, after: what was issued (said once, as a status), printing it and saving it as PDF (and, one
 * document issued, as Word), what else the caller offers (`tools`), the way back to the register, then `children` and the pages.
 */
export function IssuedPage({
  title,
  done,
  html,
  issued,
  tools,
  children,
}: {
  title: string;
  done: string;
  html: string;
  issued: Issued;
  tools?: ReactNode;
  children?: ReactNode;
}) {
  const { t } = useTranslation('documents');
  const output = useDocumentOutput();
  const { print, pdf, word } = outputsOf(issued, t);
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
