/**
 * docs/documents/notice-3-pages.png and reminder-2-pages.png: a notice whose text runs to three
 * pages (its 版记 on a fourth) and a two-page reminder, each page as printed by Chromium (the PDF,
 * above) and as LibreOffice opens the .docx (below), at 40 dpi on grey.
 * Run: node --import tsx scripts/document-pages.ts
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { deflateSync, crc32 } from 'node:zlib';
import { DocumentPrinter } from '../src/core/documents/print/chromium';
import { renderDocx } from '../src/core/documents/render/docx';
import { renderHtml } from '../src/core/documents/render/html';
import { must, pictureLedger } from './picture-ledger';

interface Image {
  readonly width: number;
  readonly height: number;
  readonly rgb: Buffer;
}

/** The pages of a PDF as RGB images (pdftoppm's PPM). */
function pages(pdf: string, dir: string): Image[] {
  const prefix = join(dir, pdf.replace(/\W/g, '_'));
  execFileSync('pdftoppm', ['-r', '40', pdf, prefix]);
  return readdirSync(dir)
    .filter((name) => join(dir, name).startsWith(prefix) && name.endsWith('.ppm'))
    .sort()
    .map((name) => {
      const file = readFileSync(join(dir, name));
      const header = /^P6\s+(\d+)\s+(\d+)\s+255\s/.exec(file.toString('latin1', 0, 40))!;
      return { width: Number(header[1]), height: Number(header[2]), rgb: file.subarray(header[0].length) };
    });
}

/** Rows of pages side by side, 8 px apart, on grey. */
function sheet(rows: readonly (readonly Image[])[]): Image {
  const gap = 8;
  const [pageWidth, pageHeight] = [rows[0]![0]!.width, rows[0]![0]!.height];
  const width = gap + Math.max(...rows.map((row) => row.length)) * (pageWidth + gap);
  const height = gap + rows.length * (pageHeight + gap);
  const rgb = Buffer.alloc(width * height * 3, 0xc8);
  rows.forEach((row, r) =>
    row.forEach((page, c) => {
      for (let y = 0; y < Math.min(page.height, pageHeight); y++) {
        const at = ((gap + r * (pageHeight + gap) + y) * width + gap + c * (pageWidth + gap)) * 3;
        page.rgb.copy(rgb, at, y * page.width * 3, (y * page.width + Math.min(page.width, pageWidth)) * 3);
      }
    }),
  );
  return { width, height, rgb };
}

function png({ width, height, rgb }: Image): Buffer {
  const chunk = (type: string, data: Buffer) => {
    const body = Buffer.concat([Buffer.from(type, 'latin1'), data]);
    const length = Buffer.alloc(4);
    length.writeUInt32BE(data.length);
    const crc = Buffer.alloc(4);
    crc.writeUInt32BE(crc32(body));
    return Buffer.concat([length, body, crc]);
  };
  const header = Buffer.alloc(13);
  header.writeUInt32BE(width, 0);
  header.writeUInt32BE(height, 4);
  header.set([8, 2, 0, 0, 0], 8);
  const scanlines = Buffer.concat(
    Array.from({ length: height }, (_, y) => Buffer.concat([Buffer.from([0]), rgb.subarray(y * width * 3, (y + 1) * width * 3)])),
  );
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', header),
    chunk('IDAT', deflateSync(scanlines)),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

const out = join(import.meta.dirname, '..', 'docs', 'documents');
const work = mkdtempSync(join(tmpdir(), 'duban-pages-'));
try {
  const { ledger, water, taskIds } = await pictureLedger(work, 16);
  const printer = must(await DocumentPrinter.launch());
  const made = [
    { type: 'notice', name: 'notice-3-pages', tasks: taskIds },
    { type: 'reminder', name: 'reminder-2-pages', tasks: taskIds.slice(0, 9) },
  ];
  for (const { type, name, tasks } of made) {
    const doc = must(ledger.documents.issue({ docType: type, recipientUnitId: water, taskIds: tasks, issuedOn: '2026-11-24', replyDue: '2026-12-04' })).content;
    const pdf = join(work, `${name}.pdf`);
    writeFileSync(pdf, must(await printer.pdf(renderHtml([doc]))));
    const docx = join(work, `${name}.docx`);
    writeFileSync(docx, await renderDocx(doc));
    execFileSync(
      'soffice',
      [`-env:UserInstallation=file://${join(work, 'profile')}`, '--headless', '--convert-to', 'pdf', '--outdir', join(work, 'lo'), docx],
      { stdio: 'ignore' },
    );
    writeFileSync(join(out, `${name}.png`), png(sheet([pages(pdf, work), pages(join(work, 'lo', `${name}.pdf`), work)])));
  }
  await printer.close();
  ledger.close();
} finally {
  rmSync(work, { recursive: true, force: true });
}
