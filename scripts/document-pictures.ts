/**
 * The pictures in docs/documents/: the first page of each kind of document (and the notice's last,
 * with its copy-to block), printed by Chromium from a small ledger, as PNG at 60 dpi. Run: node --import tsx scripts/document-pictures.ts
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DocumentPrinter } from '../src/core/documents/print/chromium';
import { renderHtml } from '../src/core/documents/render/html';
import { must, pictureLedger } from './picture-ledger';

const out = join(import.meta.dirname, '..', 'docs', 'documents');
const work = mkdtempSync(join(tmpdir(), 'duban-pictures-'));
mkdirSync(out, { recursive: true });
try {
  const { ledger, water, taskIds } = await pictureLedger(work, 4);
  const printer = must(await DocumentPrinter.launch());
  for (const type of ['notice', 'reminder', 'supervision']) {
    const doc = must(ledger.documents.issue({ docType: type, recipientUnitId: water, taskIds, issuedOn: '2026-11-24', replyDue: '2026-12-04' }));
    const pdf = join(work, `${type}.pdf`);
    writeFileSync(pdf, must(await printer.pdf(renderHtml([doc.content]))));
    execFileSync('pdftoppm', ['-png', '-r', '60', '-f', '1', '-l', '1', '-singlefile', pdf, join(out, type)]);
    // The notice's last page too: its copy-to block on the bottom line of the type area.
    const pages = Number(/Pages:\s+(\d+)/.exec(execFileSync('pdfinfo', [pdf], { encoding: 'utf8' }))![1]);
    if (type === 'notice')
      execFileSync('pdftoppm', ['-png', '-r', '60', '-f', String(pages), '-l', String(pages), '-singlefile', pdf, join(out, `${type}-last`)]);
  }
  await printer.close();
  ledger.close();
} finally {
  rmSync(work, { recursive: true, force: true });
}
