import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { ComposedDocument } from '../src/core/documents/model';
import { DocumentPrinter } from '../src/core/documents/print/chromium';
import { renderDocx } from '../src/core/documents/render/docx';
import { renderHtml } from '../src/core/documents/render/html';
import { Ledger } from '../src/core/ledger';
import { KDF_FLOOR } from '../src/core/storage/kdf';
import { ok } from '../src/shared/result';
import { type Figure, must, round, timed } from './figures';
import { writeFixture } from './fixtures';

const LETTERS = 100;

/** A reminder letter to each of 100 units with overdue tasks, composed from a ledger as the batch screen does. */
async function hundredLetters(dir: string): Promise<ComposedDocument[]> {
  const { ledger } = must(await Ledger.create(join(dir, 'letters.duban'), { password: 'benchmark password', kdf: KDF_FLOOR }));
  try {
    // 101 units (prime to the fixture's cycles of status and deadline), so that every unit has overdue tasks.
    must(
      ledger.store.write((w) => {
        writeFixture(w, { units: LETTERS + 1, tasks: (LETTERS + 1) * 8, petitions: 0, progressReports: 0 }, '2026-11-01T09:00:00.000+08:00');
        return ok(undefined);
      }),
    );
    const letters = must(ledger.documents.previewBatch({ docType: 'reminder', overdueAsOf: '2026-11-24', issuedOn: '2026-11-24', replyDue: '2026-12-04' }));
    if (letters.length < LETTERS) throw new Error(`expected ${LETTERS} letters, composed ${letters.length}`);
    return letters.slice(0, LETTERS).map((letter) => letter.document);
  } finally {
    ledger.close();
  }
}

/**
 * letters_pdf_100_ms: 100 letters printed together to one PDF through Chromium (each numbering its
 * own pages), as the app's "print all" does; letter_pdf_1_ms: one letter alone, for comparison;
 * letters_docx_100_ms: 100 Word files.
 */
export async function documentFigures(): Promise<Figure[]> {
  const dir = mkdtempSync(join(tmpdir(), 'duban-bench-documents-'));
  try {
    const letters = await hundredLetters(dir);
    const [, docxMs] = await timed(async () => {
      for (const letter of letters) await renderDocx(letter);
    });
    const figures: Figure[] = [{ name: 'letters_docx_100_ms', value: round(docxMs, 0), unit: 'ms' }];
    const printer = await DocumentPrinter.launch();
    if (!printer.ok) {
      process.stderr.write('bench: no Chromium (/usr/bin/chromium or DUBAN_CHROMIUM): the PDF figures are left out\n');
      return figures;
    }
    try {
      must(await printer.value.pdf(renderHtml([letters[0]!]))); // Chromium's first page warms its caches.
      const [, pdfMs] = await timed(async () => must(await printer.value.pdf(renderHtml(letters))));
      const [, oneMs] = await timed(async () => must(await printer.value.pdf(renderHtml([letters[1]!]))));
      figures.push({ name: 'letters_pdf_100_ms', value: round(pdfMs, 0), unit: 'ms' }, { name: 'letter_pdf_1_ms', value: round(oneMs, 0), unit: 'ms' });
    } finally {
      await printer.value.close();
    }
    return figures;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
