import { useTranslation } from 'react-i18next';
import type { DubanApi } from '../../../shared/contract/api';
import { describeError } from '../../../shared/i18n/describe';
import { ok, type Result } from '../../../shared/result';
import { useApi } from '../../api/ApiContext';
import { useToast } from '../../components/Toasts';
import { showPage } from './DocumentFrame';

/**
 * Printing and saving documents: through the desktop shell's print and save dialogs; in a plain
 * browser, through its own print dialog and downloads.
 */
function download(bytes: Uint8Array, fileName: string, type: string): void {
  const url = URL.createObjectURL(new Blob([bytes as BlobPart], { type }));
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  link.click();
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}

async function printInBrowser(html: string): Promise<void> {
  const frame = document.createElement('iframe');
  frame.className = 'visually-hidden';
  frame.setAttribute('sandbox', 'allow-same-origin allow-modals');
  document.body.append(frame);
  await showPage(frame, html);
  frame.contentWindow?.print();
  frame.remove();
}

const TYPES = { pdf: 'application/pdf', docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document', html: 'text/html' } as const;

/** Where the file went: a path, the browser's downloads (the file name), or null when the user cancelled. */
async function save(api: DubanApi, bytes: Uint8Array, fileName: string, kind: keyof typeof TYPES): Promise<Result<string | null>> {
  const saved = await api.platform.saveFile({ bytes, fileName, kind });
  if (!saved.ok || saved.value !== null) return saved;
  const info = await api.platform.info();
  if (!info.ok || info.value.shell !== 'browser') return saved;
  download(bytes, fileName, TYPES[kind]);
  return ok(fileName);
}

export function useDocumentOutput() {
  const api = useApi();
  const toast = useToast();
  const { t } = useTranslation('documents');
  /** Says what happened; a cancelled dialog (null) needs no word. */
  const report = (result: Result<unknown>, done: string): void => {
    if (!result.ok) toast(describeError(t, result.error));
    else if (result.value !== null) toast(done);
  };
  return {
    async print(html: string): Promise<void> {
      const printed = await api.platform.printDocuments(html);
      if (printed.ok && printed.value === 'unsupported') return printInBrowser(html);
      if (!printed.ok || printed.value === 'printed') report(printed, t('output.printed'));
    },
    async savePdf(html: string, fileName: string): Promise<void> {
      const pdf = await api.platform.documentPdf(html);
      if (!pdf.ok) return void report(pdf, '');
      report(await save(api, pdf.value, fileName, 'pdf'), t('output.saved', { name: fileName }));
    },
    async saveDocx(id: number, fileName: string): Promise<void> {
      const docx = await api.documents.docx(id);
      if (!docx.ok) return void report(docx, '');
      report(await save(api, docx.value, fileName, 'docx'), t('output.saved', { name: fileName }));
    },
  };
}

/** A file name from a document's number and recipient, safe on Windows and Linux. */
export const fileNameOf = (number: string, recipient: string, ext: string): string => `${number}-${recipient}.${ext}`.replace(/[\\/:*?"<>|\u0000-\u001f]/g, '_');
