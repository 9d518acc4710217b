import { useTranslation } from 'react-i18next';
import { describeError } from '../../../shared/i18n/describe';
import { ok, type Result } from '../../../shared/result';
import { useApi } from '../../api/ApiContext';
import { saveFiles } from '../../api/saveFiles';
import { useSession } from '../../api/session';
import { useToast } from '../../components/Toasts';
import { showPage } from '../../components/letters/DocumentFrame';

/**
 * Printing and saving documents: through the desktop shell's print and save dialogs; in a plain
 * browser, through its own print dialog and downloads.
 */
async function printInBrowser(html: string): Promise<void> {
  const frame = document.createElement('iframe');
  frame.className = 'visually-hidden';
  frame.setAttribute('sandbox', 'allow-same-origin allow-modals');
  document.body.append(frame);
  await showPage(frame, html);
  frame.contentWindow?.print();
  frame.remove();
}

export function useDocumentOutput() {
  const api = useApi();
  const { platform } = useSession();
  const toast = useToast();
  const { t } = useTranslation('documents');
  /** Says what happened; a cancelled dialog (null) needs no word. */
  const report = (result: Result<unknown>, done: string): void => {
    if (!result.ok) toast(describeError(t, result.error));
    else if (result.value !== null) toast(done);
  };
  /** Saves what was made (the bytes of a file) under the name given; a failure to make it is said instead. */
  const save = async (made: Result<Uint8Array>, fileName: string): Promise<void> => {
    if (!made.ok) return report(made, '');
    report(await saveFiles(api, platform, [{ fileName, bytes: made.value }]), t('output.saved', { name: fileName }));
  };
  return {
    async print(html: string): Promise<void> {
      const printed = await api.platform.printDocuments(html);
      if (printed.ok && printed.value === 'unsupported') return printInBrowser(html);
      if (!printed.ok || printed.value === 'printed') report(printed, t('output.printed'));
    },
    savePdf: async (html: string, fileName: string): Promise<void> => save(await api.platform.documentPdf(html), fileName),
    saveDocx: async (id: number, fileName: string): Promise<void> => save(await api.documents.docx(id), fileName),
    /** A file the core made (a workbook), under the name it gave. */
    saveFile: async (made: Result<{ fileName: string; bytes: Uint8Array }>): Promise<void> =>
      made.ok ? save(ok(made.value.bytes), made.value.fileName) : report(made, ''),
  };
}

/** A file name from a document's number and recipient, safe on Windows and Linux. */
export const fileNameOf = (number: string, recipient: string, ext: string): string =>
  `${number}-${recipient}.${ext}`.replace(/[\\/:*?"<>|\u0000-\u001f]/g, '_');
