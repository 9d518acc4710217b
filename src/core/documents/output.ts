import { extname } from 'node:path';
import { dubanError } from '../../shared/errors';
import { err, ok, type Result } from '../../shared/result';
import type { ComposedDocument } from './model';
import type { DocumentPrinter } from './print/chromium';
import { renderHtml } from './render/html';

/** The files a document is written to: HTML (self-contained, prints to the pages), PDF, Word. */
export const OUTPUT_FORMATS = ['html', 'pdf', 'docx'] as const;
export type OutputFormat = (typeof OUTPUT_FORMATS)[number];

export function formatOfPath(path: string): OutputFormat | null {
  const ext = extname(path).slice(1).toLowerCase();
  return (OUTPUT_FORMATS as readonly string[]).includes(ext) ? (ext as OutputFormat) : null;
}

/**
 * The documents as one file. A PDF needs the printer (a Chromium); HTML is laid out by it when there
 * is one (the copy-to block placed on the last page), and written as composed otherwise. A Word file
 * holds one document; it needs no printer.
 */
export async function renderFile(format: OutputFormat, docs: readonly ComposedDocument[], printer: DocumentPrinter | null): Promise<Result<Uint8Array>> {
  // The Word writer is large and seldom needed: loaded the first time a .docx is asked for.
  if (format === 'docx') return ok(await (await import('./render/docx')).renderDocx(docs[0]!));
  const html = renderHtml(docs);
  if (format === 'pdf') return printer ? printer.pdf(html) : err(dubanError('documents.no_chromium'));
  if (!printer) return ok(new TextEncoder().encode(html));
  const fitted = await printer.fitted(html);
  return fitted.ok ? ok(new TextEncoder().encode(fitted.value)) : fitted;
}
