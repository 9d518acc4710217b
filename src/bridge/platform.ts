import type { DocumentPrinter } from '../core/documents/print/chromium';
import type { PlatformHandlers } from '../contract/api';
import { ok, type Result } from '../shared/result';

/**
 * A plain browser has no system dialogs: the screens let the user type a path, print through the
 * browser's own dialog and download files. PDFs are made by this machine's Chromium, started (and
 * playwright-core loaded) on the first one.
 */
export function browserPlatform(version: string, launchFile: string | null = null): PlatformHandlers {
  let printer: Promise<Result<DocumentPrinter>> | null = null;
  return {
    info: () => ok({ shell: 'browser', version, launchFile }),
    chooseLedgerPath: () => ok(null),
    printDocuments: () => ok('unsupported'),
    documentPdf: async (html) => {
      const launched = await (printer ??= import('../core/documents/print/chromium').then((m) => m.DocumentPrinter.launch()));
      if (!launched.ok) printer = null;
      return launched.ok ? launched.value.pdf(html) : launched;
    },
    chooseWorkbooks: () => ok(null),
    saveFiles: () => ok(null),
  };
}
