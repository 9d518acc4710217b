import { method } from './define';
import { none, page, savedFile } from './common';
import type { PlatformInfo } from './session-model';
import { z } from 'zod';

export const platform = {
  info: method(none).returns<PlatformInfo>(),
  /** A path chosen in the system's file dialog, or null when cancelled or when there is no dialog. */
  chooseLedgerPath: method(z.tuple([z.enum(['open', 'create'])])).returns<string | null>(),
  /** Prints a document page (from documents.html or a preview) through the system's print dialog; 'unsupported' where the shell has none (the browser prints itself). */
  printDocuments: method(z.tuple([page])).returns<'printed' | 'cancelled' | 'unsupported'>(),
  /** The page as a PDF, laid out as it prints. */
  documentPdf: method(z.tuple([page])).returns<Uint8Array>(),
  /** Workbooks chosen in the system's file dialog (their paths); null when cancelled or without a dialog. */
  chooseWorkbooks: method(z.tuple([z.object({ multiple: z.boolean() })])).returns<string[] | null>(),
  /**
   * Saves files the app made (workbooks, documents) where the user chooses: one file through a
   * save dialog offering its kind, several into a folder. The place saved to, or null when
   * cancelled or without a dialog (the browser then downloads them).
   */
  saveFiles: method(z.tuple([z.array(savedFile).min(1).max(500)])).returns<string | null>(),
};
